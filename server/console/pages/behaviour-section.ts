// The behavioural diff: each case whose output, error or calls differ between the active version and
// this one, change by change, side by side ("Søren Ødegård  output.username  soedegard → sodegard").

import type { BehaviouralDiff, ValueChange } from '../../../core/diff/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';

export type BehaviourState = { kind: 'ready'; diff: BehaviouralDiff } | { kind: 'none'; reason: string } | { kind: 'failed'; message: string };

export function behaviourSection(state: BehaviourState): SafeHtml {
  if (state.kind !== 'ready')
    return html`<section class="card behaviour"><h2>Behavioural diff</h2>
<p class="muted">${state.kind === 'none' ? state.reason : `It could not be run: ${state.message}`}</p></section>`;
  const { diff } = state;
  const summary = html`
<p class="small muted">@${diff.from} and @${diff.to} ran side by side (dry run, in the sandbox)
on ${diff.fixtures} fixture${diff.fixtures === 1 ? '' : 's'} and ${diff.events} recent event${diff.events === 1 ? '' : 's'}:
${diff.changed.length} of ${diff.compared} changed${diff.skipped > 0 ? `, ${diff.skipped} skipped` : ''}${diff.timedOut ? ' (time limit reached)' : ''},
in ${Math.round(diff.durationMs)} ms.</p>`;
  if (diff.changed.length === 0)
    return html`<section class="card behaviour"><h2>Behavioural diff</h2>${summary}<p>No output, error or outgoing call changed.</p></section>`;
  const rows = diff.changed.flatMap((item) =>
    item.changes.map(
      (
        change,
        index,
      ) => html`<tr>${index === 0 ? html`<td rowspan="${item.changes.length}"><strong>${item.label}</strong>
<div class="small muted">${item.source}</div></td>` : ''}
<td class="mono small">${change.path}</td><td class="mono"><span class="before">${shown(change.before)}</span></td><td>→</td>
<td class="mono"><span class="after">${shown(change.after)}</span></td></tr>`,
    ),
  );
  return html`<section class="card behaviour"><h2>Behavioural diff</h2>${summary}
<table class="changes"><thead><tr><th>Case</th><th>What</th><th>Active @${diff.from}</th><th></th>
<th>This @${diff.to}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** A JSON string shown as its text; other JSON as written; a missing side as "(none)". */
function shown(value: ValueChange['before']): string {
  if (value === undefined) return '(none)';
  if (value.startsWith('"')) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return value;
}
