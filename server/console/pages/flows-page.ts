// The flows list and one flow version: its steps in order with their conditions, who wrote and asked for
// it, and the decision. The approve and reject buttons are left out for the author and the requester
// (four eyes) and for anyone but a reviewer; the flow store refuses a forged decision anyway.

import type { FlowSummary, FlowVersionRecord } from '../../../core/flows/index.ts';
import { sameActor } from '../../../core/registry/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';
import type { Session } from '../session/session-store.ts';
import { csrfField } from './layout.ts';

export function flowPath(name: string, version: number): string {
  return `/flows/${encodeURIComponent(name)}/versions/${version}`;
}

export function flowsBody(flows: FlowSummary[] | undefined): SafeHtml {
  if (flows === undefined) return html`<h1>Flows</h1><p class="muted">This console was started without a flow store.</p>`;
  if (flows.length === 0) return html`<h1>Flows</h1><p class="muted">No flows are published (joinery flow publish).</p>`;
  return html`<h1>Flows <span class="muted">(${flows.length})</span></h1>
<table class="flows"><thead><tr><th>Flow</th><th>Trigger</th><th>Latest</th><th>Status</th><th>Active</th></tr></thead>
<tbody>${flows.map(
    (flow) => html`<tr data-flow="${flow.name}"><td><a href="${flowPath(flow.name, flow.latestVersion)}">${flow.name}</a></td>
<td class="mono">${flow.trigger}</td><td>@${flow.latestVersion}</td><td><span class="badge status">${flow.latestStatus.replace('_', ' ')}</span></td>
<td>${flow.activeVersion === null ? '—' : html`<a href="${flowPath(flow.name, flow.activeVersion)}">@${flow.activeVersion}</a>`}</td></tr>`,
  )}</tbody></table>`;
}

export function flowVersionBody({ record, versions, session }: { record: FlowVersionRecord; versions: FlowVersionRecord[]; session: Session }): SafeHtml {
  const { definition } = record;
  const active = record.active ? html` <span class="badge">active</span>` : '';
  return html`<h1>Flow ${record.name}@${record.version} <span class="badge status">${record.status.replace('_', ' ')}</span>${active}</h1>
${definition.description ? html`<p class="muted">${definition.description}</p>` : ''}
<section class="card"><table class="facts"><tbody>
<tr><th>Author</th><td>${record.author}</td><th>Requested by</th><td>${record.requestedBy ?? '—'}</td></tr>
<tr><th>Published</th><td>${record.createdAt}</td><th>Trigger</th><td class="mono">${record.trigger}</td></tr>
<tr><th>sha256</th><td colspan="3" class="mono small">${record.sha256}</td></tr></tbody></table></section>
<section class="card"><h2>Steps</h2><table class="steps"><thead><tr><th>#</th><th>Function</th><th>Runs when</th></tr></thead><tbody>${definition.steps.map(
    (step, index) => html`<tr><td>${index + 1}</td><td class="mono">${step.function}</td>
<td class="mono small">${step.condition === undefined ? html`<span class="muted">always</span>` : JSON.stringify(step.condition)}</td></tr>`,
  )}</tbody></table></section>
${decision(record, session)}
<section class="card"><h2>Versions</h2><p>${versions.map(
    (version) => html`<a href="${flowPath(version.name, version.version)}">@${version.version}</a> (${version.status.replace('_', ' ')}) `,
  )}</p></section>`;
}

function decision(record: FlowVersionRecord, session: Session): SafeHtml {
  if (record.status !== 'pending_review') {
    const comment = record.reviewComment ? html`: ${record.reviewComment}` : '';
    return html`<section class="card decision"><h2>Review</h2>
<p><strong>${record.status}</strong> by ${record.reviewer ?? '—'} at ${record.reviewedAt ?? '—'}${comment}</p></section>`;
  }
  const reason = refusalFor(record, session);
  if (reason !== undefined)
    return html`<section class="card decision"><h2>Review</h2><p class="muted">You cannot decide on this version: ${reason}.</p></section>`;
  return html`<section class="card decision"><h2>Review</h2>
<form method="post" action="${flowPath(record.name, record.version)}/review"
 data-confirm="Record this decision? An approval makes the flow version active.">${csrfField(session)}
<label for="comment">Comment (what you checked)</label><textarea id="comment" name="comment" maxlength="2000"></textarea>
<p><button class="approve" type="submit" name="decision" value="approved">Approve</button> 
<button class="reject" type="submit" name="decision" value="rejected">Reject</button></p></form></section>`;
}

/** Why this viewer may not decide, as the flow store would refuse them; undefined when they may. */
function refusalFor(record: FlowVersionRecord, session: Session): string | undefined {
  const { name, role } = session.principal;
  if (role !== 'reviewer') return `only a reviewer decides (you are ${role})`;
  if (sameActor(name, record.author)) return 'you wrote it (four eyes)';
  if (sameActor(name, record.requestedBy)) return 'you requested it (four eyes)';
  return undefined;
}
