// Why the synchronous ports use a blocking connection on Postgres (core/store/README.md): the round trip of
// the worker-thread connection (caller blocked in Atomics.wait) against the plain async `pg` client, for a
// trivial SELECT and for a publish-shaped transaction (the flow store's: lock the row, insert a version,
// move the latest number), and a real FlowStore publish on both stores.
// `node --import tsx bench/store-roundtrip.ts`; JOINERY_BENCH_DATABASE_URL picks the server (see bench-postgres.ts).

import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createPostgresFlowStore, createSqliteFlowStore, type FlowStore } from '../core/flows/index.ts';
import { createPostgresPool, openPostgres, type AsyncSql, type SyncSql } from '../core/postgres/index.ts';
import { closeDatabase, openDatabase } from '../core/store/index.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, startBenchServer } from './store/bench-postgres.ts';
import { registryFiguresPostgres, registryFiguresSqlite } from './store/registry-publish.ts';

const SAMPLES = 2_000;
const PUBLISHES = 300;
const DEFINITION = { name: 'onboarding', trigger: 'user.joined', description: 'x'.repeat(2_000), steps: [{ function: 'make-username' }] };

export async function benchStoreRoundTrip(): Promise<Record<string, number>> {
  const server = startBenchServer();
  if (server === undefined) {
    console.log('store round trips: skipped (no PostgreSQL: set JOINERY_BENCH_DATABASE_URL or install the postgresql server)');
    return {};
  }
  try {
    const database = openPostgres({ url: server.createDatabase() });
    const pool = createPostgresPool({ connectionString: database.url, maxConnections: 1 });
    const registryPostgres = registryFiguresPostgres(database.sync);
    const registrySqlite = registryFiguresSqlite();
    const figures = {
      selectSyncP50Ms: percentile(timeSync(SAMPLES, () => database.sync.query('SELECT 1')), 0.5),
      selectAsyncP50Ms: percentile(await timeAsync(SAMPLES, () => pool.query('SELECT 1')), 0.5),
      transactionSyncP50Ms: percentile(timeSync(PUBLISHES, (index) => publishShaped(database.sync, index)), 0.5),
      transactionAsyncP50Ms: percentile(await timeAsync(PUBLISHES, (index) => publishShapedAsync(pool, index)), 0.5),
      flowPublishPostgresP50Ms: percentile(timeFlowPublishes(createPostgresFlowStore(database.sync)), 0.5),
      flowPublishSqliteP50Ms: sqliteFlowPublishP50(),
      registryPublishPostgresP50Ms: registryPostgres.publishP50Ms,
      registryPublishSqliteP50Ms: registrySqlite.publishP50Ms,
      registryRecordPostgresP50Ms: registryPostgres.recordP50Ms,
      registryRecordSqliteP50Ms: registrySqlite.recordP50Ms,
    };
    await pool.close();
    await database.close();
    console.log('store round trips, Postgres on loopback (durable settings) and SQLite (synchronous=FULL), one caller');
    console.log(`  SELECT 1 p50: blocking connection ${figures.selectSyncP50Ms.toFixed(3)} ms, async pg client ${figures.selectAsyncP50Ms.toFixed(3)} ms`);
    const transaction = `blocking ${figures.transactionSyncP50Ms.toFixed(3)} ms, async ${figures.transactionAsyncP50Ms.toFixed(3)} ms`;
    console.log(`  publish-shaped transaction (BEGIN, 4 statements, COMMIT) p50: ${transaction}`);
    console.log(`  FlowStore.publish p50: Postgres ${figures.flowPublishPostgresP50Ms.toFixed(3)} ms, SQLite ${figures.flowPublishSqliteP50Ms.toFixed(3)} ms`);
    const registry = ({ publishP50Ms, recordP50Ms }: typeof registryPostgres) =>
      `publish ${publishP50Ms.toFixed(3)} ms, recordExecution ${recordP50Ms.toFixed(3)} ms`;
    console.log(`  Registry p50: Postgres ${registry(registryPostgres)}; SQLite ${registry(registrySqlite)}`);
    return figures;
  } finally {
    server.stop();
  }
}

function publishShaped(sql: SyncSql, index: number): void {
  sql.transaction(() => {
    for (const [text, parameters] of publishStatements(index)) sql.query(text, parameters);
  });
}

async function publishShapedAsync(sql: AsyncSql, index: number): Promise<void> {
  await sql.transaction(async (session) => {
    for (const [text, parameters] of publishStatements(index + PUBLISHES)) await session.query(text, parameters);
  });
}

function publishStatements(index: number): Array<[string, Array<string | number>]> {
  const name = `flow-${index}`;
  const text = JSON.stringify({ ...DEFINITION, name });
  return [
    ['INSERT INTO flows (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, new Date().toISOString()]],
    ['SELECT latest_version FROM flows WHERE name = $1 FOR UPDATE', [name]],
    [
      'INSERT INTO flow_versions (name, version, trigger, definition, sha256, author, created_at) VALUES ($1, 1, $2, $3, $4, $5, $6)',
      [name, 'user.joined', text, createHash('sha256').update(text).digest('hex'), 'alice', new Date().toISOString()],
    ],
    ['UPDATE flows SET latest_version = 1 WHERE name = $1', [name]],
  ];
}

function timeFlowPublishes(store: FlowStore): number[] {
  return timeSync(PUBLISHES, () => store.publish({ definition: DEFINITION, author: 'alice' }));
}

function sqliteFlowPublishP50(): number {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-bench-flows-'));
  const db = openDatabase(join(folder, 'joinery.db'));
  try {
    return percentile(timeFlowPublishes(createSqliteFlowStore(db)), 0.5);
  } finally {
    closeDatabase(db);
    rmSync(folder, { recursive: true, force: true });
  }
}

function timeSync(count: number, action: (index: number) => unknown): number[] {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    action(index);
    times.push(performance.now() - start);
  }
  return times;
}

async function timeAsync(count: number, action: (index: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await action(index);
    times.push(performance.now() - start);
  }
  return times;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchStoreRoundTrip();
