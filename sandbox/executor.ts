// The SandboxRunner the rest of the system uses: every isolate lives in an executor child process. The
// executor keeps `concurrency` children, each running one job at a time; jobs queue here in order and go
// to the child idle the longest, which has had the most time to prepare its next isolate. If a child dies
// (V8 OOM abort, SIGKILL, segfault) its job ends as `crashed` and the slot gets a new child; a job that
// outlives its wall limit plus a grace period gets its child killed.
import { JoineryError } from '../core/errors.ts';
import type { DescribeResult, RunLimits, RunResult, SandboxRunner } from '../core/execution/types.ts';
import { answerHostCall } from './executor-host-calls.ts';
import { createDigestMemo, createSentBundles, type BundleCacheBounds, type SentBundles } from './bundle-cache.ts';
import { jobMessage, settleLost, type ActiveJob, type FullJob, type Job } from './executor-jobs.ts';
import { spawnExecutorProcess, type ExecutorProcess } from './executor-process.ts';
import type { ChildMessage, ParentMessage } from './executor-protocol.ts';
import { checkBundleRequest, checkHost, eventJsonOf } from './request-checks.ts';
import { createRequestGate } from './request-gate.ts';
import { resolveLimits } from './run-limits.ts';
import type { WarmIsolateOptions } from './warm-isolates.ts';

export interface ExecutorOptions {
  limits?: Partial<RunLimits>;
  /** Child processes, so jobs in flight at once (default 1). Two halve back-to-back latency on 2 cores. */
  concurrency?: number;
  /** Added to a job's wall limit before the parent kills a child that did not answer (default 2000 ms). */
  graceMs?: number;
  /** Warm isolates in each child: runs per isolate, how many, their memory (warm-isolates.ts). */
  warmIsolates?: WarmIsolateOptions;
  /** Bundles each child keeps, sent once and then named by digest (bundle-cache.ts; default 64, 64 Mi chars). */
  bundleCache?: BundleCacheBounds;
  _internal?: {
    onSpawn?: (pid: number | undefined) => void;
    /** Bounds for the children alone, so tests can make a child forget what the parent believes it holds. */
    childBundleCache?: BundleCacheBounds;
    /** Told of every job message sent to a child, and whether it carried the bundle's bytes. */
    onJobSent?: (withBytes: boolean) => void;
  };
}

interface Slot {
  state: 'empty' | 'starting' | 'idle' | 'busy';
  process?: ExecutorProcess;
  active?: ActiveJob;
  idleSince: number;
  /** The bundles sent to this slot's current child. */
  sent: SentBundles;
}

