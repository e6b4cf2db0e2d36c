// How long a failed attempt waits before the next one: exponential in the attempt number, capped, with
// "equal jitter" (half fixed, half random) so a burst of failures does not retry in lockstep while every
// retry still waits at least half its nominal delay.

export interface RetryPolicy {
  /** Attempts before the event goes to the dead letter (the first run counts). */
  maxAttempts: number;
  /** The nominal delay after the first failed attempt; it doubles for each later one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5 * 60_000 };

/** The delay after failed attempt `attempt` (1-based); `random` returns [0, 1). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const nominal = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + (nominal / 2) * random());
}
