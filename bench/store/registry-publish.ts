// Registry.publish and recordExecution on both stores, one caller: each publish numbers a new version of
// one function (lock, read latest, insert, move latest, commit), with a 4 KB source and a 16 KB bundle.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SyncSql } from '../../core/postgres/index.ts';
import { createPostgresRegistry, createSqliteRegistry, type PublishInput, type Registry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { percentile } from './bench-postgres.ts';

const PUBLISHES = 300;
const RECORDS = 300;
const NAME = 'generate-username';

function publishInput(index: number): PublishInput {
  return {
    name: NAME,
    source: `// ${index}\n${'x'.repeat(4_096)}`,
    bundle: 'y'.repeat(16_384),
    sourceMap: '{"version":3,"sources":[],"mappings":""}',
    manifest: { name: NAME, description: 'First initial + last name.', trigger: 'user.joined', egress: [], secrets: [] },
    fixtures: [{ name: 'plain', input: { type: 'user.joined' }, expect: { output: { username: 'jsmith' } } }],
    checkReport: { ok: true, diagnostics: [] },
    testReport: { passed: 1, failed: 0 },
    author: 'agent:functions-author',
    requestedBy: 'alice@example.com',
  };
}

/** p50 of publish and of recordExecution, in ms. */
function measure(registry: Registry): { publishP50Ms: number; recordP50Ms: number } {
  const time = (count: number, action: (index: number) => unknown) =>
    percentile(Array.from({ length: count }, (_, index) => {
      const start = performance.now();
      action(index);
      return performance.now() - start;
    }), 0.5);
  const publishP50Ms = time(PUBLISHES, (index) => registry.publish(publishInput(index)));
  const recordP50Ms = time(RECORDS, (index) => registry.recordExecution({
    name: NAME, version: 1, eventId: `evt-${index}`, input: { type: 'user.joined' }, outcome: { kind: 'returned', value: { username: 'jsmith' } },
    logs: [], calls: [], durationMs: 1, caller: 'bench', dryRun: false,
  }));
  return { publishP50Ms, recordP50Ms };
}

export function registryFiguresPostgres(sql: SyncSql): { publishP50Ms: number; recordP50Ms: number } {
  return measure(createPostgresRegistry(sql));
}

export function registryFiguresSqlite(): { publishP50Ms: number; recordP50Ms: number } {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-bench-registry-'));
  const registry = createSqliteRegistry(openDatabase(join(folder, 'joinery.db')));
  try {
    return measure(registry);
  } finally {
    registry.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
