// Retention of execution payloads (core/retention): a record older than the configured number of days
// loses its input, calls, output and error text, and keeps who ran what, when, how long and how it ended.
// Execution records stay otherwise immutable: the one UPDATE allowed sets `payload_purged_at` once and
// empties the payload, nothing else. The audit trail is untouched (its own triggers refuse any change).

import type { Migration } from '../types.ts';

export const executionRetentionSchema: Migration = {
  id: '0014-execution-retention',
  up(db) {
    db.exec(`
ALTER TABLE executions ADD COLUMN payload_purged_at TEXT;
CREATE INDEX executions_by_created_at ON executions (created_at) WHERE payload_purged_at IS NULL;

DROP TRIGGER executions_are_immutable;
CREATE TRIGGER executions_are_immutable BEFORE UPDATE ON executions
WHEN NOT (OLD.payload_purged_at IS NULL AND NEW.payload_purged_at IS NOT NULL
  AND NEW.id = OLD.id AND NEW.name = OLD.name AND NEW.version = OLD.version AND NEW.event_id IS OLD.event_id
  AND NEW.outcome_kind = OLD.outcome_kind AND NEW.duration_ms = OLD.duration_ms AND NEW.caller = OLD.caller
  AND NEW.dry_run = OLD.dry_run AND NEW.created_at = OLD.created_at AND NEW.input = 'null' AND NEW.calls = '[]')
BEGIN SELECT RAISE(ABORT, 'execution records are immutable: only a retention purge may remove their payload, once'); END;
`);
  },
};
