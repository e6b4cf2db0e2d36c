// Purges execution payloads older than a number of days (config.json retention.executionPayloadDays):
// input, calls, output and error text go; the record's identity, outcome kind, duration and caller stay,
// and one log line says when the payload was removed. Each purge is itself written to the audit trail in
// the same transaction; the audit trail is never purged. Batches keep each write transaction short.

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';

interface PurgeResult {
  purged: number;
  /** Records created before this time (ISO 8601) were purged. */
  cutoff: string;
}

export interface ExecutionRetention {
  /** Never throws for an empty log; INVALID_INPUT for a number of days below 1. */
  purgeExecutionPayloads(input: { olderThanDays: number; actor: string }): PurgeResult;
}

export const RETENTION_BATCH = 500;
const DAY_MS = 86_400_000;

export function createSqliteExecutionRetention(db: SqliteDatabase, { now = () => new Date() }: { now?: () => Date } = {}): ExecutionRetention {
  const purgeBatch = db.prepare(`UPDATE executions SET payload_purged_at = @at, input = 'null', calls = '[]',
      logs = json_array(json_object('level', 'info', 'message', 'payload removed by the retention policy on ' || @at, 'atMs', 0)),
      outcome = CASE outcome_kind
        WHEN 'returned' THEN json_object('kind', 'returned', 'value', NULL)
        WHEN 'threw' THEN json_object('kind', 'threw', 'message', '(removed by the retention policy)')
        WHEN 'crashed' THEN json_object('kind', 'crashed', 'message', '(removed by the retention policy)')
        ELSE outcome END
    WHERE id IN (SELECT id FROM executions WHERE payload_purged_at IS NULL AND created_at < @cutoff LIMIT ${RETENTION_BATCH})`);
  const insertAudit = db.prepare(`INSERT INTO audit (actor, action, target, allowed, detail, created_at)
    VALUES (@actor, 'retention.purge', 'executions', 1, @detail, @at)`);
  const purgeInTransaction = db.transaction((input: { cutoff: string; at: string; actor: string; days: number }): number => {
    const changes = purgeBatch.run(input).changes;
    if (changes > 0)
      insertAudit.run({
        actor: input.actor,
        at: input.at,
        detail: JSON.stringify({
          purged: changes,
          cutoff: input.cutoff,
          olderThanDays: input.days,
        }),
      });
    return changes;
  });

  return {
    purgeExecutionPayloads({ olderThanDays, actor }) {
      const { at, cutoff } = purgeWindow(olderThanDays, now());
      let purged = 0;
      for (;;) {
        const changes = purgeInTransaction.immediate({
          cutoff,
          at: at.toISOString(),
          actor,
          days: olderThanDays,
        });
        purged += changes;
        if (changes < RETENTION_BATCH) break;
      }
      return { purged, cutoff };
    },
  };
}

/** The purge's time and cutoff; INVALID_INPUT for a number of days below 1 (shared with Postgres). */
export function purgeWindow(olderThanDays: number, at: Date): { at: Date; cutoff: string } {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 1) {
    throw new JoineryError('INVALID_INPUT', 'olderThanDays: expected a whole number of days, at least 1', { field: 'olderThanDays' });
  }
  return { at, cutoff: new Date(at.getTime() - olderThanDays * DAY_MS).toISOString() };
}
