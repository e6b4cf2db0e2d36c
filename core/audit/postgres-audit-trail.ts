// The audit trail over PostgreSQL: the same one list as on SQLite (audit entries and reviews), in the same
// order. Times are ISO 8601 text and compared byte by byte (COLLATE "C"), as SQLite compares them, so a
// keyset page boundary and a --since filter mean the same thing on both stores.

import type { SyncSql } from '../postgres/index.ts';
import { AUDIT_PAGE, allowedFlag, pagedAuditEntries, recentLimit, toAuditEntry, type AuditRow } from './audit-rows.ts';
import type { AuditFilter, AuditTrail } from './types.ts';

const UNION = `SELECT 'audit'::text AS source, id, created_at COLLATE "C" AS created_at, actor, action, target, allowed, detail FROM audit
  UNION ALL
  SELECT 'review', id, created_at COLLATE "C", reviewer, 'review.' || decision, name || '@' || version, 1,
    json_build_object('comment', comment, 'actorSource', actor_source)::text FROM reviews`;
/** $1 since, $2 until, $3 actor, $4 allowed (0/1), $5 action (exact, or a prefix ending in `.`). */
const FILTER = `($1::text IS NULL OR created_at >= $1) AND ($2::text IS NULL OR created_at < $2)
  AND ($3::text IS NULL OR actor = $3) AND ($4::int IS NULL OR allowed = $4)
  AND ($5::text IS NULL OR action = $5 OR (right($5, 1) = '.' AND left(action, length($5)) = $5))`;

export function createPostgresAuditTrail(sql: SyncSql): AuditTrail {
  const forward = `SELECT * FROM (${UNION}) AS trail WHERE ${FILTER}
    AND (created_at, source COLLATE "C", id) > ($6, $7, $8) ORDER BY created_at, source COLLATE "C", id LIMIT ${AUDIT_PAGE}`;
  const backward = `SELECT * FROM (${UNION}) AS trail WHERE ${FILTER} ORDER BY created_at DESC, source COLLATE "C" DESC, id DESC LIMIT $6`;
  return {
    entries(filter = {}) {
      return pagedAuditEntries(({ at, source, id }) => sql.query<AuditRow & Record<string, unknown>>(forward, [...parameters(filter), at, source, id]).rows);
    },
    recent({ limit = 200, ...filter } = {}) {
      return sql.query<AuditRow & Record<string, unknown>>(backward, [...parameters(filter), recentLimit(limit)]).rows.map(toAuditEntry);
    },
  };
}

function parameters({ since, until, actor, action, allowed }: AuditFilter): Array<string | number | null> {
  return [since ?? null, until ?? null, actor ?? null, allowedFlag(allowed), action ?? null];
}
