// The ScheduleStore over the project's SQLite file (migration 0012-schedules).

import { JoineryError } from '../errors.ts';
import { FUNCTION_NAME_PATTERN } from '../registry/index.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { parseCron } from './cron.ts';
import type { ScheduleRecord, ScheduleStore } from './types.ts';

interface ScheduleRow {
  name: string;
  cron: string;
  target_kind: 'function' | 'flow';
  target_name: string;
  created_at: number;
  last_fired_at: number | null;
}

export function createSqliteScheduleStore(db: SqliteDatabase): ScheduleStore {
  const statements = {
    upsert: db.prepare(`INSERT INTO schedules (name, cron, target_kind, target_name, created_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET cron = excluded.cron, target_kind = excluded.target_kind, target_name = excluded.target_name`),
    remove: db.prepare('DELETE FROM schedules WHERE name = ?'),
    select: db.prepare('SELECT * FROM schedules WHERE name = ?'),
    selectAll: db.prepare('SELECT * FROM schedules ORDER BY name'),
    markFired: db.prepare('UPDATE schedules SET last_fired_at = ? WHERE name = ? AND (last_fired_at IS NULL OR last_fired_at < ?)'),
  };
  const get = (name: string) => {
    const row = statements.select.get(name) as ScheduleRow | undefined;
    return row && toRecord(row);
  };
  return {
    set({ name, cron, target, at }) {
      for (const [field, value] of [['name', name], ['target', target?.name]] as const) {
        if (typeof value !== 'string' || !FUNCTION_NAME_PATTERN.test(value)) throw new JoineryError('INVALID_INPUT', `${field}: kebab-case, starting with a letter, at most 63 characters`);
      }
      if (target.kind !== 'function' && target.kind !== 'flow') throw new JoineryError('INVALID_INPUT', 'target: a function or a flow');
      const parsed = parseCron(cron);
      statements.upsert.run(name, parsed.text, target.kind, target.name, at);
      return get(name) as ScheduleRecord;
    },
    remove: (name) => statements.remove.run(name).changes === 1,
    get,
    list: () => (statements.selectAll.all() as ScheduleRow[]).map(toRecord),
    markFired: ({ name, at }) => void statements.markFired.run(at, name, at),
  };
}

function toRecord(row: ScheduleRow): ScheduleRecord {
  return {
    name: row.name,
    cron: row.cron,
    target: { kind: row.target_kind, name: row.target_name },
    createdAt: new Date(row.created_at).toISOString(),
    lastFiredAt: row.last_fired_at === null ? null : new Date(row.last_fired_at).toISOString(),
  };
}
