// Token lifetimes as people write them: 90m, 12h, 30d, 8w.

import { JoineryError } from '../errors.ts';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
export const MAX_TOKEN_LIFETIME_MS = 3650 * UNIT_MS.d;

/** Milliseconds, or INVALID_INPUT for anything but `<whole number><m|h|d|w>` from 1 minute to 10 years. */
export function parseDuration(text: string): number {
  const match = /^(\d{1,7})([mhdw])$/.exec(text.trim());
  if (!match) {
    throw new JoineryError('INVALID_INPUT', `"${text}" is not a duration; write a whole number and a unit: 90m, 12h, 30d or 8w`);
  }
  const milliseconds = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (milliseconds < UNIT_MS.m || milliseconds > MAX_TOKEN_LIFETIME_MS) {
    throw new JoineryError('INVALID_INPUT', `"${text}" is out of range: a token lives from 1 minute to 3650 days`);
  }
  return milliseconds;
}
