import { visibleText } from '../core/text/index.ts';

/** A plain text table; cells are single-line (newlines shown as ⏎, tabs as spaces, other invisible
 *  characters escaped before the widths are measured, so columns stay aligned). */
export function table(headers: string[], rows: string[][]): string {
  const clean = (cell: string) => visibleText(cell).replace(/\n/g, '⏎').replace(/\t/g, ' ');
  const all = [headers, ...rows].map((row) => row.map(clean));
  const widths = headers.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
