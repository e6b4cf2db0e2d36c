// Generated-to-original positions through Node's own source-map reader (no dependency). Used for bundle
// errors found after bundling, and by the sandbox to point a guest stack frame at the author's line.

import { SourceMap, type SourceMapping } from 'node:module';

/** The source name of the authored file inside every bundle's source map. */
export const FUNCTION_SOURCE = 'fn.ts';

export interface OriginalPosition {
  source: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/**
 * Maps a 1-based position in the bundle to the 1-based position in fn.ts. Undefined when the position
 * has no mapping on that generated line or maps into something other than fn.ts (an npm package, a
 * bundler helper): only the author's own lines are worth showing.
 */
export function mapPosition(sourceMap: string, line: number, column: number): { line: number; column: number } | undefined {
  const original = originalPosition(sourceMap, line, column);
  return original?.source === FUNCTION_SOURCE ? { line: original.line, column: original.column } : undefined;
}

let cached: { text: string; map: SourceMap } | undefined;

/** Like mapPosition, for any source; `source` is as the map names it (e.g. `node_modules/zod/...`). */
export function originalPosition(sourceMap: string, line: number, column: number): OriginalPosition | undefined {
  if (cached?.text !== sourceMap) {
    try {
      cached = { text: sourceMap, map: new SourceMap(JSON.parse(sourceMap)) };
    } catch {
      return undefined;
    }
  }
  // Node answers `{}` (older versions: undefined) when nothing maps there.
  const entry = cached.map.findEntry(line - 1, column - 1) as Partial<SourceMapping> | undefined;
  if (entry?.originalSource === undefined || entry.generatedLine !== line - 1) return undefined;
  return { source: entry.originalSource, line: (entry.originalLine ?? 0) + 1, column: (entry.originalColumn ?? 0) + 1 };
}
