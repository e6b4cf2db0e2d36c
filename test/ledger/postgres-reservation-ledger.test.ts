// The Postgres ReservationLedger against the shared contract, each connection its own pool on one database
// (the race in the contract is then a race between connections, as between nodes), and a reservation that
// races another node's commit of the same name, staged step by step.

import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresDirectory } from '../../core/directory/index.ts';
import { createPostgresReservationLedger } from '../../core/ledger/index.ts';
import { describeReservationLedger } from '../contracts/describe-reservation-ledger.ts';
import type { AsyncSql } from '../../core/postgres/index.ts';
import { openPostgresTestStore, type PostgresTestStore } from '../postgres/postgres-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeReservationLedger('postgres', () => {
  const store = openPostgresTestStore();
  return {
    connect: () => createPostgresReservationLedger(store.connect()),
    directory: createPostgresDirectory(store.database.sync),
    close: () => store.close(),
  };
}, { skip: !postgresAvailable() });

describe.skipIf(!postgresAvailable())('ReservationLedger on postgres: a reservation racing a commit of the same name', () => {
  let store: PostgresTestStore | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  /** A pool whose transactions, once `hold()` is called, wait before COMMIT until `open()`: another
   *  node's commit, caught half done. */
  function heldAtCommit(sql: AsyncSql): AsyncSql & { hold(): void; open(): void } {
    let gate: Promise<void> | undefined;
    let open: () => void = () => undefined;
    return {
      ...sql,
      hold() {
        gate = new Promise<void>((resolve) => {
          open = resolve;
        });
      },
      open: () => open(),
      transaction: (work) => sql.transaction(async (session) => {
        const result = await work(session);
        await gate;
        return result;
      }),
    };
  }
  const sessions = (sql: PostgresTestStore['database']['sync'], where: string) =>
    sql.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND ${where}`).rowCount;

  it('loses the name when the insert waited for that commit: one event, one username, the commit intact', async () => {
    const current = openPostgresTestStore();
    store = current;
    const committing = heldAtCommit(current.connect());
    const first = createPostgresReservationLedger(committing);
    const second = createPostgresReservationLedger(current.connect());
    expect(await first.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-a' })).toBe(true);
    // evt-a's commit deletes its reservation and adds the directory user, and waits to COMMIT.
    committing.hold();
    const commit = first.commit({ eventId: 'evt-a', person: { id: 'E1' } });
    await waitFor(() => sessions(current.database.sync, "query LIKE 'INSERT INTO directory_users%' AND state = 'idle in transaction'") === 1);
    // evt-b's check of the directory sees nothing yet; its insert waits on the row evt-a deleted.
    const reserve = second.reserve({ kind: 'username', value: 'jsmith', eventId: 'evt-b' });
    await waitFor(() => sessions(current.database.sync, "wait_event_type = 'Lock'") === 1);
    committing.open();
    expect(await commit).toMatchObject({ username: 'jsmith' });
    expect(await reserve).toBe(false);
    expect(await second.reservationsOf('evt-b')).toEqual([]);
    expect(await second.reserve({ kind: 'username', value: 'jsmith1', eventId: 'evt-b' })).toBe(true);
    expect(await second.commit({ eventId: 'evt-b', person: { id: 'E2' } })).toMatchObject({ username: 'jsmith1' });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > 10_000) throw new Error('the race did not reach the expected point within 10 s');
  }
}
