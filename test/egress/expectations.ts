// Assertions shared by the egress tests: how a refusal or a network failure must look to the guest.

import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { JoineryError } from '../../core/errors.ts';

const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/** One short line, no host stack, no file path: the message is shown to the guest as it is. */
export function expectGuestSafe(error: Error): void {
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.message.length).toBeLessThan(300);
  expect(error.message).not.toMatch(/[\r\n]|node:internal|sandbox\/egress|\.ts:\d/);
  expect(error.message).not.toContain(REPOSITORY_ROOT);
}

export async function expectDenied(promise: Promise<unknown>, message: string | RegExp): Promise<JoineryError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(JoineryError);
  expect((error as JoineryError).code).toBe('EGRESS_DENIED');
  expect(error.message).toMatch(message);
  expectGuestSafe(error);
  return error as JoineryError;
}

export async function expectInvalid(promise: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(JoineryError);
  expect((error as JoineryError).code).toBe('INVALID_INPUT');
  expect(error.message).toMatch(message);
  expectGuestSafe(error);
}

/** A plain Error (not a policy refusal) with a guest-safe message. */
export async function expectNetworkError(promise: Promise<unknown>, message: string | RegExp): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).not.toBeInstanceOf(JoineryError);
  expect(error.constructor).toBe(Error);
  expect(error.message).toMatch(message);
  expectGuestSafe(error);
}

/** A lookup that fails the test if the code under test reaches DNS. */
export async function noDns(hostname: string): Promise<never> {
  throw new Error(`DNS must not be consulted (asked for ${hostname})`);
}
