// The type-check worker: owns one TypeScript 7 compiler and answers checks one at a time. Its thread blocks
// while tsgo works; that is the point: the owner's event loop does not. The owner enforces the time limit:
// it kills tsgo by the pid reported here (this thread cannot act while blocked), then asks for a restart.
// Every compiler process is waited for before it is forgotten, so none is left behind as a zombie.

import { constants, setPriority } from 'node:os';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { isJoineryError } from '../errors.ts';
import { createTs7TypeChecker } from './ts7/index.ts';
import type { FromWorker, ToWorker, WorkerStart } from './type-check-worker-protocol.ts';
import type { SynchronousTypeChecker } from './type-checker.ts';

if (parentPort === null) throw new Error('type-check-worker.ts runs as a worker thread only');
const port: MessagePort = parentPort;
const send = (message: FromWorker) => port.postMessage(message);
let checker: SynchronousTypeChecker | undefined;
let handled: Promise<void> = Promise.resolve();

function failure(error: unknown, id?: number): FromWorker {
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'failed', ...(id === undefined ? {} : { id }), code: isJoineryError(error) ? error.code : 'INTERNAL', message };
}

function open(): void {
  try {
    const opened = createTs7TypeChecker(workerData as WorkerStart);
    checker = opened;
    const pid = opened.processId;
    if (pid !== undefined) {
      lowerPriority(pid);
      send({ kind: 'compiler-started', pid });
      // As soon as it is reaped (it may die on its own), so the owner never signals a pid reused since.
      void opened.exited.then(() => send({ kind: 'compiler-stopped', pid }));
    }
    send({ kind: 'ready' });
  } catch (error) {
    send(failure(error));
  }
}

/** A check that burns CPU until its time limit must not slow the server that waits for it. */
function lowerPriority(pid: number): void {
  try {
    setPriority(pid, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // not permitted here: the check runs at normal priority
  }
}

async function release(): Promise<void> {
  const current = checker;
  checker = undefined;
  if (current === undefined) return;
  try {
    current.close();
  } catch {
    // closing never throws today; if it did, waiting for the exit below still reaps the process
  }
  await current.exited;
}

async function handle(message: ToWorker): Promise<void> {
  if (message.kind === 'restart') {
    await release();
    open();
  } else if (message.kind === 'close') {
    await release();
    port.close();
  } else if (checker === undefined) {
    send({ kind: 'failed', id: message.id, code: 'INTERNAL', message: 'the type-check worker has no compiler' });
  } else {
    try {
      send({ kind: 'report', id: message.id, report: checker.check(message.source) });
    } catch (error) {
      send(failure(error, message.id)); // a broken compiler stays until the owner restarts or closes it
    }
  }
}

// In order: a restart or close waits for the check before it (which ends once its compiler is killed).
port.on('message', (message: ToWorker) => {
  handled = handled.then(() => handle(message));
});
open();
