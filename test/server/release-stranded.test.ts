// Names reserved by an event that died with its worker: the last allowed attempt's holder vanished, the
// next claim sent the event to the dead letter inside the queue, and no worker was left to release its
// names. The sweep frees them; names of events still queued or running stay reserved.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventQueue, type EventQueue } from '../../core/events/index.ts';
import { createSqliteReservationLedger, type ReservationLedger } from '../../core/ledger/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { RUN_HOLDER_PREFIX } from '../../core/ledger/index.ts';
import { releaseStrandedReservations, RUN_HOLDER_MAX_AGE_MS } from '../../server/workers/release-stranded.ts';

describe('the reservation sweep', () => {
  let db: SqliteDatabase;
  let clock = 0;
  let queue: EventQueue;
  let ledger: ReservationLedger;
  beforeEach(() => {
    db = openDatabase(':memory:');
    clock = Date.parse('2026-12-01T09:00:00Z');
    queue = createSqliteEventQueue(db, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 }, _internal: { now: () => clock } });
    ledger = createSqliteReservationLedger(db);
  });
  afterEach(() => closeDatabase(db));

  it('frees the names of an event dead-lettered by a claim after its last holder vanished, and only those', async () => {
    await queue.enqueue({ id: 'evt-crashed', type: 'user.joined', payload: {}, source: 'test' });
    const claimed = await queue.claim({ owner: 'worker-that-dies', leaseMs: 1_000 });
    expect(claimed?.event.id).toBe('evt-crashed');
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-crashed' })).toBe(true);

    await queue.enqueue({ id: 'evt-running', type: 'user.joined', payload: {}, source: 'test' });
    clock += 5_000; // the first lease expired; evt-running is claimed by a live worker
    expect((await queue.claim({ owner: 'worker-alive', leaseMs: 60_000 }))?.event.id).toBe('evt-running');
    expect((await queue.get('evt-crashed'))?.status).toBe('dead');
    expect(await ledger.reserve({ kind: 'username', value: 'adoe', eventId: 'evt-running' })).toBe(true);
    await ledger.reserve({ kind: 'username', value: 'queued-soon', eventId: 'evt-not-yet-queued' });

    // Before the sweep the dead event's name is stranded.
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-next' })).toBe(false);
    expect(await releaseStrandedReservations({ ledger, queue, now: clock })).toEqual(['evt-crashed']);
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-next' })).toBe(true);
    expect(await ledger.reservationsOf('evt-running')).toEqual([{ kind: 'username', value: 'adoe', eventId: 'evt-running' }]);
    expect(await ledger.reservationsOf('evt-not-yet-queued')).toHaveLength(1);
    expect(await releaseStrandedReservations({ ledger, queue, now: clock })).toEqual([]);
  });

  it('frees the names of a `joinery run` killed mid-run once it is older than any run can last, not before', async () => {
    const runs = createSqliteReservationLedger(db, { now: () => clock });
    await runs.reserve({ kind: 'username', value: 'jsmith', eventId: `${RUN_HOLDER_PREFIX}killed` });
    clock += 60_000;
    expect(await releaseStrandedReservations({ ledger: runs, queue, now: clock })).toEqual([]);
    clock += RUN_HOLDER_MAX_AGE_MS;
    expect(await releaseStrandedReservations({ ledger: runs, queue, now: clock })).toEqual([`${RUN_HOLDER_PREFIX}killed`]);
  });
});
