// The whole audit trail as one ordered list: the audit table (denials, activations, withdrawals, tokens,
// replays, quarantines, purges, ...) and the reviews (four-eyes decisions live in their own immutable
// table). Read in keyset pages, oldest first, so an export of any size never holds the database busy.

import type { SqliteDatabase } from '../store/index.ts';
import type { AuditEntry, AuditFilter, AuditTrail } from './types.ts';

interface Row {
  source: 'audit' | 'review';
  id: number;
  created_at: string;
  actor: string;
  action: string;
  target: string | null;
  allowed: 0 | 1;
  detail: string | null;
}

const PAGE = 1_000;
const UNION = `SELECT 'audit' AS source, id, created_at, actor, action, target, allowed, detail FROM audit
  UNION ALL
  SELECT 'review', id, created_at, reviewer, 'review.' || decision, name || '@' || version, 1,
    json_object('comment', comment, 'actorSource', actor_source) FROM reviews`;
const FILTER = `(@since IS NULL OR created_at >= @since) AND (@until IS NULL OR created_at < @until)
  AND (@actor IS NULL OR actor = @actor) AND (@allowed IS NULL OR allowed = @allowed)
  AND (@action IS NULL OR action = @action OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action))`;

export function createSqliteAuditTrail(db: SqliteDatabase): AuditTrail {
  const forward = db.prepare(`SELECT * FROM (${UNION}) WHERE ${FILTER}
    AND (created_at, source, id) > (@afterAt, @afterSource, @afterId) ORDER BY created_at, source, id LIMIT ${PAGE}`);
  const backward = db.prepare(`SELECT * FROM (${UNION}) WHERE ${FILTER} ORDER BY created_at DESC, source DESC, id DESC LIMIT @limit`);

  return {
    *entries(filter = {}) {
      let after = { afterAt: '', afterSource: '', afterId: 0 };
      for (;;) {
        const rows = forward.all({ ...parameters(filter), ...after }) as Row[];
        yield* rows.map(toEntry);
        const last = rows.at(-1);
        if (last === undefined || rows.length < PAGE) return;
        after = {
          afterAt: last.created_at,
          afterSource: last.source,
          afterId: last.id,
        };
      }
    },
    recent({ limit = 200, ...filter } = {}) {
      return (
        backward.all({
          ...parameters(filter),
          limit: Math.max(1, Math.min(limit, 10_000)),
        }) as Row[]
      ).map(toEntry);
    },
  };
}

function parameters({ since, until, actor, action, allowed }: AuditFilter) {
  return {
    since: since ?? null,
    until: until ?? null,
    actor: actor ?? null,
    action: action ?? null,
    allowed: allowed === undefined ? null : allowed ? 1 : 0,
  };
}

function toEntry(row: Row): AuditEntry {
  return {
    id: `${row.source}:${row.id}`,
    createdAt: row.created_at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    allowed: row.allowed === 1,
    detail: row.detail === null ? null : JSON.parse(row.detail),
  };
}
