// One work unit for a claimed event: a function on its own (result key `<function>`), or a flow's steps in
// order (result keys `<flow>/<function>`). A step that returned in an earlier attempt is not run again:
// its stored output feeds the later steps. A step whose condition is false is recorded as `skipped`. The
// first failing step ends the flow's attempt; the retry starts from that step.

import { evaluateCondition } from '../../core/flows/index.ts';
import type { ClaimedEvent, EventQueue } from '../../core/events/index.ts';
import type { WorkUnit } from './plan-event.ts';
import { runOneStep, type StepRunDeps } from './run-step.ts';

export type UnitOutcome =
  | { kind: 'returned'; ran: boolean }
  | { kind: 'failed'; step: string; error: string; retryable: boolean }
  | { kind: 'lost' };

/** True when every step of the unit returned or was skipped in an earlier attempt: nothing left to run. */
export function isUnitSettled(unit: WorkUnit, results: ClaimedEvent['event']['results']): boolean {
  const keys = unit.kind === 'function' ? [unit.name] : unit.steps.map((step) => `${unit.name}/${step.function}`);
  return keys.every((key) => results[key]?.outcome === 'returned' || results[key]?.outcome === 'skipped');
}

export async function runUnit(unit: WorkUnit, claimed: ClaimedEvent, deps: StepRunDeps & { queue: EventQueue }): Promise<UnitOutcome> {
  const lease = { id: claimed.event.id, leaseId: claimed.leaseId };
  const payload = claimed.event.payload as Record<string, unknown>;
  const steps = unit.kind === 'function' ? [{ key: unit.name, function: unit.name, condition: undefined }] : unit.steps.map((step) => ({ key: `${unit.name}/${step.function}`, ...step }));
  const outputs: Record<string, unknown> = {};
  let ran = false;

  for (const step of steps) {
    const previous = claimed.event.results[step.key];
    if (previous?.outcome === 'returned') {
      outputs[step.function] = previous.output ?? null;
      continue;
    }
    if (previous?.outcome === 'skipped') continue;
    const input = unit.kind === 'flow' ? { ...payload, steps: { ...outputs } } : payload;
    if (step.condition !== undefined && !evaluateCondition(step.condition, input)) {
      if (!(await deps.queue.recordStep({ ...lease, step: step.key, result: { outcome: 'skipped' } }))) return { kind: 'lost' };
      continue;
    }
    ran = true;
    const { result, retryable } = await runOneStep({ name: step.function, event: input, claimed }, deps);
    if (!(await deps.queue.recordStep({ ...lease, step: step.key, result }))) return { kind: 'lost' };
    if (result.outcome !== 'returned') return { kind: 'failed', step: step.key, error: `${step.key}: ${result.outcome}${result.error ? `: ${result.error}` : ''}`, retryable };
    outputs[step.function] = result.output ?? null;
  }
  return { kind: 'returned', ran };
}
