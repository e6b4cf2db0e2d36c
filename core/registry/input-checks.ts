// Checks on what callers hand the registry. Each failure is INVALID_INPUT naming the field.

import { JoineryError } from '../errors.ts';

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string') invalid(field, `expected a string, got ${describe(value)}`);
  if (value.trim().length === 0) invalid(field, 'must not be empty');
  return value;
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') invalid(field, `expected a string, got ${describe(value)}`);
  return value;
}

export function optionalText(value: unknown, field: string): string | null {
  return value === undefined || value === null ? null : requireString(value, field);
}

export function requireVersionNumber(value: unknown, field = 'version'): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    invalid(field, `expected a whole number >= 1, got ${describe(value)}`);
  }
  return value;
}

export function requireLimit(value: unknown, fallback: number, maximum: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > maximum) {
    invalid('limit', `expected a whole number from 1 to ${maximum}, got ${describe(value)}`);
  }
  return value;
}

/** JSON text for a field, or INVALID_INPUT when the value cannot be serialised (a cycle, a bigint). */
export function toJsonField(value: unknown, field: string, serialise: (value: unknown) => string): string {
  try {
    return serialise(value);
  } catch (error) {
    return invalid(field, `cannot be stored as JSON (${(error as Error).message})`);
  }
}

function invalid(field: string, problem: string): never {
  throw new JoineryError('INVALID_INPUT', `${field}: ${problem}`, { field });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value);
  return typeof value;
}
