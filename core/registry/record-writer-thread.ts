// The owner's side of the record writer thread (record-writer-worker.ts): starts it, sends it records once
// it is ready, and settles each caller with the worker's answer. The thread keeps the process alive only
// while records wait for their commit. If it stops with records unanswered (a bug: it never throws), their
// callers get an INTERNAL error saying the record may or may not be stored, and nothing more is sent to it.
import { Worker } from 'node:worker_threads';
import { JoineryError } from '../errors.ts';
import type { FromRecordWriter, RecordRequest, RecordWriterStart, ToRecordWriter } from './record-writer-protocol.ts';
import type { ExecutionRecord } from './types.ts';
import { workerThreadEntry } from '../runtime-entry/index.ts';

export interface RecordWriterThread {
  /** The record's commit on the worker, or undefined when it cannot go there (not ready, stopped, not cloneable). */
  write(request: RecordRequest): Promise<ExecutionRecord> | undefined;
  /** The worker commits and answers what it was sent, then closes its connection and ends. */
  close(): void;
}

interface Pending {
  resolve: (record: ExecutionRecord) => void;
  reject: (error: Error) => void;
}

export function startRecordWriterThread(start: RecordWriterStart, { onReady }: { onReady?: () => void } = {}): RecordWriterThread {
  const [script, entryOptions] = workerThreadEntry(import.meta.url, 'record-writer-worker');
  const worker = new Worker(script, { ...entryOptions, workerData: start, execArgv: [] });
  worker.unref();
  const pending = new Map<number, Pending>();
  let state: 'starting' | 'ready' | 'stopped' = 'starting';
  let nextId = 1;

  function settle(id: number | undefined, settleWith: (entry: Pending) => void): void {
    const entry = id === undefined ? undefined : pending.get(id);
    if (id === undefined || entry === undefined) return;
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    settleWith(entry);
  }

  function stop(reason: string): void {
    state = 'stopped';
    const error = new JoineryError('INTERNAL', `the execution record writer stopped (${reason}) before confirming the record; it may or may not be stored`);
    for (const id of [...pending.keys()]) settle(id, (entry) => entry.reject(error));
  }

  worker.on('message', (message: FromRecordWriter) => {
    if (message.kind === 'ready') {
      if (state === 'starting') state = 'ready';
      onReady?.();
    } else if (message.kind === 'written') settle(message.id, (entry) => entry.resolve(message.record));
    else if (message.id === undefined) stop(message.message);
    else settle(message.id, (entry) => entry.reject(errorOf(message)));
  });
  worker.on('error', (error) => stop(error.message));
  worker.on('exit', (code) => stop(`exit code ${code}`));

  return {
    write(request) {
      if (state !== 'ready') return undefined;
      const id = nextId++;
      try {
        worker.postMessage({ kind: 'write', id, ...request } satisfies ToRecordWriter);
      } catch {
        return undefined; // a value structured clone refuses (a function in the input): written on the owner's thread
      }
      worker.ref();
      return new Promise<ExecutionRecord>((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    close() {
      if (state === 'stopped') return;
      state = 'stopped';
      worker.postMessage({ kind: 'close' } satisfies ToRecordWriter);
    },
  };
}

/** The caller's own error as it was thrown in the worker: a JoineryError keeps its code and details. */
function errorOf({ code, message, details }: Extract<FromRecordWriter, { kind: 'failed' }>): Error {
  return code === undefined ? new Error(message) : new JoineryError(code, message, details);
}

