// The ReservationLedger over PostgreSQL, for several nodes on one database. Two events can never hold one
// name because of the primary key (kind, value_key): a racing INSERT waits for the other's transaction on
// the unique index, then does nothing, and reads who holds the name. The directory-names lock is taken
// shared (reservations never wait on each other), so a reservation never interleaves with an import or a
// removal half done; the checks are the same as on SQLite, in the same order, and the directory is checked
// once more after the insert (a commit of the same name may have landed while the insert waited).

import { usernameKey } from '../directory/index.ts';
import { DIRECTORY_NAMES_LOCK_KEY, type AsyncSql, type AsyncSqlSession } from '../postgres/index.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { checkReservation } from './sqlite-reservation-ledger.ts';
import { RUN_HOLDER_PREFIX, type ReservationKind, type ReservationLedger } from './types.ts';

interface ReservationRow {
  kind: ReservationKind;
  value: string;
  event_id: string;
  [column: string]: unknown;
}

const HELD_IN_DIRECTORY: Record<ReservationKind, string> = {
  username: `SELECT EXISTS (SELECT 1 FROM directory_users WHERE username_key = $1 AND provisioned_by_event IS DISTINCT FROM $2)
    OR EXISTS (SELECT 1 FROM retired_usernames WHERE username_key = $1) AS held`,
  email: `SELECT EXISTS (SELECT 1 FROM directory_users WHERE email_key = $1 AND provisioned_by_event IS DISTINCT FROM $2)
    OR EXISTS (SELECT 1 FROM retired_emails WHERE email_key = $1) AS held`,
};
const PROVISIONED_BY: Record<ReservationKind, string> = {
  username: 'SELECT 1 FROM directory_users WHERE provisioned_by_event = $2 AND username_key = $1',
  email: 'SELECT 1 FROM directory_users WHERE provisioned_by_event = $2 AND email_key = $1',
};
const HOLDER = 'SELECT event_id FROM reservations WHERE kind = $1 AND value_key = $2';
const DROP_OWN = 'DELETE FROM reservations WHERE kind = $1 AND value_key = $2 AND event_id = $3';
const HOLDERS = 'SELECT event_id, MIN(reserved_at) AS since FROM reservations GROUP BY event_id ORDER BY event_id';
const OF_EVENT = 'SELECT kind, value, event_id FROM reservations WHERE event_id = $1 ORDER BY reserved_at, seq';

/** true or false when the directory decides (a user or a retired name holds it, or this event provisioned
 *  it), undefined when the reservations do; the checks reserve and available share, as on SQLite. */
async function directoryAnswer(session: AsyncSqlSession, kind: ReservationKind, key: string, eventId: string): Promise<boolean | undefined> {
  if ((await session.query<{ held: boolean }>(HELD_IN_DIRECTORY[kind], [key, eventId])).rows[0]?.held === true) return false;
  if ((await session.query(PROVISIONED_BY[kind], [key, eventId])).rowCount > 0) return true;
  return undefined;
}

/** A run's own hold commits without waiting for the WAL flush (RUN_HOLDER_PREFIX in types.ts). */
async function notDurableForRun(session: AsyncSqlSession, holder: string): Promise<void> {
  if (holder.startsWith(RUN_HOLDER_PREFIX)) await session.query('SET LOCAL synchronous_commit = off');
}

export function createPostgresReservationLedger(sql: AsyncSql, { now = Date.now }: { now?: () => number } = {}): ReservationLedger {
  const lockNamesShared = (session: AsyncSqlSession) => session.query('SELECT pg_advisory_xact_lock_shared($1)', [DIRECTORY_NAMES_LOCK_KEY]);

  return {
    async reserve(reservation) {
      checkReservation(reservation);
      const { kind, value, eventId } = reservation;
      const key = usernameKey(value);
      return sql.transaction(async (session) => {
        await notDurableForRun(session, eventId);
        await lockNamesShared(session);
        const answer = await directoryAnswer(session, kind, key, eventId);
        if (answer !== undefined) return answer;
        await session.query(
          `INSERT INTO reservations (kind, value_key, value, event_id, reserved_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (kind, value_key) DO NOTHING`,
          [kind, key, value, eventId, now()],
        );
        if ((await session.query<{ event_id: string }>(HOLDER, [kind, key])).rows[0]?.event_id !== eventId) return false;
        // The insert may have waited for another event's commit of this very name, which deletes that
        // event's reservation and adds the directory user in one transaction: the check above ran before it.
        // A statement after the insert sees that commit; the name is the directory's then, not ours.
        if ((await directoryAnswer(session, kind, key, eventId)) !== false) return true;
        await session.query(DROP_OWN, [kind, key, eventId]);
        return false;
      });
    },
    async available(reservation) {
      checkReservation(reservation);
      const { kind, value, eventId } = reservation;
      const key = usernameKey(value);
      const answer = await directoryAnswer(sql, kind, key, eventId);
      if (answer !== undefined) return answer;
      const current = (await sql.query<{ event_id: string }>(HOLDER, [kind, key])).rows[0];
      return current === undefined || current.event_id === eventId;
    },
    commit: ({ eventId, person }) =>
      sql.transaction(async (session) => {
        await lockNamesShared(session);
        const deleted = 'DELETE FROM reservations WHERE event_id = $1 RETURNING kind, value, event_id, reserved_at, seq';
        const rows = (await session.query<ReservationRow>(deleted, [eventId])).rows;
        rows.sort((left, right) => Number(left.reserved_at) - Number(right.reserved_at) || Number(left.seq) - Number(right.seq));
        const username = rows.filter((row) => row.kind === 'username').at(-1)?.value;
        if (username === undefined) return undefined;
        const email = rows.filter((row) => row.kind === 'email').at(-1)?.value ?? '';
        const idTaken = (await session.query('SELECT 1 FROM directory_users WHERE id = $1', [person.id])).rowCount > 0;
        const user: DirectoryUser = {
          id: idTaken ? eventId : person.id,
          username,
          email,
          displayName: person.displayName ?? '',
          employeeId: person.employeeId ?? '',
          department: person.department ?? '',
          status: 'provisioned',
          groups: [],
        };
        await session.query(
          `INSERT INTO directory_users (id, username, username_key, email, email_key, display_name, employee_id, department, status,
              groups, provisioned_by_event)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'provisioned', '[]', $9)`,
          [user.id, username, usernameKey(username), email, usernameKey(email), user.displayName, user.employeeId, user.department, eventId],
        );
        return user;
      }),
    release: async (eventId) => {
      const release = 'DELETE FROM reservations WHERE event_id = $1';
      if (!eventId.startsWith(RUN_HOLDER_PREFIX)) return (await sql.query(release, [eventId])).rowCount;
      return sql.transaction(async (session) => {
        await notDurableForRun(session, eventId);
        return (await session.query(release, [eventId])).rowCount;
      });
    },
    reservationsOf: async (eventId) =>
      (await sql.query<ReservationRow>(OF_EVENT, [eventId])).rows.map((row) => ({ kind: row.kind, value: row.value, eventId: row.event_id })),
    // reserved_at is epoch milliseconds, as on SQLite.
    holders: async () => {
      const rows = (await sql.query<{ event_id: string; since: unknown }>(HOLDERS)).rows;
      return rows.map((row) => ({ eventId: row.event_id, since: new Date(Number(row.since)).toISOString() }));
    },
  };
}
