// The parent's view of a job: queued with its settle/reject, then active on one child with a deadline.
import type { DescribeResult, HostCapabilities, RunResult } from '../core/execution/types.ts';
import type { BundleBytes, SentBundles } from './bundle-cache.ts';
import type { ChildJob, ParentMessage } from './executor-protocol.ts';
import type { RequestGate } from './request-gate.ts';

/** A job as the parent holds it: always with the bytes, which go to a child only when it lacks them. */
export type FullJob = ChildJob & { bytes: BundleBytes };

export type Job =
  | { kind: 'run'; job: FullJob; eventJson: string; host: HostCapabilities; settle: (result: RunResult) => void; reject: (error: Error) => void }
  | { kind: 'describe'; job: FullJob; settle: (result: DescribeResult) => void; reject: (error: Error) => void };

export interface ActiveJob {
  id: number;
  job: Job;
  startedAt: number;
  deadline: NodeJS.Timeout;
  pastDeadline: boolean;
  /** The job's outgoing requests, closed (in-flight ones aborted) the moment the job ends for any reason. */
  requests: RequestGate;
}

/** The message that starts `job` on a child: with the bytes when `sent` says the child lacks them, or on request. */
export function jobMessage(id: number, job: Job, sent: SentBundles, { withBytes = false }: { withBytes?: boolean } = {}): ParentMessage {
  const { digest, bytes, limits, frozenTimeMs } = job.job;
  const includeBytes = withBytes || !sent.has(digest);
  if (includeBytes) sent.sent(digest, bytes);
  const childJob: ChildJob = includeBytes ? { digest, bytes, limits } : { digest, limits };
  if (frozenTimeMs !== undefined) childJob.frozenTimeMs = frozenTimeMs;
  return job.kind === 'run' ? { type: 'run', id, job: childJob, eventJson: job.eventJson } : { type: 'describe', id, job: childJob };
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
