// The reviewer's inbox: every version waiting for review, oldest first.

import type { PendingReview } from '../../../core/review/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';
import { age, versionPath } from './layout.ts';
import { badges, reachCell } from './reach.ts';

export function inboxBody({ pending, now }: { pending: PendingReview[]; now: number }): SafeHtml {
  if (pending.length === 0) return html`<h1>Waiting for review</h1><p class="muted">Nothing waits for review.</p>`;
  return html`<h1>Waiting for review <span class="muted">(${pending.length})</span></h1>
<table class="inbox"><thead><tr><th>Function</th><th>Author</th><th>Requested by</th><th>Age</th><th>Reach change</th><th>Risk</th></tr></thead>
<tbody>${pending.map((item) => row(item, now))}</tbody></table>`;
}

function row(item: PendingReview, now: number): SafeHtml {
  return html`<tr data-function="${item.name}"><td><a href="${versionPath(item.name, item.version)}">${item.name}@${item.version}</a>
<div class="muted small">${item.description}</div>${item.activeVersion === null ? html`<div class="small">first version</div>` : html`
<div class="small muted">replaces @${item.activeVersion}</div>`}</td>
<td>${item.author}</td><td>${item.requestedBy ?? '—'}</td><td title="${item.createdAt}">${age(item.createdAt, now)}</td>
<td class="small">${reachCell(item.reach)}</td><td>${badges(item.badges)}</td></tr>`;
}
