// The audit trail over PostgreSQL: the same one list as on SQLite (audit entries and reviews), in the same
// order. Times are ISO 8601 text and compared byte by byte (COLLATE "C"), as SQLite compares them, so a
// keyset page boundary and a --since filter mean the same thing on both stores.

import type { SyncSql } from '../postgres/index.ts';
import type { AuditEntry, AuditFilter, AuditTrail } from './types.ts';

interface Row {
  source: 'audit' | 'review';
  id: number;
  created_at: string;
  actor: string;
  action: string;
  target: string | null;
  allowed: number;
  detail: string | null;
  [column: string]: unknown;
}

const PAGE = 1_000;
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
    AND (created_at, source COLLATE "C", id) > ($6, $7, $8) ORDER BY created_at, source COLLATE "C", id LIMIT ${PAGE}`;
  const backward = `SELECT * FROM (${UNION}) AS trail WHERE ${FILTER} ORDER BY created_at DESC, source COLLATE "C" DESC, id DESC LIMIT $6`;
  return {
    *entries(filter = {}) {
      let after: [string, string, number] = ['', '', 0];
      for (;;) {
        const rows = sql.query<Row>(forward, [...parameters(filter), ...after]).rows;
        yield* rows.map(toEntry);
        const last = rows.at(-1);
        if (last === undefined || rows.length < PAGE) return;
        after = [last.created_at, last.source, Number(last.id)];
      }
    },
    recent({ limit = 200, ...filter } = {}) {
      return sql.query<Row>(backward, [...parameters(filter), Math.max(1, Math.min(limit, 10_000))]).rows.map(toEntry);
    },
  };
}

function parameters({ since, until, actor, action, allowed }: AuditFilter): Array<string | number | null> {
  return [since ?? null, until ?? null, actor ?? null, allowed === undefined ? null : allowed ? 1 : 0, action ?? null];
}

function toEntry(row: Row): AuditEntry {
  return {
    id: `${row.source}:${row.id}`,
    createdAt: row.created_at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    allowed: Number(row.allowed) === 1,
    detail: row.detail === null ? null : JSON.parse(row.detail),
  };
}
