// The fixtures as input → expected output tables, and the test report as recorded when published.

import type { FixtureRow, TestSummary } from '../../../core/review/index.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';

export function fixturesSection(rows: readonly FixtureRow[]): SafeHtml {
  return html`<section class="card"><h2>Fixtures <span class="muted">(${rows.length})</span></h2>
<table class="fixtures"><thead><tr><th>Test</th><th>Input</th><th>Situation</th><th>Expected</th></tr></thead><tbody>
${rows.map(
  (
    row,
  ) => html`<tr><td>${row.name}</td><td class="small">${row.input.map(([field, value]) => html`<div><span class="muted">${field}</span> ${value}</div>`)}</td>
<td class="small">${row.setting.map((line) => html`<div>${line}</div>`)}</td>
<td class="mono small">${expectedCell(row.expected)}</td></tr>`,
)}
</tbody></table></section>`;
}

export function testReportSection(report: TestSummary | null): SafeHtml {
  if (report === null) return html`<section class="card"><h2>Test report</h2><p class="muted">No test report was recorded.</p></section>`;
  const failures = report.results.filter((result) => !result.passed);
  return html`<section class="card"><h2>Test report</h2>
<p><span class="badge ${report.failed === 0 ? 'ok' : 'bad'}">${report.passed} passed, ${report.failed} failed</span></p>
${failures.map((result) => html`<div><strong>${result.name}</strong><pre class="small">${result.failures.join('\n')}</pre></div>`)}</section>`;
}

function expectedCell(expected: FixtureRow['expected']): SafeHtml {
  if (expected.kind === 'error') return html`<span class="removed">throws</span> ${expected.text}`;
  if (expected.kind === 'none') return html`<span class="muted">(nothing checked)</span>`;
  return html`${expected.text}`;
}
