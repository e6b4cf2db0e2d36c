// Blast-radius guards: per function and per flow, limits on runs per minute and per hour and on the share
// of failed runs; past a limit the target is quarantined and its new events are held, not dropped, until
// an operator resumes it. Leaver targets (trigger user.left) have a tighter hourly limit: past it, their
// events wait for an operator's approval (a resume) the same way.

export interface GuardLimits {
  runsPerMinute: number;
  runsPerHour: number;
  /** Quarantine when failed runs / runs in the last hour exceeds this (0-1)... */
  maxFailureShare: number;
  /** ...once at least this many runs are in that hour. */
  minRunsForFailureShare: number;
  /** For targets run by user.left events: runs per hour before events are held for approval. */
  leaverRunsPerHour: number;
}

export const DEFAULT_GUARD_LIMITS: GuardLimits = { runsPerMinute: 60, runsPerHour: 1_000, maxFailureShare: 0.5, minRunsForFailureShare: 5, leaverRunsPerHour: 25 };

/** `function:<name>` or `flow:<name>`. */
export type GuardTarget = `function:${string}` | `flow:${string}`;

export interface Quarantine {
  target: GuardTarget;
  reason: string;
  since: string;
  heldEvents: string[];
}

export interface GuardStore {
  recordRun(input: { target: GuardTarget; failed: boolean; at: number }): void;
  countRuns(input: { target: GuardTarget; since: number }): { runs: number; failures: number };
  /** True when the target was not quarantined before. */
  quarantine(input: { target: GuardTarget; reason: string; at: number }): boolean;
  getQuarantine(target: GuardTarget): Quarantine | undefined;
  listQuarantines(): Quarantine[];
  noteHeld(input: { target: GuardTarget; eventId: string; at: number }): void;
  /** Ends the quarantine and forgets the target's run ledger (counting starts over); the held event ids. */
  lift(target: GuardTarget): Quarantine | undefined;
}
