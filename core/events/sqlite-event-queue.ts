// The EventQueue over the project's SQLite file. Every write is one short BEGIN IMMEDIATE transaction, so
// claims from several connections or processes serialise on SQLite's write lock: the candidate is read and
// leased in the same transaction, and no two live leases ever cover one event. (A Postgres adapter gets the
// same with `SELECT ... FOR UPDATE SKIP LOCKED` and the same fencing `lease_id` checks.)

import { randomUUID } from 'node:crypto';
import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { toRecord, toSummary, type EventRow, type ResultRow } from './event-rows.ts';
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry-policy.ts';
import { EVENT_STATUSES, type EventQueue, type EventStatus, type FailureDisposition, type LeaseReference } from './types.ts';

export interface SqliteEventQueueOptions {
  retry?: RetryPolicy;
  _internal?: { now?: () => number; random?: () => number; newLeaseId?: () => string };
}

export function createSqliteEventQueue(
  db: SqliteDatabase,
  { retry = DEFAULT_RETRY_POLICY, _internal: { now = Date.now, random = Math.random, newLeaseId = randomUUID } = {} }: SqliteEventQueueOptions = {},
): EventQueue {
  const statements = prepareStatements(db);
  const leased = (lease: LeaseReference) => statements.selectLeased.get(lease.id, lease.leaseId, now()) as EventRow | undefined;

  const claim = db.transaction((owner: string, leaseMs: number) => {
    for (;;) {
      const at = now();
      const row = statements.selectClaimable.get(at, at) as EventRow | undefined;
      if (!row) return undefined;
      if (row.status === 'running' && row.attempts >= retry.maxAttempts) {
        // The holder of the last allowed attempt vanished (killed, hung): that counts as a failed attempt.
        statements.finish.run('dead', `lease expired on attempt ${row.attempts} of ${retry.maxAttempts}`, at, row.id);
        continue;
      }
      const leaseId = newLeaseId();
      statements.lease.run(leaseId, owner, at + leaseMs, at, row.id);
      const attempt = row.attempts + 1;
      return { leaseId, attempt, event: toRecord({ ...row, status: 'running', attempts: attempt }, statements.selectResults.all(row.id) as ResultRow[]) };
    }
  });

  const fail = db.transaction((lease: LeaseReference, error: string, retryable: boolean): FailureDisposition => {
    const row = leased(lease);
    if (!row) return { kind: 'lost' };
    const at = now();
    if (!retryable) {
      statements.finish.run('failed', error, at, row.id);
      return { kind: 'failed' };
    }
    if (row.attempts >= retry.maxAttempts) {
      statements.finish.run('dead', error, at, row.id);
      return { kind: 'dead' };
    }
    const retryAt = at + retryDelayMs(retry, row.attempts, random);
    statements.requeue.run(retryAt, error, at, row.id);
    return { kind: 'retry', retryAt: new Date(retryAt).toISOString() };
  });

  const recordStep = db.transaction((lease: LeaseReference, step: string, result: { outcome: string; output?: unknown; error?: string }) => {
    const row = leased(lease);
    if (!row) return false;
    const output = result.output === undefined ? null : JSON.stringify(result.output);
    statements.upsertResult.run(row.id, step, row.attempts, result.outcome, output, result.error ?? null, now());
    return true;
  });

  const replay = db.transaction((id: string) => {
    const row = statements.selectOne.get(id) as EventRow | undefined;
    if (!row || !['held', 'dead', 'failed'].includes(row.status)) return false;
    statements.deleteResults.run(id);
    statements.reset.run(now(), now(), id);
    return true;
  });

  return {
    async enqueue({ id, type, payload, source }) {
      if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new JoineryError('INVALID_INPUT', 'an event id is 1-200 characters');
      const at = now();
      const inserted = statements.insert.run(id, type, JSON.stringify(payload), source, at, at, at);
      return { id, created: inserted.changes === 1 };
    },
    claim: async ({ owner, leaseMs }) => claim.immediate(owner, leaseMs),
    renew: async ({ id, leaseId, leaseMs }) => statements.renew.run(now() + leaseMs, id, leaseId, now()).changes === 1,
    recordStep: async ({ step, result, ...lease }) => recordStep.immediate(lease, step, result),
    complete: async (lease) => statements.complete.run(now(), lease.id, lease.leaseId, now()).changes === 1,
    fail: async ({ error, retryable, ...lease }) => fail.immediate(lease, error, retryable),
    release: async (lease) => statements.release.run(now(), now(), lease.id, lease.leaseId).changes === 1,
    hold: async ({ id, reason }) => statements.hold.run(reason, now(), id).changes === 1,
    holdClaimed: async ({ reason, ...lease }) => statements.holdLeased.run(reason, now(), lease.id, lease.leaseId, now()).changes === 1,
    resumeHeld: async (id) => statements.resumeHeld.run(now(), now(), id).changes === 1,
    replay: async (id) => replay.immediate(id),
    async get(id) {
      const row = statements.selectOne.get(id) as EventRow | undefined;
      return row && toRecord(row, statements.selectResults.all(id) as ResultRow[]);
    },
    async list({ status, limit = 100 } = {}) {
      const rows = (status === undefined ? statements.selectNewest.all(limit) : statements.selectNewestWithStatus.all(status, limit)) as EventRow[];
      return rows.map(toSummary);
    },
    async countByStatus() {
      const counts = Object.fromEntries(EVENT_STATUSES.map((status) => [status, 0])) as Record<EventStatus, number>;
      for (const { status, count } of statements.countByStatus.all() as Array<{ status: EventStatus; count: number }>) counts[status] = count;
      return counts;
    },
  };
}

