// Lifecycle events from the runtime's queue: status, attempts, the last error; dead and failed events
// can be replayed by an operator (a form with the CSRF token; the server checks the role again).

import type { EventStatus, EventSummary } from '../../../core/events/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';
import type { Session } from '../session/session-store.ts';
import { csrfField } from './layout.ts';

const REPLAYABLE: readonly EventStatus[] = ['dead', 'failed', 'done'];

export function eventsBody({
  events,
  counts,
  status,
  session,
}: {
  events: EventSummary[];
  counts: Record<string, number>;
  status: string;
  session: Session;
}): SafeHtml {
  const operator = session.principal.role === 'operator';
  const filter = (value: string, label: string) =>
    html`<a class="badge ${value === status ? 'ok' : 'status'}" href="/events${value ? `?status=${value}` : ''}">${label}</a>`;
  return html`<h1>Events</h1>
<p>${filter('', 'all')}${Object.entries(counts).map(([name, count]) => filter(name, `${name} ${count}`))}</p>
${
  events.length === 0
    ? html`<p class="muted">No events.</p>`
    : html`<table><thead><tr><th>Event</th><th>Type</th><th>Source</th><th>Status</th><th>Attempts</th><th>Last error</th><th>Updated</th>
<th></th></tr></thead><tbody>
${events.map(
  (
    event,
  ) => html`<tr><td class="mono small">${event.id}</td><td>${event.type}</td><td>${event.source}</td>
<td><span class="badge ${event.status === 'done' ? 'ok' : event.status === 'dead' || event.status === 'failed' ? 'bad' : 'status'}">${event.status}</span></td>
<td>${event.attempts}</td><td class="small">${event.lastError ?? ''}</td><td class="small">${event.updatedAt}</td>
<td>${operator && REPLAYABLE.includes(event.status) ? html`
<form method="post" action="/events/${encodeURIComponent(event.id)}/replay" data-confirm="Replay this event?">${csrfField(session)}
<button type="submit">Replay</button></form>` : ''}</td></tr>`,
)}
</tbody></table>`
}`;
}
