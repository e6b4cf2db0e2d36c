// Offsets to line and column. Compilers report UTF-16 offsets (JavaScript string indices); lines break
// where TypeScript breaks them: \r\n, \n, \r, U+2028 and U+2029.

export interface TextPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export type PositionOf = (offset: number) => TextPosition;

/** Indexes `text` once; the returned function maps any offset in O(log lines). */
export function createPositionIndex(text: string): PositionOf {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|[\n\r\u2028\u2029]/g)) lineStarts.push(match.index + match[0].length);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - lineStarts[low]! + 1 };
  };
}
