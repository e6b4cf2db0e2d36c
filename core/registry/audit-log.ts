// The audit trail: who tried what on which target, and whether it was allowed. Append-only (triggers
// refuse UPDATE and DELETE). The MCP server records every denial here; activations record themselves.

import type { SqliteDatabase } from '../store/index.ts';
import { JoineryError } from '../errors.ts';
import { optionalText, requireLimit, requireText, toJsonField } from './input-checks.ts';
import { createRedactor } from './redact-secrets.ts';
import { toAuditRecord, type AuditRow } from './row-mapping.ts';
import type { AuditInput, AuditRecord } from './types.ts';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

export function createAuditLog(db: SqliteDatabase, { now }: { now: () => Date }) {
  const insert = db.prepare(`INSERT INTO audit (actor, action, target, allowed, detail, created_at)
    VALUES (@actor, @action, @target, @allowed, @detail, @createdAt) RETURNING *`);
  const select = db.prepare(`SELECT * FROM audit
    WHERE (@actor IS NULL OR actor = @actor) AND (@allowed IS NULL OR allowed = @allowed)
    ORDER BY id DESC LIMIT @limit`);

  return {
    recordAudit(input: AuditInput, { redact = [] }: { redact?: string[] } = {}): AuditRecord {
      return toAuditRecord(insert.get(toAuditRow(input, redact, now().toISOString())) as AuditRow);
    },
    listAudit({ limit, actor, allowed }: { limit?: number; actor?: string; allowed?: boolean } = {}): AuditRecord[] {
      const rows = select.all({
        actor: actor ?? null,
        allowed: allowed === undefined ? null : allowed ? 1 : 0,
        limit: requireAuditLimit(limit),
      }) as AuditRow[];
      return rows.map(toAuditRecord);
    },
  };
}

/** The checked, redacted columns of an audit entry; shared with the Postgres registry. */
export function toAuditRow(input: AuditInput, redact: string[], createdAt: string) {
  if (typeof input.allowed !== 'boolean') {
    throw new JoineryError('INVALID_INPUT', 'allowed: expected true or false', { field: 'allowed' });
  }
  const redactor = createRedactor(redact);
  const target = optionalText(input.target, 'target');
  return {
    actor: redactor.text(requireText(input.actor, 'actor')),
    action: redactor.text(requireText(input.action, 'action')),
    target: target === null ? null : redactor.text(target),
    allowed: input.allowed ? 1 : 0,
    detail: input.detail === undefined ? null : toJsonField(input.detail, 'detail', redactor.json),
    createdAt,
  };
}

export const requireAuditLimit = (limit: unknown): number => requireLimit(limit, DEFAULT_LIMIT, MAX_LIMIT);
