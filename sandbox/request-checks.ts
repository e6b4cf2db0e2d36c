// Bad input to a runner is a caller bug, not guest misbehaviour: it throws JoineryError('INVALID_INPUT').
import { JoineryError } from '../core/errors.ts';
import type { HostCapabilities, RunRequest } from '../core/execution/types.ts';

const HOST_METHODS = ['isUsernameTaken', 'findUsers', 'fetch', 'getSecret'] as const;

/** The range of times a Date can hold (ECMA-262: ±8.64e15 ms around 1970). */
const MAX_TIME_MS = 8.64e15;

export function checkBundleRequest(request: Pick<RunRequest, 'bundle' | 'sourceMap' | 'frozenTimeMs'>): void {
  if (typeof request !== 'object' || request === null) throw new JoineryError('INVALID_INPUT', 'the request must be an object');
  if (typeof request.bundle !== 'string' || request.bundle.length === 0) {
    throw new JoineryError('INVALID_INPUT', 'request.bundle must be a non-empty string');
  }
  if (request.sourceMap !== undefined && typeof request.sourceMap !== 'string') {
    throw new JoineryError('INVALID_INPUT', 'request.sourceMap must be a string when given');
  }
  const { frozenTimeMs } = request;
  if (frozenTimeMs !== undefined && !(Number.isInteger(frozenTimeMs) && Math.abs(frozenTimeMs) <= MAX_TIME_MS)) {
    throw new JoineryError('INVALID_INPUT', 'request.frozenTimeMs must be whole epoch milliseconds a Date can hold when given');
  }
}

/** The event as JSON text, the form in which it enters the isolate. */
export function eventJsonOf(event: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(event);
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `request.event is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (json === undefined) throw new JoineryError('INVALID_INPUT', 'request.event is not a JSON value');
  return json;
}

export function checkHost(host: HostCapabilities): void {
  for (const method of HOST_METHODS) {
    if (typeof host?.[method] !== 'function') throw new JoineryError('INVALID_INPUT', `host.${method} must be a function`);
  }
}
