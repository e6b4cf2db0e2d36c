// The whole audit trail as one ordered list: the audit table (denials, activations, withdrawals, tokens,
// replays, quarantines, purges, ...) and the reviews (four-eyes decisions live in their own immutable
// table). Read in keyset pages, oldest first, so an export of any size never holds the database busy.

import type { SqliteDatabase } from '../store/index.ts';
import { AUDIT_PAGE, allowedFlag, pagedAuditEntries, recentLimit, toAuditEntry, type AuditRow } from './audit-rows.ts';
import type { AuditFilter, AuditTrail } from './types.ts';

const UNION = `SELECT 'audit' AS source, id, created_at, actor, action, target, allowed, detail FROM audit
  UNION ALL
  SELECT 'review', id, created_at, reviewer, 'review.' || decision, name || '@' || version, 1,
    json_object('comment', comment, 'actorSource', actor_source) FROM reviews`;
const FILTER = `(@since IS NULL OR created_at >= @since) AND (@until IS NULL OR created_at < @until)
  AND (@actor IS NULL OR actor = @actor) AND (@allowed IS NULL OR allowed = @allowed)
  AND (@action IS NULL OR action = @action OR (substr(@action, -1) = '.' AND substr(action, 1, length(@action)) = @action))`;

export function createSqliteAuditTrail(db: SqliteDatabase): AuditTrail {
  const forward = db.prepare(`SELECT * FROM (${UNION}) WHERE ${FILTER}
    AND (created_at, source, id) > (@afterAt, @afterSource, @afterId) ORDER BY created_at, source, id LIMIT ${AUDIT_PAGE}`);
  const backward = db.prepare(`SELECT * FROM (${UNION}) WHERE ${FILTER} ORDER BY created_at DESC, source DESC, id DESC LIMIT @limit`);

  return {
    entries(filter = {}) {
      return pagedAuditEntries(({ at, source, id }) => forward.all({ ...parameters(filter), afterAt: at, afterSource: source, afterId: id }) as AuditRow[]);
    },
    recent({ limit = 200, ...filter } = {}) {
      return (backward.all({ ...parameters(filter), limit: recentLimit(limit) }) as AuditRow[]).map(toAuditEntry);
    },
  };
}

function parameters({ since, until, actor, action, allowed }: AuditFilter) {
  return {
    since: since ?? null,
    until: until ?? null,
    actor: actor ?? null,
    action: action ?? null,
    allowed: allowedFlag(allowed),
  };
}
