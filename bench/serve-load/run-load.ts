// The whole load test on a fresh temporary home: prepare the store, start `joinery serve` (one node on an
// SQLite home, or `nodes` nodes on one Postgres database), submit the events from concurrent clients spread
// over the nodes, optionally kill -9 the (one) server once `killAfterDone` events are done and start it again
// on the same home, wait (bounded) until every event has settled, stop the servers, check the database.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRun, type RunCheck } from './check-run.ts';
import { joinerEvents } from './joiner-events.ts';
import { postgresLoadStore, sqliteLoadStore, type LoadStore } from './load-store.ts';
import { startServe, type ServeProcess } from './serve-process.ts';
import { submitEvents, type SubmitTarget } from './submit-events.ts';

export interface LoadOptions {
  events: number;
  sameNames: number;
  /** Concurrent clients in all, shared out over the nodes. */
  clients: number;
  /** Workers per node. */
  workers: number;
  /** Run on this Postgres database (empty) instead of an SQLite home. */
  databaseUrl?: string;
  /** `joinery serve` processes (Postgres only beyond one). */
  nodes?: number;
  /** kill -9 the server once this many events are done, then restart it; omitted, no fault. One node only. */
  killAfterDone?: number;
  /** Lease length for the server: after a kill, the events it held wait this long. */
  leaseSeconds?: number;
  /** Give up waiting for the events after this long. */
  deadlineMs?: number;
}

export interface LoadResult extends RunCheck {
  elapsedMs: number;
  eventsPerSecond: number;
  killed: boolean;
}

export async function runLoad({
  events: count, sameNames, clients, workers, databaseUrl, nodes = 1, killAfterDone, leaseSeconds = 3, deadlineMs = 300_000,
}: LoadOptions): Promise<LoadResult> {
  if (nodes > 1 && databaseUrl === undefined) throw new Error('several nodes need a Postgres database');
  if (nodes > 1 && killAfterDone !== undefined) throw new Error('the kill -9 fault restarts one node: run it with nodes = 1');
  const home = mkdtempSync(join(tmpdir(), 'joinery-serve-load-'));
  const store: LoadStore = databaseUrl === undefined ? sqliteLoadStore(home) : postgresLoadStore(home, databaseUrl);
  const servers: ServeProcess[] = [];
  const start = (index: number) => startServe({ ...store.node(index), workers, leaseSeconds });
  try {
    const token = await store.prepare();
    const events = joinerEvents({ count, sameNameCount: sameNames, runId: String(process.pid) });
    servers.push(...(await Promise.all(Array.from({ length: nodes }, (_, index) => start(index)))));
    const targets: SubmitTarget[] = servers.map((server) => ({ url: server.url, token }));
    const started = Date.now();
    const submitting = submitSpread({ events, clients, targets });
    let killed = false;
    const deadline = started + deadlineMs;
    for (;;) {
      const counts = await store.queue.countByStatus();
      const settled = counts.done + counts.dead + counts.failed + counts.held;
      if (!killed && killAfterDone !== undefined && counts.done >= killAfterDone) {
        killed = true;
        await servers[0]?.stop('SIGKILL');
        servers[0] = await start(0);
        if (targets[0]) targets[0].url = servers[0].url;
      }
      if (settled >= count) break;
      if (Date.now() > deadline) throw new Error(`not every event settled within ${deadlineMs} ms: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const submittedAt = await submitting;
    const elapsedMs = Date.now() - started;
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGTERM')));
    const check = await checkRun({ rows: store.rows, queue: store.queue, ids: events.map((event) => event.id), submittedAt });
    return { ...check, elapsedMs, eventsPerSecond: (count * 1000) / elapsedMs, killed };
  } finally {
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    await store.close();
    rmSync(home, { recursive: true, force: true });
  }
}

/** The events in one slice per node, each posted by its share of the clients; the submission times merged. */
async function submitSpread({ events, clients, targets }: { events: ReadonlyArray<{ id: string }>; clients: number; targets: SubmitTarget[] }) {
  const slice = Math.ceil(events.length / targets.length);
  const perNode = Math.max(1, Math.round(clients / targets.length));
  const times = await Promise.all(targets.map((target, index) => submitEvents({ events: events.slice(index * slice, (index + 1) * slice), clients: perNode, target })));
  return new Map(times.flatMap((map) => [...map]));
}
