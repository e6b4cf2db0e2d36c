// Publishing: one BEGIN IMMEDIATE transaction takes the write lock before reading latest_version, so
// publishers in different processes queue up and get consecutive numbers; a crash inside the
// transaction leaves nothing behind.

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { assertFunctionName } from './function-name.ts';
import { optionalActorSource, requireActorName } from './actor-name.ts';
import { optionalText, requireString, toJsonField } from './input-checks.ts';
import { toJsonText } from './redact-secrets.ts';
import type { PublishInput } from './types.ts';
import { versionDigest } from './version-digest.ts';

export interface PublishDependencies {
  now: () => Date;
  /** Test hook: runs inside the transaction, after the version row is written, before the commit. */
  afterInsert?: (version: number) => void;
}

/** Returns the publish operation; it answers the new version number. */
export function createPublishVersion(db: SqliteDatabase, { now, afterInsert }: PublishDependencies) {
  const insertFunction = db.prepare(
    'INSERT INTO functions (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
  );
  const selectLatest = db.prepare('SELECT latest_version FROM functions WHERE name = ?').pluck();
  const insertVersion = db.prepare(`INSERT INTO versions (name, version, source, bundle, source_map, sha256,
      manifest, fixtures, check_report, test_report, spec, author, requested_by, parent_version, created_at,
      actor_source, requirement, conversation_id)
    VALUES (@name, @version, @source, @bundle, @sourceMap, @sha256, @manifest, @fixtures, @checkReport,
      @testReport, @spec, @author, @requestedBy, @parentVersion, @createdAt, @actorSource, @requirement, @conversationId)`);
  const updateLatest = db.prepare('UPDATE functions SET latest_version = ? WHERE name = ?');

  const publishInTransaction = db.transaction((row: ReturnType<typeof toVersionRow>) => {
    insertFunction.run(row.name, row.createdAt);
    const latest = selectLatest.get(row.name) as number;
    const version = latest + 1;
    insertVersion.run({ ...row, version, parentVersion: latest === 0 ? null : latest });
    updateLatest.run(version, row.name);
    afterInsert?.(version);
    return version;
  });

  return (input: PublishInput): number => publishInTransaction.immediate(toVersionRow(input, now()));
}

/** The checked, serialised row of a version to publish (its number is given in the transaction). */
export function toVersionRow(input: PublishInput, createdAt: Date) {
  assertFunctionName(input.name);
  const manifest = input.manifest;
  if (manifest === null || typeof manifest !== 'object') invalid('manifest', 'expected an object');
  if (manifest.name !== input.name) {
    invalid('manifest.name', `${JSON.stringify(manifest.name)} does not match the published name "${input.name}"`);
  }
  if (!Array.isArray(input.fixtures)) invalid('fixtures', 'expected an array of fixtures');
  const source = requireString(input.source, 'source');
  const bundle = requireString(input.bundle, 'bundle');
  return {
    name: input.name,
    source,
    bundle,
    sourceMap: requireString(input.sourceMap, 'sourceMap'),
    sha256: versionDigest(source, bundle),
    manifest: toJsonField(manifest, 'manifest', toJsonText),
    fixtures: toJsonField(input.fixtures, 'fixtures', toJsonText),
    checkReport: toJsonField(input.checkReport, 'checkReport', toJsonText),
    testReport: toJsonField(input.testReport, 'testReport', toJsonText),
    spec: optionalText(input.spec, 'spec'),
    author: requireActorName(input.author, 'author'),
    requestedBy: input.requestedBy == null ? null : requireActorName(input.requestedBy, 'requestedBy'),
    actorSource: optionalActorSource(input.actorSource),
    requirement: optionalText(input.requirement, 'requirement'),
    conversationId: optionalText(input.conversationId, 'conversationId'),
    createdAt: createdAt.toISOString(),
  };
}

function invalid(field: string, problem: string): never {
  throw new JoineryError('INVALID_INPUT', `${field}: ${problem}`, { field });
}
