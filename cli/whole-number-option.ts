// A whole-number option such as --port or --limit: the fallback when absent, INVALID_INPUT when out of range.

import { JoineryError } from '../core/errors.ts';

export function wholeNumberOption(value: unknown, option: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  if (value === undefined) return fallback;
  const number = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < min || number > max) throw new JoineryError('INVALID_INPUT', `${option} must be a whole number from ${min} to ${max}`);
  return number;
}
