// `joinery serve` on one machine's SQLite against Postgres with one and with two nodes, side by side in one
// run: the serve-load workload (1,000 joiner events, 50 people called John Smith, 8 clients, 4 workers per
// node, the flow generate-username → create-account in dry run), each run checked like serve-load (every
// event done once, 0 duplicate usernames, no call twice), plus Registry.publish p50 on both stores.
// Postgres: JOINERY_BENCH_DATABASE_URL, else a throw-away cluster with durable defaults (bench/store/).
// Run: npm run bench -- --only serve-nodes, or node --no-node-snapshot --import tsx bench/serve-nodes.ts [--events 1000]

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openPostgres } from '../core/postgres/index.ts';
import { problemsOf } from './serve-load.ts';
import { percentile } from './serve-load/check-run.ts';
import { runLoad, type LoadResult } from './serve-load/run-load.ts';
import { startBenchServer } from './store/bench-postgres.ts';
import { registryFiguresPostgres, registryFiguresSqlite } from './store/registry-publish.ts';

const WORKLOAD = { sameNames: 50, clients: 8, workers: 4 };

export async function benchServeNodes({ events = 1_000 }: { events?: number } = {}): Promise<Record<string, number>> {
  const server = startBenchServer();
  if (server === undefined) {
    console.log('serve nodes: skipped (no PostgreSQL: set JOINERY_BENCH_DATABASE_URL or install the postgresql server)');
    return {};
  }
  try {
    const workload = { ...WORKLOAD, events, sameNames: Math.min(WORKLOAD.sameNames, events) };
    const runs: Array<[string, LoadResult]> = [
      ['sqlite.1node', await runLoad(workload)],
      ['postgres.1node', await runLoad({ ...workload, databaseUrl: server.createDatabase(), nodes: 1 })],
      ['postgres.2nodes', await runLoad({ ...workload, databaseUrl: server.createDatabase(), nodes: 2 })],
    ];
    const publish = { sqlite: registryFiguresSqlite().publishP50Ms, postgres: await publishP50OnPostgres(server.createDatabase()) };
    report(runs, publish, events);
    const problems = runs.flatMap(([name, result]) => problemsOf(result, events).map((problem) => `${name}: ${problem}`));
    if (problems.length > 0) throw new Error(`serve nodes benchmark failed its checks: ${problems.join('; ')}`);
    const figures: Record<string, number> = { 'sqlite.publishP50Ms': publish.sqlite, 'postgres.publishP50Ms': publish.postgres };
    for (const [name, result] of runs) {
      figures[`${name}.eventsPerSecond`] = result.eventsPerSecond;
      figures[`${name}.p50LatencyMs`] = percentile(result.latenciesMs, 0.5);
    }
    return figures;
  } finally {
    server.stop();
  }
}

async function publishP50OnPostgres(url: string): Promise<number> {
  const database = openPostgres({ url, applicationName: 'joinery-bench' });
  try {
    return registryFiguresPostgres(database.sync).publishP50Ms;
  } finally {
    await database.close();
  }
}

function report(runs: Array<[string, LoadResult]>, publish: { sqlite: number; postgres: number }, events: number): void {
  console.log(`serve nodes: ${events} joiner events (50 named John Smith), ${WORKLOAD.clients} clients, ${WORKLOAD.workers} workers per node, dry run`);
  console.log('  store             events/s   p50 ms   p99 ms   done   duplicate usernames   calls twice   retried');
  for (const [name, result] of runs) {
    const cells = [
      name.padEnd(16),
      result.eventsPerSecond.toFixed(1).padStart(9),
      percentile(result.latenciesMs, 0.5).toFixed(0).padStart(8),
      percentile(result.latenciesMs, 0.99).toFixed(0).padStart(8),
      `${result.done}/${events}`.padStart(10),
      String(result.duplicateUsernames.length).padStart(21),
      String(result.repeatedCalls.length).padStart(13),
      String(result.retriedEvents).padStart(9),
    ];
    console.log(`  ${cells.join(' ')}`);
  }
  const p50 = `SQLite ${publish.sqlite.toFixed(2)} ms, Postgres ${publish.postgres.toFixed(2)} ms`;
  console.log(`  Registry.publish p50: ${p50} (one caller, 4 KB source, 16 KB bundle)`);
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const { values } = parseArgs({ options: { events: { type: 'string' } } });
  await benchServeNodes({ events: values.events === undefined ? 1_000 : Number(values.events) });
}
