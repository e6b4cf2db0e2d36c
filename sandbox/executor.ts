// The SandboxRunner the rest of the system uses: every isolate lives in an executor child process. Jobs
// queue here and at most `concurrency` are in flight in the child. If the child dies (V8 OOM abort,
// SIGKILL, segfault) its in-flight jobs end as `crashed` and the next job starts a new child; a job that
// outlives its wall limit plus a grace period gets the child killed.
import { JoineryError } from '../core/errors.ts';
import type { DescribeResult, HostCapabilities, RunLimits, RunResult, SandboxRunner } from '../core/execution/types.ts';
import { answerHostCall } from './executor-host-calls.ts';
import { spawnExecutorProcess, type ExecutorProcess } from './executor-process.ts';
import type { ChildJob, ChildMessage, ParentMessage } from './executor-protocol.ts';
import { checkBundleRequest, checkHost, eventJsonOf } from './request-checks.ts';
import { resolveLimits } from './run-limits.ts';

export interface ExecutorOptions {
  limits?: Partial<RunLimits>;
  /** Jobs in flight in the child at once (default 1); more are queued in order. */
  concurrency?: number;
  /** Added to a job's wall limit before the parent kills a child that did not answer (default 2000 ms). */
  graceMs?: number;
  _internal?: { onSpawn?: (pid: number | undefined) => void };
}

type Job =
  | { kind: 'run'; job: ChildJob; eventJson: string; host: HostCapabilities; settle: (result: RunResult) => void; reject: (error: Error) => void }
  | { kind: 'describe'; job: ChildJob; settle: (result: DescribeResult) => void; reject: (error: Error) => void };

interface ActiveJob {
  job: Job;
  child: ExecutorProcess;
  startedAt: number;
  deadline: NodeJS.Timeout;
  pastDeadline: boolean;
}

export function createExecutor({ limits = {}, concurrency = 1, graceMs = 2_000, _internal = {} }: ExecutorOptions = {}): SandboxRunner {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new JoineryError('INVALID_INPUT', 'concurrency must be a positive integer');
  const baseLimits = resolveLimits(limits);
  const queue: Job[] = [];
  const active = new Map<number, ActiveJob>();
  let child: ExecutorProcess | undefined;
  let nextId = 1;
  let closed = false;
  let pumping = false;

  function ensureChild(): ExecutorProcess {
    if (child !== undefined) return child;
    const spawned = spawnExecutorProcess({
      limits: baseLimits,
      onMessage: (message) => onChildMessage(spawned, message),
      onExit: (description) => onChildExit(spawned, description),
    });
    child = spawned;
    _internal.onSpawn?.(spawned.pid);
    return spawned;
  }

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && active.size < concurrency && queue.length > 0) {
        const current = ensureChild();
        current.setBusy(true);
        try {
          await current.ready;
        } catch (error) {
          for (const waiting of queue.splice(0)) waiting.reject(new JoineryError('SANDBOX_FAILED', (error as Error).message));
          break;
        }
        if (current !== child) continue;
        const job = queue.shift();
        if (job !== undefined) start(job, current);
      }
    } finally {
      pumping = false;
      if (active.size === 0 && queue.length === 0) child?.setBusy(false);
    }
  }

  function start(job: Job, current: ExecutorProcess): void {
    const id = nextId++;
    const entry: ActiveJob = { job, child: current, startedAt: performance.now(), pastDeadline: false, deadline: setTimeout(() => {
      entry.pastDeadline = true;
      current.kill();
    }, job.job.limits.wallTimeMs + graceMs) };
    entry.deadline.unref();
    active.set(id, entry);
    const message: ParentMessage = job.kind === 'run' ? { type: 'run', id, job: job.job, eventJson: job.eventJson } : { type: 'describe', id, job: job.job };
    current.send(message);
  }

  function finish(id: number): ActiveJob | undefined {
    const entry = active.get(id);
    if (entry === undefined) return undefined;
    clearTimeout(entry.deadline);
    active.delete(id);
    void pump();
    return entry;
  }

  function onChildMessage(from: ExecutorProcess, message: ChildMessage): void {
    if (message.type === 'host-call') {
      const entry = active.get(message.id);
      const host = entry?.job.kind === 'run' ? entry.job.host : undefined;
      void answerHostCall(host, message).then((reply) => from.send(reply));
      return;
    }
    if (message.type === 'ready') return;
    const entry = finish(message.id);
    if (entry === undefined) return;
    const { job } = entry;
    if (message.type === 'job-failed') job.reject(new JoineryError('SANDBOX_FAILED', message.message));
    else if (message.type === 'run-result' && job.kind === 'run') job.settle(message.result);
    else if (message.type === 'describe-result' && job.kind === 'describe') job.settle(message.result);
  }

  function onChildExit(exited: ExecutorProcess, description: string): void {
    if (child === exited) child = undefined;
    for (const [id, entry] of active) {
      if (entry.child !== exited) continue;
      finish(id);
      settleLost(entry, description);
    }
    void pump();
  }

  function settleLost({ job, startedAt, pastDeadline }: ActiveJob, description: string): void {
    const durationMs = Math.round(performance.now() - startedAt);
    const limitMs = job.job.limits.wallTimeMs;
    if (job.kind === 'describe') {
      job.settle({ ok: false, message: pastDeadline ? `evaluating the bundle exceeded the wall time limit of ${limitMs} ms` : `the executor process died (${description})` });
      return;
    }
    const outcome = pastDeadline
      ? { kind: 'timed-out' as const, limit: 'wall' as const, limitMs }
      : { kind: 'crashed' as const, message: `the executor process died (${description}) while the function ran` };
    job.settle({ outcome, logs: [], logsDropped: 0, durationMs });
  }

  function enqueue(job: Job): void {
    if (closed) throw new JoineryError('SANDBOX_FAILED', 'the executor is closed');
    queue.push(job);
    void pump();
  }

  return {
    run(request, host) {
      return new Promise<RunResult>((settle, reject) => {
        checkBundleRequest(request);
        checkHost(host);
        const job: ChildJob = { bundle: request.bundle, limits: resolveLimits(baseLimits, request.limits) };
        if (request.sourceMap !== undefined) job.sourceMap = request.sourceMap;
        enqueue({ kind: 'run', job, eventJson: eventJsonOf(request.event), host, settle, reject });
      });
    },
    describe(request) {
      return new Promise<DescribeResult>((settle, reject) => {
        checkBundleRequest(request);
        const job: ChildJob = { bundle: request.bundle, limits: resolveLimits(baseLimits, request.limits) };
        if (request.sourceMap !== undefined) job.sourceMap = request.sourceMap;
        enqueue({ kind: 'describe', job, settle, reject });
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new JoineryError('SANDBOX_FAILED', 'the executor is closed'));
      const current = child;
      if (current === undefined) return;
      current.kill();
      await current.exited;
    },
  };
}
