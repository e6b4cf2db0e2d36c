// One function run for an event, as a step result: what it returned, or why it failed and whether trying
// again could help. threw, timed-out and crashed (and infrastructure errors) are retryable; out-of-memory
// and refusals (the version vanished, the event is too large) cannot succeed by retrying.

import { isJoineryError } from '../../core/errors.ts';
import type { ClaimedEvent, StepResult } from '../../core/events/index.ts';
import type { ExecutionRecord } from '../../core/registry/index.ts';

export interface StepRun {
  name: string;
  /** The function's input: the event, plus `steps` (earlier outputs) inside a flow. */
  event: unknown;
  claimed: ClaimedEvent;
}

export interface StepRunDeps {
  runStep(run: StepRun): Promise<ExecutionRecord>;
  observeStep(outcome: string, durationMs: number): void;
  /** Told about errors that are not refusals (bugs, broken infrastructure), for the server log. */
  reportError(step: string, error: unknown): void;
}

export interface StepAttempt {
  result: Omit<StepResult, 'attempt'>;
  retryable: boolean;
}

const RETRYABLE = new Set(['threw', 'timed-out', 'crashed', 'error']);

export async function runOneStep(run: StepRun, deps: StepRunDeps): Promise<StepAttempt> {
  const started = performance.now();
  try {
    const execution = await deps.runStep(run);
    const outcome = execution.outcome;
    deps.observeStep(outcome.kind, execution.durationMs);
    if (outcome.kind === 'returned') return { result: { outcome: 'returned', output: outcome.value ?? null }, retryable: false };
    return { result: { outcome: outcome.kind, error: describeFailure(outcome) }, retryable: RETRYABLE.has(outcome.kind) };
  } catch (error) {
    deps.observeStep('error', performance.now() - started);
    // A refusal (JoineryError other than INTERNAL) will refuse again; anything else may be transient.
    const refused = isJoineryError(error) && error.code !== 'INTERNAL';
    if (!refused) deps.reportError(run.name, error);
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
