// Issue 9, defect 6: the stored sha256 is checked before a version runs. An attacker with write access to
// the database file (no triggers for them: they drop them) alters a bundle; the run is refused with
// INTEGRITY naming the version and both digests, and the sandbox never sees the altered code.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import type { SandboxRunner } from '../../core/execution/types.ts';
import { resolveRunnableVersion, runFunction } from '../../core/pipeline/index.ts';
import { createSqliteRegistry, versionDigest, versionIntegrity, type Registry } from '../../core/registry/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { tamperWithVersion } from '../helpers/tamper-with-version.ts';
import { expectError } from './expect-joinery-error.ts';
import { samplePublishInput } from './sample-publish-input.ts';

const tamper = (db: SqliteDatabase, column: 'bundle' | 'source', value: string) => tamperWithVersion(db, { name: 'generate-username', version: 1, column, value });

function recordingRunner(): SandboxRunner & { bundles: string[] } {
  const bundles: string[] = [];
  return {
    bundles,
    async run(request) {
      bundles.push(request.bundle);
      return { outcome: { kind: 'returned', value: { ok: true } }, logs: [], logsDropped: 0, durationMs: 1 };
    },
    async describe() {
      return { ok: false, message: 'not used' };
    },
    async close() {},
  };
}

describe('version integrity', () => {
  let db: SqliteDatabase;
  let registry: Registry;
  beforeEach(() => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
    registry.publish(samplePublishInput());
    registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'approved' });
  });
  afterEach(() => registry.close());

  const run = (runner: SandboxRunner, version?: number) => runFunction({
    name: 'generate-username', version, event: { type: 'user.joined' }, caller: 'ops', registry,
    directory: createSqliteDirectory(db), secrets: { get: () => undefined, set() {}, list: () => [], delete: () => false },
    fetchFor: () => async () => { throw new Error('no egress in this test'); }, runner,
  });

  it('runs an untouched version', async () => {
    const runner = recordingRunner();
    await run(runner);
    expect(runner.bundles).toEqual([samplePublishInput().bundle]);
    const stored = registry.getVersion('generate-username', 1);
    expect(stored && versionIntegrity(stored)).toMatchObject({ ok: true });
  });

  it.each(['bundle', 'source'] as const)('refuses to run a version whose %s was altered in the database', async (column) => {
    tamper(db, column, column === 'bundle' ? 'globalThis.__handler = { run: () => "pwned" };' : '// other source');
    const runner = recordingRunner();
    await expect(run(runner)).rejects.toMatchObject({ code: 'INTEGRITY' });
    await expect(run(runner, 1)).rejects.toMatchObject({ code: 'INTEGRITY' });
    expect(runner.bundles).toEqual([]);
    expect(registry.listExecutions('generate-username')).toEqual([]);
  });

  it('names the version and both digests', () => {
    const stored = registry.getVersion('generate-username', 1)?.sha256 ?? '';
    tamper(db, 'bundle', 'altered');
    const computed = versionDigest(samplePublishInput().source, 'altered');
    const error = expectError(() => resolveRunnableVersion(registry, 'generate-username'), 'INTEGRITY', 'generate-username@1');
    expect(error.message).toContain(stored);
    expect(error.message).toContain(computed);
  });
});

describe('verified versions kept by the process', () => {
  let db: SqliteDatabase;
  let registry: Registry;
  let contentReads: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
    for (const version of [1, 2]) {
      registry.publish(samplePublishInput({ bundle: `globalThis.__handler = { run: () => ${version} };` }));
      registry.review({ name: 'generate-username', version, reviewer: 'bob', decision: 'approved' });
    }
    contentReads = 0;
    const getVersion = registry.getVersion.bind(registry);
    registry.getVersion = (name, version) => {
      contentReads++;
      return getVersion(name, version);
    };
  });
  afterEach(() => registry.close());

  it('reads and verifies a version once, and follows the active pointer on every run', () => {
    for (let run = 0; run < 3; run++) expect(resolveRunnableVersion(registry, 'generate-username').version).toBe(2);
    expect(contentReads).toBe(1);
    registry.activate('generate-username', 1);
    expect(resolveRunnableVersion(registry, 'generate-username').bundle).toContain('=> 1');
    expect(resolveRunnableVersion(registry, 'generate-username', 2).bundle).toContain('=> 2');
    expect(contentReads).toBe(2);
  });

  it('keeps running what it verified after the row is altered; a new process refuses the altered row', () => {
    const verified = resolveRunnableVersion(registry, 'generate-username');
    tamperWithVersion(db, { name: 'generate-username', version: 2, column: 'bundle', value: 'globalThis.__handler = { run: () => "pwned" };' });
    expect(resolveRunnableVersion(registry, 'generate-username').bundle).toBe(verified.bundle);
    expectError(() => resolveRunnableVersion(createSqliteRegistry(db), 'generate-username'), 'INTEGRITY', 'generate-username@2');
  });

  it('reads the content again when the stored digest changes', () => {
    resolveRunnableVersion(registry, 'generate-username');
    tamperWithVersion(db, { name: 'generate-username', version: 2, column: 'sha256', value: '0'.repeat(64) });
    expectError(() => resolveRunnableVersion(registry, 'generate-username'), 'INTEGRITY', 'generate-username@2');
  });
});
