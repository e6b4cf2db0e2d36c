// The parent's view of a job: queued with its settle/reject, then active on one child with a deadline.
import type { DescribeResult, HostCapabilities, RunResult } from '../core/execution/types.ts';
import type { ChildJob } from './executor-protocol.ts';
import type { RequestGate } from './request-gate.ts';

export type Job =
  | { kind: 'run'; job: ChildJob; eventJson: string; host: HostCapabilities; settle: (result: RunResult) => void; reject: (error: Error) => void }
  | { kind: 'describe'; job: ChildJob; settle: (result: DescribeResult) => void; reject: (error: Error) => void };

export interface ActiveJob {
  id: number;
  job: Job;
  startedAt: number;
  deadline: NodeJS.Timeout;
  pastDeadline: boolean;
  /** The job's outgoing requests, closed (in-flight ones aborted) the moment the job ends for any reason. */
  requests: RequestGate;
}

/** A job whose child died: `timed-out` if the parent killed it at the deadline, else `crashed`. */
export function settleLost({ job, startedAt, pastDeadline }: ActiveJob, description: string): void {
  const limitMs = job.job.limits.wallTimeMs;
  if (job.kind === 'describe') {
    const message = pastDeadline ? `evaluating the bundle exceeded the wall time limit of ${limitMs} ms` : `the executor process died (${description})`;
    job.settle({ ok: false, message });
    return;
  }
  const outcome = pastDeadline
    ? { kind: 'timed-out' as const, limit: 'wall' as const, limitMs }
    : { kind: 'crashed' as const, message: `the executor process died (${description}) while the function ran` };
  job.settle({ outcome, logs: [], logsDropped: 0, durationMs: Math.round(performance.now() - startedAt) });
}
