// A run's own hold (`run:<uuid>`, a run outside serve) commits without waiting for the disk; an event's
// hold commits durably. Observed from inside the transactions: the connection's synchronous level while
// SQLite writes the reservation, and Postgres's synchronous_commit just before COMMIT.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresReservationLedger, createSqliteReservationLedger, RUN_HOLDER_PREFIX } from '../../core/ledger/index.ts';
import type { AsyncSql } from '../../core/postgres/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { openPostgresTestStore } from '../postgres/postgres-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

const FULL = 2;
const NORMAL = 1;
const RUN = `${RUN_HOLDER_PREFIX}0b7c`;

describe('SQLite: the synchronous level of a reservation', () => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-run-holds-'));
  const db = openDatabase(join(folder, 'joinery.db'));
  afterAll(() => {
    closeDatabase(db);
    rmSync(folder, { recursive: true, force: true });
  });
  const levels: number[] = [];
  // `now` is read while the reservation row is inserted, inside the transaction.
  const now = () => {
    levels.push(Number(db.pragma('synchronous', { simple: true })));
    return Date.now();
  };
  const ledger = createSqliteReservationLedger(db, { now });
  const pragmaWrites: string[] = [];
  const pragma = db.pragma.bind(db);
  db.pragma = ((source: string, options?: { simple?: boolean }) => {
    if (source.includes('=')) pragmaWrites.push(source);
    return pragma(source, options);
  }) as typeof db.pragma;

  it("writes a run's hold at NORMAL and puts the connection back to FULL", async () => {
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: RUN })).toBe(true);
    expect(levels).toEqual([NORMAL]);
    expect(pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it("releases a run's holds at NORMAL, then FULL again", async () => {
    pragmaWrites.length = 0;
    expect(await ledger.release(RUN)).toBe(1);
    expect(pragmaWrites).toEqual(['synchronous = NORMAL', `synchronous = ${FULL}`]);
    expect(pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it("writes and releases an event's hold at FULL", async () => {
    levels.length = 0;
    pragmaWrites.length = 0;
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-1' })).toBe(true);
    expect(await ledger.release('evt-1')).toBe(1);
    expect(levels).toEqual([FULL]);
    expect(pragmaWrites).toEqual([]);
  });
});

describe.skipIf(!postgresAvailable())('Postgres: synchronous_commit of a reservation transaction', () => {
  const store = openPostgresTestStore();
  afterAll(() => store.close());
  const seen: string[] = [];
  const pool = store.connect();
  /** The pool, each transaction started durable (the test cluster runs with synchronous_commit off) and its
   *  synchronous_commit read after its work, before its COMMIT. */
  const observed: AsyncSql = {
    query: (sql, parameters) => pool.query(sql, parameters),
    transaction: (work) =>
      pool.transaction(async (session) => {
        await session.query('SET LOCAL synchronous_commit = on');
        const result = await work(session);
        seen.push(String((await session.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]?.synchronous_commit));
        return result;
      }),
    close: () => pool.close(),
  };

  it("commits a run's hold and its release with synchronous_commit off, an event's with it on", async () => {
    const ledger = createPostgresReservationLedger(observed);
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: RUN })).toBe(true);
    expect(await ledger.release(RUN)).toBe(1);
    expect(seen).toEqual(['off', 'off']);
    seen.length = 0;
    expect(await ledger.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-1' })).toBe(true);
    expect(seen).toEqual(['on']);
  });
});
