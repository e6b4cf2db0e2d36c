// Executions: newest first, filtered by function, outcome and live/dry run; and one execution with its
// input, outcome, calls and logs, as recorded (secret values were redacted before they were written).

import type { ExecutionRecord, FunctionSummary } from '../../../core/registry/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';

export interface ExecutionFilters {
  functionName: string;
  outcome: string;
  mode: string;
}

const OUTCOMES = ['returned', 'threw', 'timed-out', 'out-of-memory', 'crashed'];

export function executionsBody({
  executions,
  functions,
  filters,
}: {
  executions: ExecutionRecord[];
  functions: FunctionSummary[];
  filters: ExecutionFilters;
}): SafeHtml {
  const option = (value: string, label: string, selected: string) =>
    html`<option value="${value}"${value === selected ? html` selected` : ''}>${label}</option>`;
  return html`<h1>Executions</h1>
<form class="filters" method="get" action="/executions">
<label>Function<select name="function">${option('', 'all', filters.functionName)}
${functions.map((item) => option(item.name, item.name, filters.functionName))}</select></label>
<label>Outcome<select name="outcome">${option('', 'any', filters.outcome)}${OUTCOMES.map((kind) => option(kind, kind, filters.outcome))}</select></label>
<label>Mode<select name="mode">${option('', 'live and dry run', filters.mode)}${option('live', 'live', filters.mode)}
${option('dry', 'dry run', filters.mode)}</select></label>
<button type="submit">Filter</button></form>
${
  executions.length === 0
    ? html`<p class="muted">No executions match.</p>`
    : html`<table><thead><tr><th>#</th><th>Function</th><th>Outcome</th><th>Duration</th><th>Caller</th><th>When</th></tr></thead><tbody>
${executions.map(
  (
    execution,
  ) => html`<tr><td><a href="/executions/${execution.id}">${execution.id}</a></td>
<td>${execution.name}@${execution.version}${execution.dryRun ? html` <span class="badge status">dry run</span>` : ''}</td>
<td><span class="badge ${execution.outcome.kind === 'returned' ? 'ok' : 'bad'}">${execution.outcome.kind}</span></td>
<td>${Math.round(execution.durationMs)} ms</td><td>${execution.caller}</td><td class="small">${execution.createdAt}</td></tr>`,
)}
</tbody></table>`
}`;
}

export function executionBody(execution: ExecutionRecord): SafeHtml {
  return html`<h1>Execution ${execution.id} <span class="badge ${execution.outcome.kind === 'returned' ? 'ok' : 'bad'}">${execution.outcome.kind}</span></h1>
<section class="card"><table><tbody>
<tr><th>Function</th><td>${execution.name}@${execution.version}${execution.dryRun ? ' (dry run)' : ''}</td><th>Caller</th><td>${execution.caller}</td></tr>
<tr><th>When</th><td>${execution.createdAt}</td><th>Duration</th><td>${Math.round(execution.durationMs)} ms</td></tr>
<tr><th>Event</th><td colspan="3">${execution.eventId ?? '—'}</td></tr></tbody></table></section>
<section class="card"><h2>Input</h2><pre>${json(execution.input)}</pre></section>
<section class="card"><h2>Outcome</h2><pre>${json(execution.outcome)}</pre></section>
<section class="card"><h2>Outgoing calls <span class="muted">(${execution.calls.length})</span></h2>${execution.calls.map(
    (call) => html`<div class="call"><pre><strong>${call.method.toUpperCase()} ${call.url}</strong>
${Object.entries(call.headers)
  .map(([name, value]) => `${name}: ${value}\n`)
  .join('')}${call.body ?? ''}</pre></div>`,
  )}</section>
<section class="card"><h2>Logs <span class="muted">(${execution.logs.length})</span></h2>
<table class="logs"><tbody>${execution.logs.map(logRow)}</tbody></table></section>`;
}

function logRow(entry: ExecutionRecord['logs'][number]): SafeHtml {
  const data = entry.data === undefined ? '' : ` ${JSON.stringify(entry.data)}`;
  return html`<tr><td class="small muted">${entry.atMs} ms</td><td>${entry.level}</td><td><pre>${entry.message}${data}</pre></td></tr>`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'null';
}
