// The EventQueue over PostgreSQL, for several nodes on one database. A claim reads its candidate with
// `FOR UPDATE SKIP LOCKED` and leases it in the same transaction, so racing workers (on any node) never
// wait on each other's candidates and no two live leases ever cover one event; every later call presents
// the fencing `lease_id` and a live expiry, exactly as on SQLite. Times are the caller's clock (`now`), as
// on SQLite: nodes are expected to keep their clocks in sync (NTP), and a lease is far longer than any skew.

import { randomUUID } from 'node:crypto';
import { JoineryError } from '../errors.ts';
import type { AsyncSql, AsyncSqlSession } from '../postgres/index.ts';
import { toRecord, toSummary, type EventRow, type ResultRow } from './event-rows.ts';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.ts';
import { EVENT_STATUSES, type EventQueue, type EventStatus, type LeaseReference } from './types.ts';

export interface PostgresEventQueueOptions {
  retry?: RetryPolicy;
  _internal?: { now?: () => number; random?: () => number; newLeaseId?: () => string };
}

const CLEAR_LEASE = 'lease_id = NULL, lease_owner = NULL, lease_expires_at = NULL';
const LIVE_LEASE = "id = $1 AND status = 'running' AND lease_id = $2 AND lease_expires_at > $3";
const SQL = {
  insert: `INSERT INTO events (id, type, payload, source, status, available_at, created_at, updated_at)
    VALUES ($1, $2, $3, $4, 'queued', $5, $5, $5) ON CONFLICT (id) DO NOTHING`,
  selectOne: 'SELECT * FROM events WHERE id = $1',
  selectResults: 'SELECT step, attempt, outcome, output, error FROM event_results WHERE event_id = $1 ORDER BY recorded_at, step COLLATE "C"',
  selectClaimable: `SELECT * FROM events WHERE (status = 'queued' AND available_at <= $1) OR (status = 'running' AND lease_expires_at <= $1)
    ORDER BY available_at, created_at, id COLLATE "C" LIMIT 1 FOR UPDATE SKIP LOCKED`,
  selectLeased: `SELECT * FROM events WHERE ${LIVE_LEASE} FOR UPDATE`,
  lease: "UPDATE events SET status = 'running', attempts = attempts + 1, lease_id = $1, lease_owner = $2, lease_expires_at = $3, updated_at = $4 WHERE id = $5",
  renew: `UPDATE events SET lease_expires_at = $4 WHERE ${LIVE_LEASE}`,
  complete: `UPDATE events SET status = 'done', last_error = NULL, ${CLEAR_LEASE}, updated_at = $3 WHERE ${LIVE_LEASE}`,
  finish: `UPDATE events SET status = $1, last_error = $2, ${CLEAR_LEASE}, updated_at = $3 WHERE id = $4`,
  requeue: `UPDATE events SET status = 'queued', available_at = $1, last_error = $2, ${CLEAR_LEASE}, updated_at = $3 WHERE id = $4`,
  release: `UPDATE events SET status = 'queued', attempts = attempts - 1, available_at = $3, ${CLEAR_LEASE}, updated_at = $3
    WHERE id = $1 AND status = 'running' AND lease_id = $2`,
  hold: "UPDATE events SET status = 'held', last_error = $2, updated_at = $3 WHERE id = $1 AND status = 'queued'",
  holdLeased: `UPDATE events SET status = 'held', last_error = $4, ${CLEAR_LEASE}, updated_at = $3 WHERE ${LIVE_LEASE}`,
  resumeHeld: "UPDATE events SET status = 'queued', attempts = 0, available_at = $2, updated_at = $2 WHERE id = $1 AND status = 'held'",
  reset: `UPDATE events SET status = 'queued', attempts = 0, last_error = NULL, available_at = $2, ${CLEAR_LEASE}, updated_at = $2
    WHERE id = $1 AND status IN ('held', 'dead', 'failed')`,
  upsertResult: `INSERT INTO event_results (event_id, step, attempt, outcome, output, error, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
    ON CONFLICT (event_id, step) DO UPDATE SET attempt = excluded.attempt, outcome = excluded.outcome, output = excluded.output,
      error = excluded.error, recorded_at = excluded.recorded_at`,
  deleteResults: 'DELETE FROM event_results WHERE event_id = $1',
  selectNewest: 'SELECT * FROM events ORDER BY created_at DESC, seq DESC LIMIT $1',
  selectNewestWithStatus: 'SELECT * FROM events WHERE status = $1 ORDER BY created_at DESC, seq DESC LIMIT $2',
  countByStatus: 'SELECT status, count(*) AS count FROM events GROUP BY status',
};

