// The audit trail, newest first, with filters and the export (CSV and JSON lines, same filters).

import type { AuditEntry } from '../../../core/audit/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';

export interface AuditFilters {
  actor: string;
  action: string;
  allowed: string;
}

export function auditBody({ entries, filters, retentionDays }: { entries: AuditEntry[]; filters: AuditFilters; retentionDays: number | null }): SafeHtml {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== '')).toString();
  const exportLink = (format: string) => `/audit/export?format=${format}${query ? `&${query}` : ''}`;
  return html`<h1>Audit trail</h1>
<p class="small muted">Every review, activation, withdrawal, token change, replay, quarantine, retention purge and denial.
${retentionDays === null ? 'Execution payloads are kept without limit.' : `Execution payloads older than ${retentionDays} days are purged;`}
${retentionDays === null ? '' : 'this trail is kept.'}</p>
<form class="filters" method="get" action="/audit">
<label>Actor<input type="text" name="actor" value="${filters.actor}"></label>
<label>Action (or prefix ending in .)<input type="text" name="action" value="${filters.action}"></label>
<label>Allowed<select name="allowed"><option value="">any</option>
<option value="true"${filters.allowed === 'true' ? html` selected` : ''}>allowed</option>
<option value="false"${filters.allowed === 'false' ? html` selected` : ''}>denied</option></select></label>
<button type="submit">Filter</button> <a class="button" href="${exportLink('csv')}">Export CSV</a>
<a class="button" href="${exportLink('jsonl')}">Export JSON lines</a></form>
<table><thead><tr><th>When</th><th>Actor</th><th>Action</th><th>Target</th><th>Allowed</th><th>Detail</th></tr></thead><tbody>
${entries.map(
  (entry) => html`<tr><td class="small">${entry.createdAt}</td><td>${entry.actor}</td><td>${entry.action}</td><td>${entry.target ?? ''}</td>
<td><span class="badge ${entry.allowed ? 'ok' : 'bad'}">${entry.allowed ? 'allowed' : 'denied'}</span></td>
<td class="mono small">${entry.detail === null ? '' : JSON.stringify(entry.detail)}</td></tr>`,
)}
</tbody></table>`;
}
