// One claimed event, start to finish: run every subscribed function that has not already returned in an
// earlier attempt, record each result under the lease, then complete the event or fail the attempt.
// threw, timed-out and crashed (and infrastructure errors) are retried with backoff; out-of-memory and
// refusals (the version vanished, the event is too large) cannot succeed by retrying and fail at once.

import { isJoineryError } from '../../core/errors.ts';
import type { ClaimedEvent, EventQueue, FailureDisposition, StepResult } from '../../core/events/index.ts';
import type { ExecutionRecord } from '../../core/registry/index.ts';

export interface StepRun {
  name: string;
  event: unknown;
  claimed: ClaimedEvent;
}

export interface ProcessEventDeps {
  queue: EventQueue;
  findSubscribers(eventType: string): string[];
  runStep(run: StepRun): Promise<ExecutionRecord>;
  observeStep(outcome: string, durationMs: number): void;
  /** Told about errors that are not refusals (bugs, broken infrastructure), for the server log. */
  reportError(step: string, error: unknown): void;
}

export type EventDisposition = { kind: 'done' } | FailureDisposition;

const RETRYABLE = new Set(['threw', 'timed-out', 'crashed', 'error']);

export async function processEvent(claimed: ClaimedEvent, deps: ProcessEventDeps): Promise<EventDisposition> {
  const lease = { id: claimed.event.id, leaseId: claimed.leaseId };
  const failures: Array<{ step: string; result: Omit<StepResult, 'attempt'>; retryable: boolean }> = [];

  for (const name of deps.findSubscribers(claimed.event.type)) {
    if (claimed.event.results[name]?.outcome === 'returned') continue;
    const { result, retryable } = await runOneStep(name, claimed, deps);
    if (!(await deps.queue.recordStep({ ...lease, step: name, result }))) return { kind: 'lost' };
    if (result.outcome !== 'returned') failures.push({ step: name, result, retryable });
  }

  if (failures.length === 0) return (await deps.queue.complete(lease)) ? { kind: 'done' } : { kind: 'lost' };
  const error = failures.map(({ step, result }) => `${step}: ${result.outcome}${result.error ? `: ${result.error}` : ''}`).join('; ');
  return deps.queue.fail({ ...lease, error, retryable: failures.every((failure) => failure.retryable) });
}

async function runOneStep(name: string, claimed: ClaimedEvent, deps: ProcessEventDeps): Promise<{ result: Omit<StepResult, 'attempt'>; retryable: boolean }> {
  const started = performance.now();
  try {
    const execution = await deps.runStep({ name, event: claimed.event.payload, claimed });
    const outcome = execution.outcome;
    deps.observeStep(outcome.kind, execution.durationMs);
    if (outcome.kind === 'returned') return { result: { outcome: 'returned', output: outcome.value ?? null }, retryable: false };
    return { result: { outcome: outcome.kind, error: describeFailure(outcome) }, retryable: RETRYABLE.has(outcome.kind) };
  } catch (error) {
    deps.observeStep('error', performance.now() - started);
    // A refusal (JoineryError other than INTERNAL) will refuse again; anything else may be transient.
    const refused = isJoineryError(error) && error.code !== 'INTERNAL';
    if (!refused) deps.reportError(name, error);
    const message = isJoineryError(error) ? error.message : 'internal error while running the step; see the server log';
    return { result: { outcome: 'error', error: message }, retryable: !refused };
  }
}

function describeFailure(outcome: { kind: string; message?: string; limitMs?: number; memoryLimitMb?: number }): string {
  if (outcome.message !== undefined) return outcome.message;
  if (outcome.limitMs !== undefined) return `exceeded ${outcome.limitMs} ms`;
  if (outcome.memoryLimitMb !== undefined) return `exceeded ${outcome.memoryLimitMb} MB`;
  return outcome.kind;
}