export function createPostgresEventQueue(
  sql: AsyncSql,
  { retry = DEFAULT_RETRY_POLICY, _internal: { now = Date.now, random = Math.random, newLeaseId = randomUUID } = {} }: PostgresEventQueueOptions = {},
): EventQueue {
  const changed = async (text: string, parameters: Array<string | number | null>) => (await sql.query(text, parameters)).rowCount === 1;
  const results = async (session: AsyncSqlSession, id: string) => (await session.query<ResultRow & Record<string, unknown>>(SQL.selectResults, [id])).rows;
  const leased = async (session: AsyncSqlSession, { id, leaseId }: LeaseReference) =>
    (await session.query<EventRow & Record<string, unknown>>(SQL.selectLeased, [id, leaseId, now()])).rows[0];

  return {
    async enqueue({ id, type, payload, source }) {
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new JoineryError('INVALID_INPUT', 'an event id is 1-200 characters');
      return { id, created: await changed(SQL.insert, [id, type, JSON.stringify(payload), source, now()]) };
    },
    claim: ({ owner, leaseMs }) =>
      sql.transaction(async (session) => {
        for (;;) {
          const at = now();
          const row = (await session.query<EventRow & Record<string, unknown>>(SQL.selectClaimable, [at])).rows[0];
          if (!row) return undefined;
          if (row.status === 'running' && row.attempts >= retry.maxAttempts) {
            // The holder of the last allowed attempt vanished (killed, hung): that counts as a failed attempt.
            await session.query(SQL.finish, ['dead', `lease expired on attempt ${row.attempts} of ${retry.maxAttempts}`, at, row.id]);
            continue;
          }
          const leaseId = newLeaseId();
          await session.query(SQL.lease, [leaseId, owner, at + leaseMs, at, row.id]);
          const attempt = row.attempts + 1;
          return { leaseId, attempt, event: toRecord({ ...row, status: 'running', attempts: attempt }, await results(session, row.id)) };
        }
      }),
    renew: ({ id, leaseId, leaseMs }) => changed(SQL.renew, [id, leaseId, now(), now() + leaseMs]),
    recordStep: ({ step, result, ...lease }) =>
      sql.transaction(async (session) => {
        const row = await leased(session, lease);
        if (!row) return false;
        const output = result.output === undefined ? null : JSON.stringify(result.output);
        await session.query(SQL.upsertResult, [row.id, step, row.attempts, result.outcome, output, result.error ?? null, now()]);
        return true;
      }),
    complete: (lease) => changed(SQL.complete, [lease.id, lease.leaseId, now()]),
    fail: ({ error, retryable, ...lease }) =>
      sql.transaction(async (session) => {
        const row = await leased(session, lease);
        if (!row) return { kind: 'lost' } as const;
        const at = now();
        if (!retryable || row.attempts >= retry.maxAttempts) {
          const kind = retryable ? 'dead' : 'failed';
          await session.query(SQL.finish, [kind, error, at, row.id]);
          return { kind };
        }
        const retryAt = at + retryDelayMs(retry, row.attempts, random);
        await session.query(SQL.requeue, [retryAt, error, at, row.id]);
        return { kind: 'retry', retryAt: new Date(retryAt).toISOString() } as const;
      }),
    release: (lease) => changed(SQL.release, [lease.id, lease.leaseId, now()]),
    hold: ({ id, reason }) => changed(SQL.hold, [id, reason, now()]),
    holdClaimed: ({ reason, ...lease }) => changed(SQL.holdLeased, [lease.id, lease.leaseId, now(), reason]),
    resumeHeld: (id) => changed(SQL.resumeHeld, [id, now()]),
    replay: (id) =>
      sql.transaction(async (session) => {
        const reset = await session.query(SQL.reset, [id, now()]);
        if (reset.rowCount !== 1) return false;
        await session.query(SQL.deleteResults, [id]);
        return true;
      }),
    async get(id) {
      const row = (await sql.query<EventRow & Record<string, unknown>>(SQL.selectOne, [id])).rows[0];
      return row && toRecord(row, await results(sql, id));
    },
    async list({ status, limit = 100 } = {}) {
      const [text, parameters] = status === undefined ? [SQL.selectNewest, [limit]] : [SQL.selectNewestWithStatus, [status, limit]];
      const { rows } = await sql.query<EventRow & Record<string, unknown>>(text, parameters);
      return rows.map(toSummary);
    },
    async countByStatus() {
      const counts = Object.fromEntries(EVENT_STATUSES.map((status) => [status, 0])) as Record<EventStatus, number>;
      for (const { status, count } of (await sql.query<{ status: EventStatus; count: number }>(SQL.countByStatus)).rows) counts[status] = count;
      return counts;
    },
  };
}
