// The whole load test on a fresh temporary home: prepare it, start `joinery serve`, submit the events from
// concurrent clients, optionally kill -9 the server once `killAfterDone` events are done and start it again
// on the same home, wait (bounded) until every event has settled, stop the server, check the database.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { checkRun, type RunCheck } from './check-run.ts';
import { joinerEvents } from './joiner-events.ts';
import { prepareServeHome } from './prepare-home.ts';
import { startServe, type ServeProcess } from './serve-process.ts';
import { submitEvents, type SubmitTarget } from './submit-events.ts';

export interface LoadOptions {
  events: number;
  sameNames: number;
  clients: number;
  workers: number;
  /** kill -9 the server once this many events are done, then restart it; omitted, no fault. */
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

export async function runLoad({ events: count, sameNames, clients, workers, killAfterDone, leaseSeconds = 3, deadlineMs = 300_000 }: LoadOptions): Promise<LoadResult> {
  const home = mkdtempSync(join(tmpdir(), 'joinery-serve-load-'));
  let serve: ServeProcess | undefined;
  const db = openDatabase(join(home, 'joinery.db'));
  try {
    const token = await prepareServeHome(home);
    const queue = createSqliteEventQueue(db);
    const events = joinerEvents({ count, sameNameCount: sameNames, runId: String(process.pid) });
    serve = await startServe({ home, workers, leaseSeconds });
    const target: SubmitTarget = { url: serve.url, token };
    const started = Date.now();
    const submitting = submitEvents({ events, clients, target });
    let killed = false;
    const deadline = started + deadlineMs;
    for (;;) {
      const counts = await queue.countByStatus();
      const settled = counts.done + counts.dead + counts.failed + counts.held;
      if (!killed && killAfterDone !== undefined && counts.done >= killAfterDone) {
        killed = true;
        await serve.stop('SIGKILL');
        serve = await startServe({ home, workers, leaseSeconds });
        target.url = serve.url;
      }
      if (settled >= count) break;
      if (Date.now() > deadline) throw new Error(`not every event settled within ${deadlineMs} ms: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const submittedAt = await submitting;
    const elapsedMs = Date.now() - started;
    await serve.stop('SIGTERM');
    serve = undefined;
    const check = await checkRun({ db, queue, ids: events.map((event) => event.id), submittedAt });
    return { ...check, elapsedMs, eventsPerSecond: (count * 1000) / elapsedMs, killed };
  } finally {
    await serve?.stop('SIGKILL');
    closeDatabase(db);
    rmSync(home, { recursive: true, force: true });
  }
}
