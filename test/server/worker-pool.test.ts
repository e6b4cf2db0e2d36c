// The worker pool when the handler itself throws (a bug, or a store call that failed outside any step):
// the attempt fails with that error and is retried like any failure, so an event that keeps failing ends
// dead saying why. Only when even that cannot be recorded does the lease lapse.

import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteEventQueue, type EventQueue } from '../../core/events/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createLogger } from '../../server/logger.ts';
import { startWorkerPool, type WorkerPool } from '../../server/workers/worker-pool.ts';

const RETRY = { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 };
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

function start(queue: EventQueue, handled: string[]): { pool: WorkerPool; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const pool = startWorkerPool({
    queue,
    workers: 1,
    leaseMs: 100,
    pollIntervalMs: 5,
    logger: createLogger({ destination }),
    handle: async (claimed) => {
      handled.push(`${claimed.event.id}#${claimed.attempt}`);
      throw new Error('boom');
    },
  });
  return { pool, lines };
}

async function settled(queue: EventQueue, id: string) {
  for (const started = Date.now(); Date.now() - started < 10_000; await new Promise((resolve) => setTimeout(resolve, 10))) {
    const event = await queue.get(id);
    if (event?.status === 'dead' || event?.status === 'failed') return event;
  }
  throw new Error(`${id} did not end within 10 s`);
}

function openQueue(wrap: (queue: EventQueue) => EventQueue = (queue) => queue) {
  const db = openDatabase(':memory:');
  const queue = wrap(createSqliteEventQueue(db, { retry: RETRY }));
  return { queue, db };
}

describe('worker pool: a handler that throws', () => {
  it('fails the attempt with the error, retries it, and ends the event dead with the reason', async () => {
    const { queue, db } = openQueue();
    const handled: string[] = [];
    await queue.enqueue({ id: 'evt-1', type: 'user.joined', payload: {}, source: 'test' });
    const { pool, lines } = start(queue, handled);
    cleanup = async () => {
      await pool.stop({ deadlineMs: 1_000 });
      closeDatabase(db);
    };
    expect(await settled(queue, 'evt-1')).toMatchObject({ status: 'dead', attempts: 2, lastError: 'the event handler failed: boom' });
    expect(handled).toEqual(['evt-1#1', 'evt-1#2']);
    expect(lines.filter((line) => line.eventId === 'evt-1' && line.level === 50)).toHaveLength(2);
  });

  it('leaves the lease to lapse when the failure cannot be recorded either, and the event is claimed again after it', async () => {
    const { queue, db } = openQueue((inner) => ({ ...inner, fail: async () => Promise.reject(new Error('store unavailable')) }));
    const handled: string[] = [];
    await queue.enqueue({ id: 'evt-2', type: 'user.joined', payload: {}, source: 'test' });
    const { pool, lines } = start(queue, handled);
    cleanup = async () => {
      await pool.stop({ deadlineMs: 1_000 });
      closeDatabase(db);
    };
    expect(await settled(queue, 'evt-2')).toMatchObject({ status: 'dead', lastError: 'lease expired on attempt 2 of 2' });
    expect(handled).toEqual(['evt-2#1', 'evt-2#2']);
    expect(lines.some((line) => line.msg === 'could not record the failed attempt; the lease will expire and the event be retried')).toBe(true);
  });
});
