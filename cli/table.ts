/** A plain text table; cells are single-line (newlines shown as ⏎). */
export function table(headers: string[], rows: string[][]): string {
  const clean = (cell: string) => cell.replace(/\r?\n/g, '⏎');
  const all = [headers, ...rows].map((row) => row.map(clean));
  const widths = headers.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  return all.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}
