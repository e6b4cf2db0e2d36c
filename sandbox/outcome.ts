// Turns what came back from the isolate, or what went wrong around it, into a RunOutcome value.
import type { RunLimits, RunOutcome } from '../core/execution/types.ts';
import { mapGuestError } from './source-position.ts';
import type { WatchdogTrip } from './watchdog.ts';

/** What the guest bridge returns from run(): the result JSON, or a described error. */
export interface RunEnvelope {
  ok: boolean;
  json?: string;
  error?: { message?: unknown; stack?: unknown };
  logsDropped?: unknown;
}

const IVM_TIMEOUT = 'Script execution timed out.';
const IVM_BOUNDARY = '(<isolated-vm boundary>)';

export function threwOutcome(message: string, stack: unknown, sourceMap: string | undefined): RunOutcome {
  const mapped = mapGuestError({ message, stack: typeof stack === 'string' ? stack : undefined, sourceMap });
  return { kind: 'threw', ...mapped };
}

export function envelopeOutcome(envelope: RunEnvelope, sourceMap: string | undefined): RunOutcome {
  if (envelope.ok && typeof envelope.json === 'string') return { kind: 'returned', value: JSON.parse(envelope.json) };
  const message = typeof envelope.error?.message === 'string' ? envelope.error.message : 'the function failed';
  return threwOutcome(message, envelope.error?.stack, sourceMap);
}

/**
 * Classifies a rejection from isolated-vm. Order matters: a watchdog trip disposes the isolate, so it is
 * checked before "disposed", which otherwise means the memory limit (the only other thing that disposes).
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
  if (trip !== undefined) return { kind: 'timed-out', ...trip };
  const message = error instanceof Error ? error.message : undefined;
  if (isolateDisposed || message?.includes('memory limit')) return { kind: 'out-of-memory', memoryLimitMb: limits.memoryLimitMb };
  if (message === IVM_TIMEOUT) return { kind: 'timed-out', limit: 'wall', limitMs: limits.wallTimeMs };
  if (!(error instanceof Error)) return threwOutcome(describeThrownValue(error), undefined, sourceMap);
  // An error from guest code (compile or top level): its stack holds guest frames, then isolated-vm's
  // boundary marker, then host frames, which are cut off here.
  const stack = typeof error.stack === 'string' ? error.stack.split(IVM_BOUNDARY)[0] : undefined;
  const name = stack?.match(/^([\w$.]+): /)?.[1] ?? error.name;
  return threwOutcome(`${name}: ${error.message}`, stack, sourceMap);
}

function describeThrownValue(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return 'the function threw a value that could not be read';
  }
}
