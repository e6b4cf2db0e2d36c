// The ReservationLedger over SQLite. reserve runs in one BEGIN IMMEDIATE transaction: the directory and
// retired-name checks and the insert see one state, across connections and processes; the primary key
// (kind, value_key) is what makes a double reservation impossible even without it.

import { JoineryError } from '../errors.ts';
import { textFieldProblem, usernameKey } from '../directory/index.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { applyMigrations, MIGRATIONS, type SqliteDatabase } from '../store/index.ts';
import { RESERVATION_KINDS, RUN_HOLDER_PREFIX, type Reservation, type ReservationKind, type ReservationLedger } from './types.ts';

interface ReservationRow {
  kind: ReservationKind;
  value: string;
  event_id: string;
}

/** As the directory's own limits (directory-user-schema.ts). */
const MAX_LENGTH: Record<ReservationKind, number> = { username: 256, email: 320 };

export function createSqliteReservationLedger(db: SqliteDatabase, { now = Date.now }: { now?: () => number } = {}): ReservationLedger {
  applyMigrations(db, MIGRATIONS);
  // A user provisioned by this very event does not hold the name against it.
  const heldInDirectory: Record<ReservationKind, ReturnType<SqliteDatabase['prepare']>> = {
    username: db.prepare(`SELECT EXISTS (SELECT 1 FROM directory_users WHERE username_key = @key
        AND provisioned_by_event IS NOT @eventId)
      OR EXISTS (SELECT 1 FROM retired_usernames WHERE username_key = @key)`).pluck(),
    email: db.prepare(`SELECT EXISTS (SELECT 1 FROM directory_users WHERE email_key = @key
        AND provisioned_by_event IS NOT @eventId)
      OR EXISTS (SELECT 1 FROM retired_emails WHERE email_key = @key)`).pluck(),
  };
  const provisionedBy = db.prepare(`SELECT 1 FROM directory_users WHERE provisioned_by_event = @eventId
    AND (CASE @kind WHEN 'username' THEN username_key ELSE email_key END) = @key`).pluck();
  const insert = db.prepare(`INSERT INTO reservations (kind, value_key, value, event_id, reserved_at)
    VALUES (@kind, @key, @value, @eventId, @at) ON CONFLICT (kind, value_key) DO NOTHING`);
  const holder = db.prepare('SELECT event_id FROM reservations WHERE kind = @kind AND value_key = @key').pluck();
  const ofEvent = db.prepare('SELECT kind, value, event_id FROM reservations WHERE event_id = ? ORDER BY reserved_at, rowid');
  const deleteOfEvent = db.prepare('DELETE FROM reservations WHERE event_id = ?');
  const allHolders = db.prepare('SELECT event_id AS eventId, MIN(reserved_at) AS since FROM reservations GROUP BY event_id ORDER BY event_id');
  const idExists = db.prepare('SELECT 1 FROM directory_users WHERE id = ?').pluck();
  const insertUser = db.prepare(`INSERT INTO directory_users (id, username, username_key, email, email_key,
      display_name, employee_id, department, status, groups, provisioned_by_event)
    VALUES (@id, @username, @usernameKey, @email, @emailKey, @displayName, @employeeId, @department, 'provisioned', '[]', @eventId)`);

  /** true or false when the directory decides, undefined when the reservations do. */
  const directoryAnswer = (kind: ReservationKind, key: string, eventId: string): boolean | undefined => {
    if (heldInDirectory[kind].get({ key, eventId }) === 1) return false;
    if (provisionedBy.get({ key, eventId, kind }) === 1) return true;
    return undefined;
  };
  const reserveInTransaction = db.transaction(({ kind, value, eventId }: Reservation): boolean => {
    const key = usernameKey(value);
    const answer = directoryAnswer(kind, key, eventId);
    if (answer !== undefined) return answer;
    insert.run({ kind, key, value, eventId, at: now() });
    return holder.get({ kind, key }) === eventId;
  });

  const commitInTransaction = db.transaction((eventId: string, person: { id: string; displayName?: string; employeeId?: string; department?: string }) => {
    const rows = ofEvent.all(eventId) as ReservationRow[];
    deleteOfEvent.run(eventId);
    const username = rows.filter((row) => row.kind === 'username').at(-1)?.value;
    if (username === undefined) return undefined;
    const email = rows.filter((row) => row.kind === 'email').at(-1)?.value ?? '';
    const user: DirectoryUser = {
      id: idExists.get(person.id) === 1 ? eventId : person.id,
      username,
      email,
      displayName: person.displayName ?? '',
      employeeId: person.employeeId ?? '',
      department: person.department ?? '',
      status: 'provisioned',
      groups: [],
    };
    insertUser.run({ ...user, usernameKey: usernameKey(username), emailKey: usernameKey(email), eventId });
    return user;
  });

  /** A run's own hold commits without the fsync (RUN_HOLDER_PREFIX); the connection's setting is restored. */
  function forHolder<T>(holder: string, write: () => T): T {
    if (!holder.startsWith(RUN_HOLDER_PREFIX) || db.memory) return write();
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      db.pragma(`synchronous = ${synchronous}`);
    }
  }

  return {
    async reserve(reservation) {
      checkReservation(reservation);
      return forHolder(reservation.eventId, () => reserveInTransaction.immediate(reservation));
    },
    async available(reservation) {
      checkReservation(reservation);
      const { kind, value, eventId } = reservation;
      const key = usernameKey(value);
      const answer = directoryAnswer(kind, key, eventId);
      if (answer !== undefined) return answer;
      const current = holder.get({ kind, key });
      return current === undefined || current === eventId;
    },
    async commit({ eventId, person }) {
      return commitInTransaction.immediate(eventId, person);
    },
    async release(eventId) {
      return forHolder(eventId, () => deleteOfEvent.run(eventId).changes);
    },
    async reservationsOf(eventId) {
      return (ofEvent.all(eventId) as ReservationRow[]).map((row) => ({ kind: row.kind, value: row.value, eventId: row.event_id }));
    },
    async holders() {
      // reserved_at is epoch milliseconds.
      return (allHolders.all() as Array<{ eventId: string; since: number }>).map(({ eventId, since }) => ({ eventId, since: new Date(since).toISOString() }));
    },
  };
}

/** Bad input is refused with INVALID_INPUT before anything is written. */
export function checkReservation({ kind, value, eventId }: Reservation): void {
  if (!RESERVATION_KINDS.includes(kind)) throw new JoineryError('INVALID_INPUT', `kind: expected "username" or "email", got ${JSON.stringify(kind)}`);
  if (typeof value !== 'string' || value.trim() === '') throw new JoineryError('INVALID_INPUT', `the ${kind} to reserve must be a non-empty string`);
  if (value.length > MAX_LENGTH[kind]) throw new JoineryError('INVALID_INPUT', `the ${kind} to reserve is ${value.length} characters; the limit is ${MAX_LENGTH[kind]}`);
  // A reserved name becomes a directory user: it must be one the directory would store.
  const problem = textFieldProblem(value, 'identifier');
  if (problem !== undefined) throw new JoineryError('INVALID_INPUT', `the ${kind} to reserve ${problem}`);
  if (typeof eventId !== 'string' || eventId === '') throw new JoineryError('INVALID_INPUT', 'a reservation needs the id of the event it is for');
}