export function createExecutor({
  limits = {},
  concurrency = 1,
  graceMs = 2_000,
  warmIsolates = {},
  bundleCache = {},
  _internal = {},
}: ExecutorOptions = {}): SandboxRunner {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new JoineryError('INVALID_INPUT', 'concurrency must be a positive integer');
  const baseLimits = resolveLimits(limits);
  const slots: Slot[] = Array.from({ length: concurrency }, () => ({ state: 'empty', idleSince: 0, sent: createSentBundles(bundleCache) }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;
  const digestOf = createDigestMemo();
  let lastStartFailed = false;

  function spawn(slot: Slot): void {
    const child = spawnExecutorProcess({
      limits: baseLimits,
      warmIsolates,
      bundleCache: _internal.childBundleCache ?? bundleCache,
      onMessage: (message) => onChildMessage(slot, child, message),
      onExit: (description) => onChildExit(slot, child, description),
    });
    Object.assign(slot, { state: 'starting', process: child, sent: createSentBundles(bundleCache) });
    _internal.onSpawn?.(child.pid);
    child.ready.then(() => {
      if (slot.process !== child) return;
      lastStartFailed = false;
      Object.assign(slot, { state: 'idle', idleSince: performance.now() });
      pump();
    }, () => undefined);
  }

  /** Starts queued jobs on idle children; while the executor is in use, every slot gets a child. */
  function pump(): void {
    if (closed) return;
    for (let slot = longestIdle(); queue.length > 0 && slot !== undefined; slot = longestIdle()) start(queue.shift()!, slot);
    const inUse = queue.length > 0 || slots.some((slot) => slot.state === 'busy');
    if (inUse && !lastStartFailed) for (const slot of slots) if (slot.state === 'empty') spawn(slot);
    for (const slot of slots) slot.process?.setBusy(slot.state === 'busy' || (slot.state === 'starting' && queue.length > 0));
  }

  const longestIdle = () =>
    slots.filter((slot) => slot.state === 'idle').sort((left, right) => left.idleSince - right.idleSince)[0];

  function start(job: Job, slot: Slot): void {
    const id = nextId++;
    const child = slot.process!;
    const deadline = setTimeout(() => {
      active.pastDeadline = true;
      child.kill();
    }, job.job.limits.wallTimeMs + graceMs);
    deadline.unref();
    const active: ActiveJob = { id, job, startedAt: performance.now(), deadline, pastDeadline: false, requests: createRequestGate(job.job.limits) };
    Object.assign(slot, { state: 'busy', active });
    sendJob(child, jobMessage(id, job, slot.sent));
  }

  function onChildMessage(slot: Slot, child: ExecutorProcess, message: ChildMessage): void {
    const active = slot.active;
    if (slot.process !== child || message.type === 'ready') return;
    if (message.type === 'host-call') {
      // To this child only (call ids are per child); a call from a job that has ended gets a refusal.
      const current = active !== undefined && message.id === active.id ? active : undefined;
      const host = current?.job.kind === 'run' ? current.job.host : undefined;
      void answerHostCall(host, message, current?.requests).then((reply) => child.send(reply));
      return;
    }
    if (active === undefined || message.id !== active.id) return;
    if (message.type === 'bundle-missing') {
      sendJob(child, jobMessage(active.id, active.job, slot.sent, { withBytes: true }));
      return;
    }
    active.requests.close();
    clearTimeout(active.deadline);
    Object.assign(slot, { state: 'idle', active: undefined, idleSince: performance.now() });
    if (message.type === 'run-result' && message.retire) retire(slot, child);
    const { job } = active;
    if (message.type === 'job-failed') job.reject(new JoineryError('SANDBOX_FAILED', message.message));
    else if (message.type === 'run-result' && job.kind === 'run') job.settle(message.result);
    else if (message.type === 'describe-result' && job.kind === 'describe') job.settle(message.result);
    pump();
  }

  function onChildExit(slot: Slot, child: ExecutorProcess, description: string): void {
    if (slot.process !== child) return;
    const { state, active } = slot;
    Object.assign(slot, { state: 'empty', process: undefined, active: undefined });
    if (active !== undefined) {
      active.requests.close();
      clearTimeout(active.deadline);
      settleLost(active, description);
    }
    if (state === 'starting') {
      lastStartFailed = true;
      if (slots.every((other) => other.state === 'empty')) {
        failQueued(new JoineryError('SANDBOX_FAILED', `the executor process exited during startup (${description})`));
        lastStartFailed = false;
      }
    }
    pump();
  }

  function sendJob(child: ExecutorProcess, message: ParentMessage): void {
    _internal.onJobSent?.('job' in message && message.job.bytes !== undefined);
    child.send(message);
  }

  /** Takes a child out of service: its slot is empty at once, so the next job waits for a new child. */
  function retire(slot: Slot, child: ExecutorProcess): void {
    Object.assign(slot, { state: 'empty', process: undefined });
    child.kill();
  }

  function failQueued(error: Error): void {
    for (const waiting of queue.splice(0)) waiting.reject(error);
  }

  function enqueue(job: Job): void {
    if (closed) throw new JoineryError('SANDBOX_FAILED', 'the executor is closed');
    queue.push(job);
    pump();
  }

  function childJob(request: { bundle: string; sourceMap?: string; limits?: Partial<RunLimits>; frozenTimeMs?: number }): FullJob {
    checkBundleRequest(request);
    const bytes = request.sourceMap === undefined ? { bundle: request.bundle } : { bundle: request.bundle, sourceMap: request.sourceMap };
    const job: FullJob = { digest: digestOf(bytes), bytes, limits: resolveLimits(baseLimits, request.limits) };
    if (request.frozenTimeMs !== undefined) job.frozenTimeMs = request.frozenTimeMs;
    return job;
  }

  return {
    run(request, host) {
      return new Promise<RunResult>((settle, reject) => {
        const job = childJob(request);
        checkHost(host);
        enqueue({ kind: 'run', job, eventJson: eventJsonOf(request.event), host, settle, reject });
      });
    },
    describe(request) {
      return new Promise<DescribeResult>((settle, reject) => enqueue({ kind: 'describe', job: childJob(request), settle, reject }));
    },
    async close() {
      if (closed) return;
      closed = true;
      failQueued(new JoineryError('SANDBOX_FAILED', 'the executor is closed'));
      const exits = slots.flatMap((slot) => (slot.process === undefined ? [] : [slot.process.exited]));
      for (const slot of slots) slot.process?.kill();
      await Promise.all(exits);
    },
  };
}
