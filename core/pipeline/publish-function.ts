// publish = test (every gate passes) then one atomic registry write. The new version waits for review.

import { JoineryError } from '../errors.ts';
import type { ActorSource, Registry, VersionRecord } from '../registry/types.ts';
import { testFunction, type TestFunctionResult } from './test-function.ts';
import type { Toolchain } from './toolchain.ts';

export type PublishResult =
  | { ok: true; version: VersionRecord; test: TestFunctionResult }
  | { ok: false; reason: string; test: TestFunctionResult };

export async function publishFunction({
  source,
  fixturesText,
  spec = null,
  author,
  requestedBy = null,
  actorSource = null,
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
  toolchain: Toolchain;
  registry: Registry;
}): Promise<PublishResult> {
  if (!author.trim()) throw new JoineryError('INVALID_INPUT', 'publishing needs an author (--as <who>)');

  // 1. Every gate: type-check, bundle, manifest, fixtures.
  const test = await testFunction({ source, fixturesText, toolchain });
  if (!test.ok || !test.check.manifest || !test.check.bundle || !test.tests || !test.report) {
    return { ok: false, reason: test.check.ok ? 'fixtures failed' : 'checks failed', test };
  }

  // 2. Nothing new to review: refuse an identical republish.
  const { manifest, bundle } = test.check;
  const latest = registry.getVersion(manifest.name);
  if (latest && latest.source === source && JSON.stringify(latest.fixtures) === JSON.stringify(test.tests)) {
    throw new JoineryError('CONFLICT', `${manifest.name}@${latest.version} already has this source and these fixtures`);
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
  });
  return { ok: true, version, test };
}
