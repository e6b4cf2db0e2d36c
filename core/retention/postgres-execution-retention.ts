// Execution payload retention on PostgreSQL: the SQLite purge (sqlite-execution-retention.ts) in Postgres's
// dialect, under the trigger of Postgres step 0005 (one purge per record, nothing else changes). Each batch
// and its audit entry are one transaction; SKIP LOCKED lets two nodes purging at once share the work.

import type { SyncSql } from '../postgres/index.ts';
import { purgeWindow, RETENTION_BATCH, type ExecutionRetention } from './sqlite-execution-retention.ts';

const REMOVED = "'(removed by the retention policy)'";
const PURGE_BATCH = `UPDATE executions SET payload_purged_at = $1, input = 'null', calls = '[]',
    logs = json_build_array(json_build_object('level', 'info', 'message', 'payload removed by the retention policy on ' || $1::text, 'atMs', 0))::text,
    outcome = CASE outcome_kind
      WHEN 'returned' THEN json_build_object('kind', 'returned', 'value', NULL)::text
      WHEN 'threw' THEN json_build_object('kind', 'threw', 'message', ${REMOVED})::text
      WHEN 'crashed' THEN json_build_object('kind', 'crashed', 'message', ${REMOVED})::text
      ELSE outcome END
  WHERE id IN (SELECT id FROM executions WHERE payload_purged_at IS NULL AND created_at < $2 ORDER BY id LIMIT ${RETENTION_BATCH}
    FOR UPDATE SKIP LOCKED)`;

export function createPostgresExecutionRetention(sql: SyncSql, { now = () => new Date() }: { now?: () => Date } = {}): ExecutionRetention {
  return {
    purgeExecutionPayloads({ olderThanDays, actor }) {
      const { at, cutoff } = purgeWindow(olderThanDays, now());
      const purgedAt = at.toISOString();
      let purged = 0;
      for (;;) {
        const changes = sql.transaction(() => {
          const { rowCount } = sql.query(PURGE_BATCH, [purgedAt, cutoff]);
          if (rowCount > 0) {
            const detail = JSON.stringify({ purged: rowCount, cutoff, olderThanDays });
            sql.query(`INSERT INTO audit (actor, action, target, allowed, detail, created_at) VALUES ($1, 'retention.purge', 'executions', 1, $2, $3)`, [
              actor, detail, purgedAt,
            ]);
          }
          return rowCount;
        });
        purged += changes;
        if (changes < RETENTION_BATCH) break;
      }
      return { purged, cutoff };
    },
  };
}
