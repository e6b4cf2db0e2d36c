// The GuardStore over PostgreSQL (synchronous connection): the run ledger is shared by every node, so the
// limits count runs across the cluster; a quarantine is one row (ON CONFLICT DO NOTHING: the first node to
// trip it reports it).

import type { SyncSql } from '../postgres/index.ts';
import type { GuardStore, GuardTarget, Quarantine } from './types.ts';

const HOUR_MS = 3_600_000;
const SELECT_HELD = 'SELECT event_id FROM held_events WHERE target = $1 ORDER BY held_at, event_id COLLATE "C"';
const COUNT_RUNS = 'SELECT count(*) AS runs, coalesce(sum(failed), 0) AS failures FROM guard_runs WHERE target = $1 AND at >= $2';
const INSERT_QUARANTINE = 'INSERT INTO quarantines (target, reason, since) VALUES ($1, $2, $3) ON CONFLICT (target) DO NOTHING';
const INSERT_HELD = 'INSERT INTO held_events (target, event_id, held_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING';

interface QuarantineRow {
  target: GuardTarget;
  reason: string;
  since: number;
  [column: string]: unknown;
}

export function createPostgresGuardStore(sql: SyncSql): GuardStore {
  const toQuarantine = (row: QuarantineRow): Quarantine => ({
    target: row.target,
    reason: row.reason,
    since: new Date(row.since).toISOString(),
    heldEvents: sql.query<{ event_id: string }>(SELECT_HELD, [row.target]).rows.map((held) => held.event_id),
  });
  const getQuarantine = (target: GuardTarget) => {
    const row = sql.query<QuarantineRow>('SELECT * FROM quarantines WHERE target = $1', [target]).rows[0];
    return row && toQuarantine(row);
  };

  return {
    recordRun({ target, failed, at }) {
      sql.query('INSERT INTO guard_runs (target, at, failed) VALUES ($1, $2, $3)', [target, at, failed ? 1 : 0]);
      sql.query('DELETE FROM guard_runs WHERE target = $1 AND at < $2', [target, at - HOUR_MS]);
    },
    countRuns: ({ target, since }) =>
      sql.query<{ runs: number; failures: number }>(COUNT_RUNS, [target, since])
        .rows[0] ?? { runs: 0, failures: 0 },
    quarantine: ({ target, reason, at }) => sql.query(INSERT_QUARANTINE, [target, reason, at]).rowCount === 1,
    getQuarantine,
    listQuarantines: () => sql.query<QuarantineRow>('SELECT * FROM quarantines ORDER BY since, target COLLATE "C"').rows.map(toQuarantine),
    noteHeld: ({ target, eventId, at }) => void sql.query(INSERT_HELD, [target, eventId, at]),
    lift: (target) =>
      sql.transaction(() => {
        // Locks the quarantine row: two operators lifting at once get one answer each, one of them undefined.
        const row = sql.query<QuarantineRow>('SELECT * FROM quarantines WHERE target = $1 FOR UPDATE', [target]).rows[0];
        if (!row) return undefined;
        const quarantine = toQuarantine(row);
        sql.query('DELETE FROM quarantines WHERE target = $1', [target]);
        sql.query('DELETE FROM held_events WHERE target = $1', [target]);
        sql.query('DELETE FROM guard_runs WHERE target = $1', [target]);
        return quarantine;
      }),
  };
}
