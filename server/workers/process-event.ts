// One claimed event, start to finish: plan the work units (flows and lone functions); for each unit not
// settled in an earlier attempt, ask the blast-radius guard, run it, tell the guard how it went. Then:
// held when a unit's target is (or just became) quarantined, with the event noted for its resume; else
// commit the event's reserved names and complete, or fail the attempt (retried with backoff while it can help,
// else dead or failed; a commit that fails fails the attempt too).

import type { ClaimedEvent, EventQueue, FailureDisposition } from '../../core/events/index.ts';
import type { BlastRadiusGuard, GuardTarget } from '../../core/guards/index.ts';
import type { ReservationLedger } from '../../core/ledger/index.ts';
import { commitReservations, releaseReservations } from './settle-reservations.ts';
import type { WorkUnit } from './plan-event.ts';
import type { StepRunDeps } from './run-step.ts';
import { isUnitSettled, runUnit } from './run-unit.ts';

export type { StepRun } from './run-step.ts';

export interface ProcessEventDeps extends StepRunDeps {
  queue: EventQueue;
  planEvent(event: { type: string; payload: unknown }): WorkUnit[];
  /** Omitted, no limits apply. */
  guard?: BlastRadiusGuard;
  /** Usernames and emails the event's steps reserved: committed when it is done, released when it ends
   *  failed or dead. Omitted, reservations are not settled here. */
  ledger?: ReservationLedger;
}

const COMMIT_STEP = 'committing the reserved names';

export type EventDisposition = { kind: 'done' } | { kind: 'held'; reason: string } | FailureDisposition;

export async function processEvent(claimed: ClaimedEvent, deps: ProcessEventDeps): Promise<EventDisposition> {
  const { event } = claimed;
  const lease = { id: event.id, leaseId: claimed.leaseId };
  const failures: Array<{ error: string; retryable: boolean }> = [];
  const held: Array<{ target: GuardTarget; reason: string }> = [];

  for (const unit of deps.planEvent(event)) {
    if (isUnitSettled(unit, event.results)) continue;
    const target: GuardTarget = `${unit.kind}:${unit.name}`;
    const admission = deps.guard?.admit({ target, eventType: event.type }) ?? { admitted: true };
    if (!admission.admitted) {
      held.push({ target, reason: admission.reason });
      continue;
    }
    const outcome = await runUnit(unit, claimed, deps);
    if (outcome.kind === 'lost') return { kind: 'lost' };
    const tripped = outcome.kind === 'returned' && !outcome.ran ? undefined : deps.guard?.recordRun({ target, failed: outcome.kind === 'failed' });
    if (tripped !== undefined) held.push({ target, reason: tripped });
    else if (outcome.kind === 'failed') failures.push(outcome);
  }

  // Held, not dropped: the event waits whole (results kept) until every quarantine it met is resumed.
  if (held.length > 0) {
    // Noted first and checked after, so a resume racing this hold cannot strand the event.
    const reason = held.map((entry) => entry.reason).join('; ');
    for (const { target } of held) deps.guard?.noteHeld({ target, eventId: event.id });
    if (!(await deps.queue.holdClaimed({ ...lease, reason }))) return { kind: 'lost' };
    if (held.some(({ target }) => deps.guard?.isQuarantined(target) === false)) await deps.queue.resumeHeld(event.id);
    return { kind: 'held', reason };
  }
  if (failures.length === 0) {
    const committed = await commitOrFailure(deps, event);
    if (committed === undefined) return (await deps.queue.complete(lease)) ? { kind: 'done' } : { kind: 'lost' };
    failures.push(committed);
  }
  const error = failures.map((failure) => failure.error).join('; ');
  const disposition = await deps.queue.fail({ ...lease, error, retryable: failures.every((failure) => failure.retryable) });
  await releaseReservations(deps.ledger, event.id, disposition);
  return disposition;
}

/** A commit that fails fails the attempt with the reason (retried like a step), instead of escaping the
 *  handler and leaving the lease to lapse attempt after attempt with no word of why. */
async function commitOrFailure(deps: ProcessEventDeps, event: ClaimedEvent['event']): Promise<{ error: string; retryable: boolean } | undefined> {
  try {
    await commitReservations(deps.ledger, event);
    return undefined;
  } catch (error) {
    deps.reportError(COMMIT_STEP, error);
    return { error: `${COMMIT_STEP}: ${error instanceof Error ? error.message : String(error)}`, retryable: true };
  }
}
