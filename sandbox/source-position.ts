// Maps a guest error to the TypeScript the author wrote: frames of the bundle (compiled as file:///fn.js)
// go through the esbuild sourcemap; frames of the sandbox's own prelude are dropped; library sources are
// shown from node_modules/ on, so no host path of the build machine leaks into a message.
import { SourceMap } from 'node:module';
import type { SourcePosition } from '../core/execution/types.ts';

export const BUNDLE_FILENAME = 'file:///fn.js';

const BUNDLE_LOCATION = /file:\/\/\/fn\.js:(\d+):(\d+)/g;
const MAX_STACK_FRAMES = 12;

export interface MappedError {
  message: string;
  position?: SourcePosition;
  stack?: string;
}

interface MappedLocation {
  text: string;
  position?: SourcePosition;
  fromLibrary: boolean;
}

export function mapGuestError({ message, stack, sourceMap }: { message: string; stack?: string; sourceMap?: string }): MappedError {
  const lookup = createLookup(sourceMap);
  let position: SourcePosition | undefined;
  const rewrite = (text: string) =>
    text.replace(BUNDLE_LOCATION, (_match, line: string, column: string) => {
      const mapped = lookup(Number(line), Number(column));
      if (position === undefined && mapped.position !== undefined && !mapped.fromLibrary) position = mapped.position;
      return mapped.text;
    });
  const frames = (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && line.includes(BUNDLE_FILENAME))
    .slice(0, MAX_STACK_FRAMES)
    .map(rewrite);
  const mappedMessage = rewrite(message);
  const result: MappedError = { message: mappedMessage };
  if (position !== undefined) result.position = position;
  if (frames.length > 0) result.stack = [mappedMessage, ...frames].join('\n');
  return result;
}

// Parsing a large map (zod's is 1.3 MB) costs milliseconds; failing runs of one bundle often come in series.
let lastMap: { text: string; map: SourceMap | undefined } | undefined;

function parseMap(sourceMap: string): SourceMap | undefined {
  if (lastMap?.text !== sourceMap) {
    let map: SourceMap | undefined;
    try {
      map = new SourceMap(JSON.parse(sourceMap));
    } catch {
      map = undefined;
    }
    lastMap = { text: sourceMap, map };
  }
  return lastMap.map;
}

function createLookup(sourceMap: string | undefined): (line: number, column: number) => MappedLocation {
  const map = sourceMap === undefined ? undefined : parseMap(sourceMap);
  return (line, column) => {
    type Entry = { generatedLine?: number; originalSource?: string; originalLine?: number; originalColumn?: number };
    const entry = map?.findEntry(line - 1, column - 1) as Entry | undefined;
    // findEntry falls back to the closest earlier mapping, even on another line: that is no mapping.
    if (entry?.originalSource === undefined || entry.generatedLine !== line - 1 || entry.originalLine === undefined || entry.originalColumn === undefined) {
      return { text: `fn.js:${line}:${column}`, fromLibrary: false };
    }
    const source = displaySource(entry.originalSource);
    const position = { line: entry.originalLine + 1, column: entry.originalColumn + 1 };
    return { text: `${source}:${position.line}:${position.column}`, position, fromLibrary: source.startsWith('node_modules/') };
  }
}

function displaySource(source: string): string {
  const libraryAt = source.lastIndexOf('node_modules/');
  if (libraryAt !== -1) return source.slice(libraryAt);
  const withoutScheme = source.replace(/^[a-z]+:/i, '');
  return withoutScheme.slice(withoutScheme.lastIndexOf('/') + 1);
}
