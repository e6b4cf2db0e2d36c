// Starts a type-check worker thread and runs checks in it under a time limit. Past the limit it kills the
// native compiler by pid (the worker's thread is blocked waiting on it, so only this side can act) and
// has the worker start another; the worker reaps the killed one. No compiler outlives this process.

import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../errors.ts';
import { createCompilerSet } from './compiler-processes.ts';
import type { FromWorker, ToWorker, WorkerStart } from './type-check-worker-protocol.ts';
import type { CheckReport } from './type-checker.ts';
import { workerThreadEntry } from '../runtime-entry/index.ts';

export type WorkerOutcome =
  | { kind: 'report'; report: CheckReport }
  | { kind: 'timed-out' }
  /** The check or the compiler's start failed: INVALID_INPUT for bad options, else broken infrastructure. */
  | { kind: 'failed'; code: ErrorCode; message: string };

type Failure = Extract<WorkerOutcome, { kind: 'failed' }>;

export interface TypeCheckWorker {
  /** Waits until a compiler is ready (not counted in the limit), then checks. Never rejects. */
  run(source: string, timeoutMs: number): Promise<WorkerOutcome>;
  /** Kills the compiler and ends the thread. Idempotent. */
  stop(): Promise<void>;
}

/** Starting a compiler takes well under a second even on a busy machine; one silent this long is stuck. */
const STARTUP_TIMEOUT_MS = 30_000;
/** How long a stopping worker may take to reap its compiler and end before it is terminated. */
const STOP_GRACE_MS = 5_000;

export function startTypeCheckWorker(start: WorkerStart): TypeCheckWorker {
  const [script, entryOptions] = workerThreadEntry(import.meta.url, 'type-check-worker');
  const worker = new Worker(script, { ...entryOptions, workerData: start, execArgv: [] });
  worker.unref();
  const compilers = createCompilerSet();
  const pending = new Map<number, (outcome: WorkerOutcome) => void>();
  let nextId = 1;
  let broken: Failure | undefined;
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let readiness = expectReady();

  /** Resolves with nothing once the worker says `ready`, or with the failure that came first. */
  function expectReady(): { promise: Promise<Failure | undefined>; settle(failure?: Failure): void } {
    let settle: (failure?: Failure) => void = () => undefined;
    const promise = new Promise<Failure | undefined>((resolve) => (settle = resolve));
    const timer = setTimeout(() => fail('the type-check worker did not start a compiler in time'), STARTUP_TIMEOUT_MS);
    timer.unref();
    return {
      promise,
      settle(failure) {
        clearTimeout(timer);
        settle(failure);
      },
    };
  }

  function fail(message: string, code: ErrorCode = 'INTERNAL'): void {
    broken ??= { kind: 'failed', code, message };
    void stop();
    readiness.settle(broken);
    for (const resolve of pending.values()) resolve(broken);
    pending.clear();
  }

  // Compilers are killed by pid only while the worker is blocked on a check (or gone): then it cannot
  // reap one, so the pid is still that compiler's. An idle worker is asked to close its compiler instead.
  function stop(): Promise<void> {
    if (stopping) return stopping;
    if (pending.size > 0) compilers.killAll();
    worker.postMessage({ kind: 'close' } satisfies ToWorker);
    const grace = setTimeout(() => {
      compilers.killAll(); // a thread stuck in its own code: end it and its compiler the hard way
      void worker.terminate();
    }, STOP_GRACE_MS);
    stopping = exited.then(() => clearTimeout(grace));
    return stopping;
  }

  worker.on('message', (message: FromWorker) => {
    if (message.kind === 'compiler-started') compilers.add(message.pid);
    else if (message.kind === 'compiler-stopped') compilers.delete(message.pid);
    else if (message.kind === 'ready') readiness.settle();
    else if (message.kind === 'report') settle(message.id, { kind: 'report', report: message.report });
    else if (message.id === undefined) fail(message.message, message.code);
    else settle(message.id, { kind: 'failed', code: message.code, message: message.message });
  });
  worker.on('error', (error) => fail(`the type-check worker failed: ${error.message}`));
  worker.on('exit', (code) => {
    compilers.killAll(); // normally none left: the worker reaps its compilers (and says so) before it ends
    fail(`the type-check worker exited (code ${code})`);
  });

  function settle(id: number, outcome: WorkerOutcome): void {
    pending.get(id)?.(outcome);
    pending.delete(id);
  }

  async function run(source: string, timeoutMs: number): Promise<WorkerOutcome> {
    worker.ref(); // an awaited check keeps the process alive; an idle worker does not
    try {
      const failure = broken ?? (await readiness.promise);
      if (failure) return failure;
      const id = nextId++;
      const answered = new Promise<WorkerOutcome>((resolve) => pending.set(id, resolve));
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<WorkerOutcome>((resolve) => (timer = setTimeout(() => resolve({ kind: 'timed-out' }), timeoutMs)));
      worker.postMessage({ kind: 'check', id, source } satisfies ToWorker);
      const outcome = await Promise.race([answered, timedOut]);
      clearTimeout(timer);
      if (outcome.kind === 'timed-out' && !broken) {
        pending.delete(id);
        compilers.killAll(); // the blocked check ends at once; the worker reaps tsgo and starts another
        readiness = expectReady();
        worker.postMessage({ kind: 'restart' } satisfies ToWorker);
      }
      return outcome;
    } finally {
      if (pending.size === 0) worker.unref();
    }
  }

  return { run, stop };
}

