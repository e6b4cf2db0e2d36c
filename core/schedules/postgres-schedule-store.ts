// The ScheduleStore over PostgreSQL (synchronous connection). Firing once across nodes does not rest on
// this store alone: the fire event's id is deterministic (the queue's primary key refuses a second one),
// and one node at a time is elected to fire, by a session advisory lock (tryLead).

import { JoineryError } from '../errors.ts';
import { SCHEDULER_LOCK_KEY, type SyncSql } from '../postgres/index.ts';
import { FUNCTION_NAME_PATTERN } from '../registry/index.ts';
import { parseCron } from './cron.ts';
import type { ScheduleRecord, ScheduleStore } from './types.ts';

interface ScheduleRow {
  name: string;
  cron: string;
  target_kind: 'function' | 'flow';
  target_name: string;
  created_at: number;
  last_fired_at: number | null;
  [column: string]: unknown;
}

export function createPostgresScheduleStore(sql: SyncSql): ScheduleStore {
  const get = (name: string) => {
    const row = sql.query<ScheduleRow>('SELECT * FROM schedules WHERE name = $1', [name]).rows[0];
    return row && toRecord(row);
  };
  let leading = false;
  return {
    // A session advisory lock on this process's connection: held until the process (or its connection)
    // ends, when the server releases it and the next node to try takes over.
    tryLead() {
      leading ||= sql.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [SCHEDULER_LOCK_KEY]).rows[0]?.locked === true;
      return leading;
    },
    set({ name, cron, target, at }) {
      for (const [field, value] of [['name', name], ['target', target?.name]] as const) {
        if (typeof value !== 'string' || !FUNCTION_NAME_PATTERN.test(value)) {
          throw new JoineryError('INVALID_INPUT', `${field}: kebab-case, starting with a letter, at most 63 characters`);
        }
      }
      if (target.kind !== 'function' && target.kind !== 'flow') throw new JoineryError('INVALID_INPUT', 'target: a function or a flow');
      const parsed = parseCron(cron);
      sql.query(
        `INSERT INTO schedules (name, cron, target_kind, target_name, created_at) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (name) DO UPDATE SET cron = excluded.cron, target_kind = excluded.target_kind, target_name = excluded.target_name`,
        [name, parsed.text, target.kind, target.name, at],
      );
      return get(name) as ScheduleRecord;
    },
    remove: (name) => sql.query('DELETE FROM schedules WHERE name = $1', [name]).rowCount === 1,
    get,
    list: () => sql.query<ScheduleRow>('SELECT * FROM schedules ORDER BY name COLLATE "C"').rows.map(toRecord),
    markFired: ({ name, at }) => void sql.query('UPDATE schedules SET last_fired_at = $1 WHERE name = $2 AND (last_fired_at IS NULL OR last_fired_at < $1)', [
      at,
      name,
    ]),
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
