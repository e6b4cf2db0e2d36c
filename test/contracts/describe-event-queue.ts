// The contract every EventQueue implementation must pass. The factory opens one store (an empty one) and
// hands out connections to it: claims are raced across connections, as separate workers would race them.
// Time and randomness are pinned through `clock` and `random`, so leases and backoff are tested exactly.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventQueue, RetryPolicy } from '../../core/events/index.ts';

export interface EventQueueStore {
  connect(): EventQueue;
  close(): Promise<void> | void;
}

export interface EventQueueStoreOptions {
  retry: RetryPolicy;
  now: () => number;
  random: () => number;
}

const RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };
const LEASE_MS = 30_000;
const START = Date.parse('2025-03-01T09:00:00Z');

export function describeEventQueue(
  implementation: string,
  openStore: (options: EventQueueStoreOptions) => Promise<EventQueueStore> | EventQueueStore,
  { skip = false }: { skip?: boolean } = {},
): void {
  describe.skipIf(skip)(`EventQueue contract: ${implementation}`, () => {
    let store: EventQueueStore;
    let queue: EventQueue;
    let clock: number;
    const advance = (milliseconds: number) => (clock += milliseconds);
    const enqueue = (id: string, target = queue) => target.enqueue({ id, type: 'user.joined', payload: { id, n: 1 }, source: 'test' });
    const claim = (target = queue, leaseMs = LEASE_MS) => target.claim({ owner: 'worker', leaseMs });

    beforeEach(async () => {
      clock = START;
      store = await openStore({ retry: RETRY, now: () => clock, random: () => 0 });
      queue = store.connect();
    });
    afterEach(async () => {
      await store.close();
    });

    it('persists an event once: the same id again is acknowledged and changes nothing', async () => {
      expect(await enqueue('evt-1')).toEqual({ id: 'evt-1', created: true });
      await queue.enqueue({ id: 'evt-1', type: 'user.left', payload: { other: true }, source: 'someone-else' });
      expect(await queue.enqueue({ id: 'evt-1', type: 'user.left', payload: {}, source: 'x' })).toEqual({ id: 'evt-1', created: false });
      const record = await queue.get('evt-1');
      expect(record).toMatchObject({ id: 'evt-1', type: 'user.joined', payload: { id: 'evt-1', n: 1 }, source: 'test', status: 'queued', attempts: 0, results: {} });
      expect(await queue.list()).toHaveLength(1);
      expect(await queue.get('missing')).toBeUndefined();
    });

    it('claims the oldest due event under a lease and never hands it out again while the lease lives', async () => {
      await enqueue('first');
      advance(1);
      await enqueue('second');
      const claimed = await claim();
      expect(claimed).toMatchObject({ attempt: 1, event: { id: 'first', status: 'running', attempts: 1, payload: { id: 'first', n: 1 } } });
      expect((await claim())?.event.id).toBe('second');
      advance(LEASE_MS - 1);
      expect(await claim(store.connect())).toBeUndefined();
    });

    it('hands each event to exactly one of several racing connections', async () => {
      const ids = Array.from({ length: 40 }, (_, index) => `race-${index}`);
      for (const id of ids) await enqueue(id);
      const connections = [store.connect(), store.connect(), store.connect(), store.connect()];
      const claimedBy = await Promise.all(
        connections.map(async (connection) => {
          const mine: string[] = [];
          for (let next = await claim(connection); next; next = await claim(connection)) mine.push(next.event.id);
          return mine;
        }),
      );
      const all = claimedBy.flat();
      expect(all.sort()).toEqual([...ids].sort());
      expect(new Set(all).size).toBe(ids.length);
    });

    it('gives the work to another worker when a lease expires, and fences off the old holder', async () => {
      await enqueue('evt-1');
      const first = await claim(queue, 1_000);
      expect(first).toBeDefined();
      advance(1_000);
      const other = store.connect();
      const second = await claim(other);
      expect(second).toMatchObject({ attempt: 2, event: { id: 'evt-1', attempts: 2 } });
      expect(second?.leaseId).not.toBe(first?.leaseId);
      const stale = { id: 'evt-1', leaseId: first?.leaseId ?? '' };
      expect(await queue.recordStep({ ...stale, step: 'f', result: { outcome: 'returned', output: 1 } })).toBe(false);
      expect(await queue.complete(stale)).toBe(false);
      expect(await queue.fail({ ...stale, error: 'late', retryable: true })).toEqual({ kind: 'lost' });
      expect(await queue.renew({ ...stale, leaseMs: LEASE_MS })).toBe(false);
      expect((await queue.get('evt-1'))?.status).toBe('running');
    });

    it('keeps a renewed lease past its first expiry', async () => {
      await enqueue('evt-1');
      const claimed = await claim(queue, 1_000);
      advance(900);
      expect(await queue.renew({ id: 'evt-1', leaseId: claimed?.leaseId ?? '', leaseMs: 1_000 })).toBe(true);
      advance(900);
      expect(await claim(store.connect())).toBeUndefined();
      advance(100);
      expect((await claim(store.connect()))?.attempt).toBe(2);
    });

    it('records step results under the lease and completes the event', async () => {
      await enqueue('evt-1');
      const claimed = await claim();
      const lease = { id: 'evt-1', leaseId: claimed?.leaseId ?? '' };
      expect(await queue.recordStep({ ...lease, step: 'generate-username', result: { outcome: 'returned', output: { username: 'jdoe' } } })).toBe(true);
      expect(await queue.recordStep({ ...lease, step: 'open-ticket', result: { outcome: 'threw', error: 'boom' } })).toBe(true);
      expect(await queue.recordStep({ ...lease, step: 'open-ticket', result: { outcome: 'returned', output: null } })).toBe(true);
      expect(await queue.complete(lease)).toBe(true);
      const record = await queue.get('evt-1');
      expect(record?.status).toBe('done');
      expect(record?.results).toEqual({
        'generate-username': { outcome: 'returned', output: { username: 'jdoe' }, attempt: 1 },
        'open-ticket': { outcome: 'returned', output: null, attempt: 1 },
      });
      expect(await claim()).toBeUndefined();
    });

    it('retries a failed attempt after an exponential backoff, then sends it to the dead letter', async () => {
      await enqueue('evt-1');
      const first = await claim();
      expect(await queue.fail({ id: 'evt-1', leaseId: first?.leaseId ?? '', error: 'threw: boom', retryable: true })).toEqual({
        kind: 'retry',
        retryAt: new Date(clock + 500).toISOString(),
      });
      expect(await queue.get('evt-1')).toMatchObject({ status: 'queued', lastError: 'threw: boom', attempts: 1 });
      advance(499);
      expect(await claim()).toBeUndefined();
      advance(1);
      const second = await claim();
      expect(second?.attempt).toBe(2);
      expect(await queue.fail({ id: 'evt-1', leaseId: second?.leaseId ?? '', error: 'timed-out', retryable: true })).toEqual({
        kind: 'retry',
        retryAt: new Date(clock + 1_000).toISOString(),
      });
      advance(1_000);
      const third = await claim();
      expect(await queue.fail({ id: 'evt-1', leaseId: third?.leaseId ?? '', error: 'crashed', retryable: true })).toEqual({ kind: 'dead' });
      expect(await queue.get('evt-1')).toMatchObject({ status: 'dead', attempts: 3, lastError: 'crashed' });
      advance(3_600_000);
      expect(await claim()).toBeUndefined();
    });

    it('marks an attempt that cannot succeed by retrying as failed at once', async () => {
      await enqueue('evt-1');
      const claimed = await claim();
      expect(await queue.fail({ id: 'evt-1', leaseId: claimed?.leaseId ?? '', error: 'out-of-memory', retryable: false })).toEqual({ kind: 'failed' });
      expect(await queue.get('evt-1')).toMatchObject({ status: 'failed', attempts: 1 });
    });

    it('dead-letters an event whose last allowed attempt lost its lease', async () => {
      await enqueue('evt-1');
      for (let attempt = 1; attempt <= RETRY.maxAttempts; attempt += 1) {
        expect((await claim(queue, 1_000))?.attempt).toBe(attempt);
        advance(1_000);
      }
      expect(await claim()).toBeUndefined();
      expect(await queue.get('evt-1')).toMatchObject({ status: 'dead', attempts: RETRY.maxAttempts });
    });

    it('replays a dead or failed event from the start: attempts and results cleared, due now', async () => {
      await enqueue('evt-1');
      const claimed = await claim();
      const lease = { id: 'evt-1', leaseId: claimed?.leaseId ?? '' };
      await queue.recordStep({ ...lease, step: 'f', result: { outcome: 'out-of-memory', error: 'out of memory' } });
      await queue.fail({ ...lease, error: 'out-of-memory', retryable: false });
      expect(await queue.replay('evt-1')).toBe(true);
      expect(await queue.get('evt-1')).toMatchObject({ status: 'queued', attempts: 0, lastError: null, results: {} });
      expect((await claim())?.attempt).toBe(1);
      expect(await queue.replay('evt-1')).toBe(false);
      expect(await queue.replay('missing')).toBe(false);
    });

    it('gives an event back on release without using up the attempt', async () => {
      await enqueue('evt-1');
      const claimed = await claim();
      expect(await queue.release({ id: 'evt-1', leaseId: claimed?.leaseId ?? '' })).toBe(true);
      expect(await queue.get('evt-1')).toMatchObject({ status: 'queued', attempts: 0 });
      expect((await claim(store.connect()))?.attempt).toBe(1);
    });

    it('never claims a held event until it is replayed (resumed)', async () => {
      await enqueue('evt-1');
      expect(await queue.hold({ id: 'evt-1', reason: 'quarantined: too many failures' })).toBe(true);
      expect(await queue.get('evt-1')).toMatchObject({ status: 'held', lastError: 'quarantined: too many failures' });
      expect(await claim()).toBeUndefined();
      expect(await queue.replay('evt-1')).toBe(true);
      expect((await claim())?.event.id).toBe('evt-1');
    });

    it('holds a claimed event under its lease with its results, and resumes it keeping them', async () => {
      await enqueue('evt-1');
      const claimed = await claim();
      const lease = { id: 'evt-1', leaseId: claimed?.leaseId ?? '' };
      await queue.recordStep({ ...lease, step: 'a', result: { outcome: 'returned', output: 1 } });
      expect(await queue.holdClaimed({ id: 'evt-1', leaseId: 'not-the-lease', reason: 'x' })).toBe(false);
      expect(await queue.holdClaimed({ ...lease, reason: 'quarantined: b' })).toBe(true);
      expect(await queue.get('evt-1')).toMatchObject({ status: 'held', lastError: 'quarantined: b', results: { a: { outcome: 'returned' } } });
      expect(await claim()).toBeUndefined();
      expect(await queue.complete(lease)).toBe(false);
      expect(await queue.resumeHeld('evt-1')).toBe(true);
      expect(await queue.resumeHeld('evt-1')).toBe(false);
      const again = await claim();
      expect(again?.attempt).toBe(1);
      expect(again?.event.results).toMatchObject({ a: { outcome: 'returned', output: 1 } });
    });

    it('lists newest first, filters by status, and counts every status', async () => {
      for (const id of ['a', 'b', 'c']) {
        await enqueue(id);
        advance(1);
      }
      const claimed = await claim();
      await queue.complete({ id: 'a', leaseId: claimed?.leaseId ?? '' });
      expect((await queue.list()).map((summary) => summary.id)).toEqual(['c', 'b', 'a']);
      expect((await queue.list({ status: 'queued' })).map((summary) => summary.id)).toEqual(['c', 'b']);
      expect((await queue.list({ limit: 1 })).map((summary) => summary.id)).toEqual(['c']);
      expect(await queue.countByStatus()).toEqual({ queued: 2, running: 0, done: 1, failed: 0, dead: 0, held: 0 });
    });
  });
}
