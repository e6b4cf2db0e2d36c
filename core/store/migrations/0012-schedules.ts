// Schedules (core/schedules): a cron expression and the function or flow it fires, with the last fire
// time, so a scheduler coming back after downtime fires the missed runs once.

import type { Migration } from '../types.ts';

export const schedulesSchema: Migration = {
  id: '0012-schedules',
  up(db) {
    db.exec(`
CREATE TABLE schedules (
  name TEXT PRIMARY KEY,
  cron TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('function', 'flow')),
  target_name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_fired_at INTEGER
) STRICT;
`);
  },
};
