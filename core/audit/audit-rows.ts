// What both stores' audit trails share once their SQL has run: the row the union query yields, the entry
// made from it, keyset paging oldest first, and the bound on `recent`.
import type { AuditEntry } from './types.ts';

export interface AuditRow {
  source: 'audit' | 'review';
  id: number;
  created_at: string;
  actor: string;
  action: string;
  target: string | null;
  /** 0 or 1 (a Postgres driver may hand an integer column back as a string). */
  allowed: number | string;
  detail: string | null;
}

/** Rows the union query reads per page. */
export const AUDIT_PAGE = 1_000;

/** A place in the trail's order (created_at, source, id): a page reads the rows after it. */
export type AuditPosition = { at: string; source: string; id: number };

/** Every entry oldest first, reading pages of AUDIT_PAGE rows that follow `after` until a short page. */
export function* pagedAuditEntries(readPage: (after: AuditPosition) => AuditRow[]): Iterable<AuditEntry> {
  let after: AuditPosition = { at: '', source: '', id: 0 };
  for (;;) {
    const rows = readPage(after);
    yield* rows.map(toAuditEntry);
    const last = rows.at(-1);
    if (last === undefined || rows.length < AUDIT_PAGE) return;
    after = { at: last.created_at, source: last.source, id: Number(last.id) };
  }
}

/** `recent`'s limit held to 1..10,000. */
export function recentLimit(limit: number): number {
  return Math.max(1, Math.min(limit, 10_000));
}

/** The filter's allowed flag as the column holds it, or null for either. */
export function allowedFlag(allowed: boolean | undefined): 0 | 1 | null {
  return allowed === undefined ? null : allowed ? 1 : 0;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
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
