// Opaque pagination cursors for the list tools: a position (an offset, or the last id seen), encoded so
// clients pass it back unchanged. A cursor from another tool or a hand-made one is INVALID_INPUT.

import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';

export const cursorInput = z.string().max(200);
export const pageSize = (fallback: number, maximum: number) => z.number().int().min(1).max(maximum).default(fallback);

interface Position {
  tool: string;
  at: number;
}

export function encodeCursor(tool: string, at: number): string {
  return Buffer.from(JSON.stringify({ tool, at } satisfies Position)).toString('base64url');
}

export function decodeCursor(tool: string, cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Position>;
    if (position.tool === tool && Number.isSafeInteger(position.at) && (position.at as number) >= 0) return position.at;
  } catch {
    // fall through
  }
  throw new JoineryError('INVALID_INPUT', `cursor: not a cursor from ${tool}; pass nextCursor unchanged`);
}

/** One page of `items` from the offset in `cursor`, with the cursor of the next page when there is one. */
export function pageOf<T>(tool: string, items: readonly T[], cursor: string | undefined, limit: number): { page: T[]; nextCursor?: string } {
  const start = decodeCursor(tool, cursor) ?? 0;
  const page = items.slice(start, start + limit);
  return start + limit < items.length ? { page, nextCursor: encodeCursor(tool, start + limit) } : { page };
}
