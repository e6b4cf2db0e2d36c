// A line diff as a table: old and new line numbers, highlighted code, added and removed lines coloured,
// runs of unchanged lines beyond `context` folded into one row.

import type { DiffLine } from '../../../core/diff/index.ts';
import { highlightLine } from '../html/highlight.ts';
import { html, type SafeHtml } from '../html/safe-html.ts';

export function sourceDiffTable(lines: readonly DiffLine[], { context = 4 }: { context?: number } = {}): SafeHtml {
  const changed = lines.map((line) => line.kind !== 'same');
  const near = nearChange(changed, context);
  const rows: SafeHtml[] = [];
  let oldLine = 1;
  let newLine = 1;
  let folded = 0;
  const flushFold = () => {
    if (folded > 0) rows.push(html`<tr class="gap"><td colspan="3">… ${folded} unchanged line${folded === 1 ? '' : 's'}</td></tr>`);
    folded = 0;
  };
  lines.forEach((line, index) => {
    if (!near[index]) {
      folded++;
      oldLine++;
      newLine++;
      return;
    }
    flushFold();
    const code = html`<td><pre>${highlightLine(line.text)}</pre></td>`;
    if (line.kind === 'same') rows.push(html`<tr><td class="num">${oldLine++}</td><td class="num">${newLine++}</td>${code}</tr>`);
    else if (line.kind === 'removed') rows.push(html`<tr class="del"><td class="num">${oldLine++}</td><td class="num"></td>${code}</tr>`);
    else rows.push(html`<tr class="add"><td class="num"></td><td class="num">${newLine++}</td>${code}</tr>`);
  });
  flushFold();
  return html`<table class="diff mono">${rows}</table>`;
}

/** True for each line within `context` lines of a change; everything when nothing changed is false. */
function nearChange(changed: boolean[], context: number): boolean[] {
  const near = new Array<boolean>(changed.length).fill(false);
  let last = -Infinity;
  for (let index = 0; index < changed.length; index++) {
    if (changed[index]) last = index;
    if (index - last <= context) near[index] = true;
  }
  last = Infinity;
  for (let index = changed.length - 1; index >= 0; index--) {
    if (changed[index]) last = index;
    if (last - index <= context) near[index] = true;
  }
  return near;
}
