// One claimed event, start to finish: plan the work units (flows and lone functions), run each, then
// complete the event or fail the attempt (retried with backoff while it can help, else dead or failed).

import type { ClaimedEvent, EventQueue, FailureDisposition } from '../../core/events/index.ts';
import type { WorkUnit } from './plan-event.ts';
import type { StepRunDeps } from './run-step.ts';
import { runUnit } from './run-unit.ts';

export type { StepRun } from './run-step.ts';

export interface ProcessEventDeps extends StepRunDeps {
  queue: EventQueue;
  planEvent(eventType: string): WorkUnit[];
}

export type EventDisposition = { kind: 'done' } | FailureDisposition;

export async function processEvent(claimed: ClaimedEvent, deps: ProcessEventDeps): Promise<EventDisposition> {
  const lease = { id: claimed.event.id, leaseId: claimed.leaseId };
  const failures: Array<{ error: string; retryable: boolean }> = [];

  for (const unit of deps.planEvent(claimed.event.type)) {
    const outcome = await runUnit(unit, claimed, deps);
    if (outcome.kind === 'lost') return { kind: 'lost' };
    if (outcome.kind === 'failed') failures.push(outcome);
  }

  if (failures.length === 0) return (await deps.queue.complete(lease)) ? { kind: 'done' } : { kind: 'lost' };
  const error = failures.map((failure) => failure.error).join('; ');
  return deps.queue.fail({ ...lease, error, retryable: failures.every((failure) => failure.retryable) });
}
