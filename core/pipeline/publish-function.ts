// publish = test (every gate passes) then one atomic registry write. The new version waits for review.

import { JoineryError } from '../errors.ts';
import type { ActorSource, Registry, VersionRecord } from '../registry/types.ts';
import { testFunction, type TestFunctionResult } from './test-function.ts';
import type { Toolchain } from './toolchain.ts';

export type PublishResult =
  /** `existing`: the latest version already held this source and these fixtures (see `returnExisting`). */
  | { ok: true; version: VersionRecord; test: TestFunctionResult; existing?: boolean }
  | { ok: false; reason: string; test: TestFunctionResult };

export async function publishFunction({
  source,
  fixturesText,
  spec = null,
  author,
  requestedBy = null,
  actorSource = null,
  requirement = null,
  conversationId = null,
  returnExisting = false,
  toolchain,
  registry,
}: {
  source: string;
  fixturesText: string;
  spec?: string | null;
  author: string;
  requestedBy?: string | null;
  /** How the person publishing was established (recorded with the version). */
  actorSource?: ActorSource | null;
  /** The plain-language rule, and the conversation it came from: kept with the version for its reviewer. */
  requirement?: string | null;
  conversationId?: string | null;
  /** A retry: when the latest version has this source and these fixtures, the same author and requester,
   *  and is pending or approved, return it (`existing: true`) instead of refusing with CONFLICT. */
  returnExisting?: boolean;
  toolchain: Toolchain;
  registry: Registry;
}): Promise<PublishResult> {
  if (!author.trim()) throw new JoineryError('INVALID_INPUT', 'publishing needs an author (--as <who>)');

  // 1. Every gate: type-check, bundle, manifest, fixtures.
  const test = await testFunction({ source, fixturesText, toolchain });
  if (!test.ok || !test.check.manifest || !test.check.bundle || !test.tests || !test.report) {
    return { ok: false, reason: test.check.ok ? 'fixtures failed' : 'checks failed', test };
  }

  // 2. Nothing new to review: refuse an identical republish (a withdrawn one may be published again), or
  //    return it to the same publisher retrying.
  const { manifest, bundle } = test.check;
  const latest = registry.getVersion(manifest.name);
  if (latest && latest.status !== 'withdrawn' && latest.source === source && JSON.stringify(latest.fixtures) === JSON.stringify(test.tests)) {
    const samePublisher = latest.author === author && latest.requestedBy === requestedBy;
    if (returnExisting && samePublisher && latest.status !== 'rejected') return { ok: true, version: latest, test, existing: true };
    throw new JoineryError('CONFLICT', `${manifest.name}@${latest.version} already has this source and these fixtures (it is ${latest.status.replace('_', ' ')})`);
  }

  // 3. One atomic write.
  const version = registry.publish({
    name: manifest.name,
    source,
    bundle: bundle.code,
    sourceMap: bundle.sourceMap,
    manifest,
    fixtures: test.tests,
    checkReport: { ok: true, problems: test.check.problems, durationMs: test.check.durationMs },
    testReport: test.report,
    spec,
    author,
    requestedBy,
    actorSource,
    requirement,
    conversationId,
  });
  return { ok: true, version, test };
}
