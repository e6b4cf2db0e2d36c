import { expect } from 'vitest';
import { JoineryError, type ErrorCode } from '../../core/errors.ts';

/** Runs `action`, asserts it threw a JoineryError with this code (and message part), and returns it. */
export function expectError(action: () => unknown, code: ErrorCode, message?: string): JoineryError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(JoineryError);
  const error = thrown as JoineryError;
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toContain(message);
  return error;
}
