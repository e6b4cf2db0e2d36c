// Blast-radius guards (core/guards): a ledger of recent runs per target (`function:<name>`, `flow:<name>`)
// for the rate and failure-share limits, the targets in quarantine, and the events held for each.
// The ledger is pruned to the last hour; quarantines and resumes are also written to the audit trail.

import type { Migration } from '../types.ts';

export const quarantineSchema: Migration = {
  id: '0011-quarantine',
  up(db) {
    db.exec(`
CREATE TABLE guard_runs (
  target TEXT NOT NULL,
  at INTEGER NOT NULL,
  failed INTEGER NOT NULL CHECK (failed IN (0, 1))
) STRICT;
CREATE INDEX guard_runs_by_target ON guard_runs (target, at);

CREATE TABLE quarantines (
  target TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  since INTEGER NOT NULL
) STRICT;

CREATE TABLE held_events (
  target TEXT NOT NULL,
  event_id TEXT NOT NULL,
  held_at INTEGER NOT NULL,
  PRIMARY KEY (target, event_id)
) STRICT;
`);
  },
};