function prepareStatements(db: SqliteDatabase) {
  const clearLease = 'lease_id = NULL, lease_owner = NULL, lease_expires_at = NULL';
  return {
    insert: db.prepare(`INSERT INTO events (id, type, payload, source, status, available_at, created_at, updated_at)
      VALUES (?, ?, ?, ?, 'queued', ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
    selectOne: db.prepare('SELECT * FROM events WHERE id = ?'),
    selectResults: db.prepare('SELECT step, attempt, outcome, output, error FROM event_results WHERE event_id = ? ORDER BY recorded_at, step'),
    selectClaimable: db.prepare(`SELECT * FROM events
      WHERE (status = 'queued' AND available_at <= ?) OR (status = 'running' AND lease_expires_at <= ?)
      ORDER BY available_at, created_at, id LIMIT 1`),
    selectLeased: db.prepare("SELECT * FROM events WHERE id = ? AND status = 'running' AND lease_id = ? AND lease_expires_at > ?"),
    lease: db.prepare("UPDATE events SET status = 'running', attempts = attempts + 1, lease_id = ?, lease_owner = ?, lease_expires_at = ?, updated_at = ? WHERE id = ?"),
    renew: db.prepare("UPDATE events SET lease_expires_at = ? WHERE id = ? AND status = 'running' AND lease_id = ? AND lease_expires_at > ?"),
    complete: db.prepare(`UPDATE events SET status = 'done', last_error = NULL, ${clearLease}, updated_at = ?
      WHERE id = ? AND status = 'running' AND lease_id = ? AND lease_expires_at > ?`),
    finish: db.prepare(`UPDATE events SET status = ?, last_error = ?, ${clearLease}, updated_at = ? WHERE id = ?`),
    requeue: db.prepare(`UPDATE events SET status = 'queued', available_at = ?, last_error = ?, ${clearLease}, updated_at = ? WHERE id = ?`),
    release: db.prepare(`UPDATE events SET status = 'queued', attempts = attempts - 1, available_at = ?, ${clearLease}, updated_at = ?
      WHERE id = ? AND status = 'running' AND lease_id = ?`),
    hold: db.prepare("UPDATE events SET status = 'held', last_error = ?, updated_at = ? WHERE id = ? AND status = 'queued'"),
    holdLeased: db.prepare(`UPDATE events SET status = 'held', last_error = ?, ${clearLease}, updated_at = ?
      WHERE id = ? AND status = 'running' AND lease_id = ? AND lease_expires_at > ?`),
    resumeHeld: db.prepare(`UPDATE events SET status = 'queued', attempts = 0, available_at = ?, updated_at = ? WHERE id = ? AND status = 'held'`),
    reset: db.prepare(`UPDATE events SET status = 'queued', attempts = 0, last_error = NULL, available_at = ?, ${clearLease}, updated_at = ? WHERE id = ?`),
    upsertResult: db.prepare(`INSERT INTO event_results (event_id, step, attempt, outcome, output, error, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (event_id, step) DO UPDATE SET attempt = excluded.attempt, outcome = excluded.outcome, output = excluded.output,
        error = excluded.error, recorded_at = excluded.recorded_at`),
    deleteResults: db.prepare('DELETE FROM event_results WHERE event_id = ?'),
    selectNewest: db.prepare('SELECT * FROM events ORDER BY created_at DESC, rowid DESC LIMIT ?'),
    selectNewestWithStatus: db.prepare('SELECT * FROM events WHERE status = ? ORDER BY created_at DESC, rowid DESC LIMIT ?'),
    countByStatus: db.prepare('SELECT status, count(*) AS count FROM events GROUP BY status'),
  };
}
