// Limits for one run: defaults, then the runner's options, then the request's. Bad values are bad input.
import { JoineryError } from '../core/errors.ts';
import { DEFAULT_LIMITS, type RunLimits } from '../core/execution/types.ts';

/** isolated-vm refuses memory limits under 8 MB. */
const MIN_MEMORY_LIMIT_MB = 8;

export function resolveLimits(...layers: Array<Partial<RunLimits> | undefined>): RunLimits {
  const limits: RunLimits = { ...DEFAULT_LIMITS };
  for (const layer of layers) {
    if (layer === undefined) continue;
    if (typeof layer !== 'object' || layer === null) throw new JoineryError('INVALID_INPUT', 'limits must be an object');
    for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof RunLimits>) {
      const value = layer[key];
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
        throw new JoineryError('INVALID_INPUT', `limits.${key} must be a positive number, got ${String(value)}`);
      }
      limits[key] = value;
    }
  }
  if (limits.memoryLimitMb < MIN_MEMORY_LIMIT_MB) {
    throw new JoineryError('INVALID_INPUT', `limits.memoryLimitMb must be at least ${MIN_MEMORY_LIMIT_MB}`);
  }
  return limits;
}

/**
 * The largest input one web-global call hands the host (btoa, atob, TextEncoder, TextDecoder, URL,
 * URLSearchParams): characters of a string, bytes of a buffer. Far above what a joiner function encodes,
 * and small enough that one call's host work stays in the tens of milliseconds and megabytes.
 */
export const MAX_WEB_INPUT_CHARS = 8 * 1024 * 1024;
export const MAX_WEB_INPUT_BYTES = 8 * 1024 * 1024;

/** The caps the guest-side bridge enforces before anything crosses the boundary. */
export interface GuestCaps {
  maxLogEntries: number;
  maxLogBytes: number;
  maxOutputBytes: number;
  maxWebInputChars: number;
  maxWebInputBytes: number;
}

export function guestCaps({ maxLogEntries, maxLogBytes, maxOutputBytes }: RunLimits): GuestCaps {
  return { maxLogEntries, maxLogBytes, maxOutputBytes, maxWebInputChars: MAX_WEB_INPUT_CHARS, maxWebInputBytes: MAX_WEB_INPUT_BYTES };
}

/**
 * How much the process may grow during one run before the watchdog ends it as out-of-memory: the
 * isolate's heap and ArrayBuffers (memoryLimitMb) with room for V8's own overhead, plus 64 MB for copies
 * the host makes (the result, logs, ctx payloads). Anything past that is memory held outside the limit.
 */
export function processGrowthAllowanceMb(memoryLimitMb: number): number {
  return 2 * memoryLimitMb + 64;
}
