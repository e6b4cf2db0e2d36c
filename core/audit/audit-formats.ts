// The audit export's two formats. CSV (RFC 4180, for a spreadsheet): every field quoted, the detail as
// compact JSON, and a cell that a spreadsheet would read as a formula (= + - @, tab, CR) prefixed with
// an apostrophe, so an actor named "=HYPERLINK(...)" stays text. JSON lines: one entry per line, as is.

import type { AuditEntry } from './types.ts';

type AuditExportFormat = 'csv' | 'jsonl';

const AUDIT_CSV_HEADER = 'id,created_at,actor,action,target,allowed,detail\r\n';

export function auditCsvLine(entry: AuditEntry): string {
  const fields = [
    entry.id,
    entry.createdAt,
    entry.actor,
    entry.action,
    entry.target ?? '',
    String(entry.allowed),
    entry.detail === null ? '' : JSON.stringify(entry.detail),
  ];
  return `${fields.map(csvField).join(',')}\r\n`;
}

function auditJsonLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

/** The export as chunks of text: the header (CSV only), then one line per entry. */
export function* formatAudit(entries: Iterable<AuditEntry>, format: AuditExportFormat): Generator<string> {
  if (format === 'csv') yield AUDIT_CSV_HEADER;
  for (const entry of entries) yield format === 'csv' ? auditCsvLine(entry) : auditJsonLine(entry);
}

function csvField(text: string): string {
  const guarded = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${guarded.replaceAll('"', '""')}"`;
}
