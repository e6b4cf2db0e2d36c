// The GuardStore over the project's SQLite file (migration 0011-quarantine).

import type { SqliteDatabase } from '../store/index.ts';
import type { GuardStore, GuardTarget, Quarantine } from './types.ts';

const HOUR_MS = 3_600_000;

interface QuarantineRow {
  target: GuardTarget;
  reason: string;
  since: number;
}

export function createSqliteGuardStore(db: SqliteDatabase): GuardStore {
  const statements = {
    insertRun: db.prepare('INSERT INTO guard_runs (target, at, failed) VALUES (?, ?, ?)'),
    prune: db.prepare('DELETE FROM guard_runs WHERE target = ? AND at < ?'),
    count: db.prepare('SELECT count(*) AS runs, coalesce(sum(failed), 0) AS failures FROM guard_runs WHERE target = ? AND at >= ?'),
    insertQuarantine: db.prepare('INSERT INTO quarantines (target, reason, since) VALUES (?, ?, ?) ON CONFLICT (target) DO NOTHING'),
    selectQuarantine: db.prepare('SELECT * FROM quarantines WHERE target = ?'),
    selectQuarantines: db.prepare('SELECT * FROM quarantines ORDER BY since, target'),
    selectHeld: db.prepare('SELECT event_id FROM held_events WHERE target = ? ORDER BY held_at, event_id').pluck(),
    insertHeld: db.prepare('INSERT INTO held_events (target, event_id, held_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
    deleteQuarantine: db.prepare('DELETE FROM quarantines WHERE target = ?'),
    deleteHeld: db.prepare('DELETE FROM held_events WHERE target = ?'),
    deleteRuns: db.prepare('DELETE FROM guard_runs WHERE target = ?'),
  };
  const toQuarantine = (row: QuarantineRow): Quarantine => ({
    target: row.target,
    reason: row.reason,
    since: new Date(row.since).toISOString(),
    heldEvents: statements.selectHeld.all(row.target) as string[],
  });
  const getQuarantine = (target: GuardTarget) => {
    const row = statements.selectQuarantine.get(target) as QuarantineRow | undefined;
    return row && toQuarantine(row);
  };
  const lift = db.transaction((target: GuardTarget) => {
    const quarantine = getQuarantine(target);
    if (!quarantine) return undefined;
    statements.deleteQuarantine.run(target);
    statements.deleteHeld.run(target);
    statements.deleteRuns.run(target);
    return quarantine;
  });

  return {
    recordRun({ target, failed, at }) {
      statements.insertRun.run(target, at, failed ? 1 : 0);
      statements.prune.run(target, at - HOUR_MS);
    },
    countRuns: ({ target, since }) => statements.count.get(target, since) as { runs: number; failures: number },
    quarantine: ({ target, reason, at }) => statements.insertQuarantine.run(target, reason, at).changes === 1,
    getQuarantine,
    listQuarantines: () => (statements.selectQuarantines.all() as QuarantineRow[]).map(toQuarantine),
    noteHeld: ({ target, eventId, at }) => void statements.insertHeld.run(target, eventId, at),
    lift: (target) => lift.immediate(target),
  };
}
