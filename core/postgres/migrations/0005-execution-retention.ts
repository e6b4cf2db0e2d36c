// SQLite step 0014 on Postgres: retention of execution payloads (core/retention). A record older than the
// configured number of days loses its input, calls, output and error text, and keeps who ran what, when,
// how long and how it ended. Execution records stay otherwise immutable: the one UPDATE allowed sets
// `payload_purged_at` once and empties the payload, nothing else.

import type { PostgresMigration } from '../types.ts';

export const postgresExecutionRetentionSchema: PostgresMigration = {
  id: '0005-execution-retention',
  sql: `
ALTER TABLE executions ADD COLUMN payload_purged_at TEXT;
CREATE INDEX executions_by_created_at ON executions (created_at) WHERE payload_purged_at IS NULL;

CREATE FUNCTION joinery_execution_only_purged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (OLD.payload_purged_at IS NULL AND NEW.payload_purged_at IS NOT NULL
    AND NEW.id = OLD.id AND NEW.name = OLD.name AND NEW.version = OLD.version AND NEW.event_id IS NOT DISTINCT FROM OLD.event_id
    AND NEW.outcome_kind = OLD.outcome_kind AND NEW.duration_ms = OLD.duration_ms AND NEW.caller = OLD.caller
    AND NEW.dry_run = OLD.dry_run AND NEW.created_at = OLD.created_at AND NEW.input = 'null' AND NEW.calls = '[]') THEN
    RAISE EXCEPTION 'execution records are immutable: only a retention purge may remove their payload, once' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER executions_are_immutable ON executions;
CREATE TRIGGER executions_are_immutable BEFORE UPDATE ON executions FOR EACH ROW EXECUTE FUNCTION joinery_execution_only_purged();
`,
};
