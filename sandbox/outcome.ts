// Turns what came back from the isolate, or what went wrong around it, into a RunOutcome value.
import type { RunLimits, RunOutcome } from '../core/execution/types.ts';
import { mapGuestError } from './source-position.ts';
import type { WatchdogTrip } from './watchdog.ts';

/**
 * What the guest bridge returns from run() and describe: the result JSON, or why not, either as an error
 * the guest threw (`error`) or as the bridge's own message (`message`, e.g. a definition without run).
 */
export interface RunEnvelope {
  ok: boolean;
  json?: string;
  message?: unknown;
  error?: { message?: unknown; stack?: unknown };
  logsDropped?: unknown;
}

const IVM_BOUNDARY = '(<isolated-vm boundary>)';

export function threwOutcome(message: string, stack: unknown, sourceMap: string | undefined): RunOutcome {
  const mapped = mapGuestError({ message, stack: typeof stack === 'string' ? stack : undefined, sourceMap });
  return { kind: 'threw', ...mapped };
}

export function envelopeOutcome(envelope: RunEnvelope, sourceMap: string | undefined): RunOutcome {
  if (envelope.ok && typeof envelope.json === 'string') return { kind: 'returned', value: JSON.parse(envelope.json) };
  if (typeof envelope.message === 'string') return threwOutcome(envelope.message, undefined, undefined);
  const message = typeof envelope.error?.message === 'string' ? envelope.error.message : 'the function failed';
  return threwOutcome(message, envelope.error?.stack, sourceMap);
}

/** The outcome of a run the watchdog stopped. */
export function tripOutcome(trip: WatchdogTrip): RunOutcome {
  return trip.limit === 'memory' ? { kind: 'out-of-memory', memoryLimitMb: trip.memoryLimitMb } : { kind: 'timed-out', ...trip };
}

/**
 * Classifies a rejection from isolated-vm by what the host knows, never by the error's text (a guest can
 * throw any text). Order matters: a watchdog trip disposes the isolate, so it is checked before
 * "disposed", which otherwise means the memory limit (the only other thing that disposes it mid-run).
 */
export function failureOutcome({
  error,
  trip,
  isolateDisposed,
  limits,
  sourceMap,
}: {
  error: unknown;
  trip: WatchdogTrip | undefined;
  isolateDisposed: boolean;
  limits: RunLimits;
  sourceMap: string | undefined;
}): RunOutcome {
  if (trip !== undefined) return tripOutcome(trip);
  if (isolateDisposed) return { kind: 'out-of-memory', memoryLimitMb: limits.memoryLimitMb };
  return threwOutcome(guestErrorText(error), guestStack(error), sourceMap);
}

/** "Name: message" of a value the guest threw or rejected with, as it crossed out of the isolate. */
export function guestErrorText(error: unknown): string {
  if (!(error instanceof Error)) return describeThrownValue(error);
  const name = guestStack(error)?.match(/^([\w$.]+): /)?.[1] ?? error.name;
  return `${name}: ${error.message}`;
}

// An error from guest code: its stack holds guest frames, then isolated-vm's boundary marker, then host
// frames, which are cut off here.
function guestStack(error: unknown): string | undefined {
  return error instanceof Error && typeof error.stack === 'string' ? error.stack.split(IVM_BOUNDARY)[0] : undefined;
}

function describeThrownValue(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return 'the function threw a value that could not be read';
  }
}
