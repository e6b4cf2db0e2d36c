// A unified line diff (LCS), enough for reviewing function sources of a few thousand lines.

export type DiffLine = { kind: 'same' | 'added' | 'removed'; text: string };

const MAX_CELLS = 25_000_000;

export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j]
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ kind: 'same', text: a[i++]! });
      j++;
    } else if (j < b.length && (i === a.length || lengths[i * width + j + 1]! > lengths[(i + 1) * width + j]!)) {
      lines.push({ kind: 'added', text: b[j++]! });
    } else {
      lines.push({ kind: 'removed', text: a[i++]! });
    }
  }
  return lines;
}

/** Unified-diff text with `context` unchanged lines around each change; empty when equal. */
export function formatUnifiedDiff(lines: DiffLine[], { context = 3, labels = ['before', 'after'] } = {}): string {
  const changed = lines.map((line) => line.kind !== 'same');
  if (!changed.includes(true)) return '';
  const keep = lines.map((_, index) => changed.slice(Math.max(0, index - context), index + context + 1).includes(true));
  const out = [`--- ${labels[0]}`, `+++ ${labels[1]}`];
  let oldLine = 1;
  let newLine = 1;
  let index = 0;
  while (index < lines.length) {
    if (!keep[index]) {
      if (lines[index]!.kind !== 'added') oldLine++;
      if (lines[index]!.kind !== 'removed') newLine++;
      index++;
      continue;
    }
    const start = index;
    while (index < lines.length && keep[index]) index++;
    const hunk = lines.slice(start, index);
    const oldCount = hunk.filter((line) => line.kind !== 'added').length;
    const newCount = hunk.filter((line) => line.kind !== 'removed').length;
    out.push(`@@ -${oldLine},${oldCount} +${newLine},${newCount} @@`);
    for (const line of hunk) out.push(`${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '}${line.text}`);
    oldLine += oldCount;
    newLine += newCount;
  }
  return out.join('\n') + '\n';
}
