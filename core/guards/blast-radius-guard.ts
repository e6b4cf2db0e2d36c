// The guard the workers ask before and after each work unit. admit() refuses a quarantined target, and
// quarantines one whose next run would pass a rate limit; recordRun() quarantines one whose failure share
// is past the limit. Every new quarantine is audited (actor 'system').

import type { AuditInput } from '../registry/index.ts';
import { DEFAULT_GUARD_LIMITS, type GuardLimits, type GuardStore, type GuardTarget } from './types.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export type Admission = { admitted: true } | { admitted: false; reason: string };

export interface BlastRadiusGuard {
  admit(input: { target: GuardTarget; eventType: string }): Admission;
  /** After a unit ran; the quarantine reason when this run tripped the failure-share limit. */
  recordRun(input: { target: GuardTarget; failed: boolean }): string | undefined;
  isQuarantined(target: GuardTarget): boolean;
  /** Notes that an event waits for this target's resume. */
  noteHeld(input: { target: GuardTarget; eventId: string }): void;
}

export interface BlastRadiusGuardOptions {
  store: GuardStore;
  limitsFor?: (target: GuardTarget) => GuardLimits;
  audit(entry: AuditInput): void;
  _internal?: { now?: () => number };
}

export function createBlastRadiusGuard({ store, limitsFor = () => DEFAULT_GUARD_LIMITS, audit, _internal: { now = Date.now } = {} }: BlastRadiusGuardOptions): BlastRadiusGuard {
  const quarantine = (target: GuardTarget, reason: string) => {
    if (store.quarantine({ target, reason, at: now() })) audit({ actor: 'system', action: 'quarantine', target, allowed: true, detail: { reason } });
    return reason;
  };

  return {
    admit({ target, eventType }) {
      const existing = store.getQuarantine(target);
      if (existing) return { admitted: false, reason: `${target} is quarantined: ${existing.reason}` };
      const limits = limitsFor(target);
      const at = now();
      const minute = store.countRuns({ target, since: at - MINUTE_MS }).runs;
      const hour = store.countRuns({ target, since: at - HOUR_MS }).runs;
      const tripped =
        minute >= limits.runsPerMinute
          ? `rate limit: ${minute} runs in the last minute (limit ${limits.runsPerMinute})`
          : hour >= limits.runsPerHour
            ? `rate limit: ${hour} runs in the last hour (limit ${limits.runsPerHour})`
            : eventType === 'user.left' && hour >= limits.leaverRunsPerHour
              ? `leaver guard: ${hour} user.left runs in the last hour (limit ${limits.leaverRunsPerHour}); held for an operator's approval`
              : undefined;
      if (tripped === undefined) return { admitted: true };
      return { admitted: false, reason: `${target} is quarantined: ${quarantine(target, tripped)}` };
    },
    recordRun({ target, failed }) {
      const at = now();
      store.recordRun({ target, failed, at });
      if (!failed) return undefined;
      const limits = limitsFor(target);
      const { runs, failures } = store.countRuns({ target, since: at - HOUR_MS });
      if (runs < limits.minRunsForFailureShare || failures / runs <= limits.maxFailureShare) return undefined;
      return `${target} is quarantined: ${quarantine(target, `failure share: ${failures} of the last ${runs} runs failed (limit ${Math.round(limits.maxFailureShare * 100)}%)`)}`;
    },
    isQuarantined: (target) => store.getQuarantine(target) !== undefined,
    noteHeld: ({ target, eventId }) => store.noteHeld({ target, eventId, at: now() }),
  };
}
