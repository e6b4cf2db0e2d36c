// Messages between the record writer thread (record-writer-worker.ts) and its owner (record-writer-thread.ts).
// Structured-cloned, so plain data only.
import type { ErrorCode } from '../errors.ts';
import type { GroupCommitOptions } from './group-commit.ts';
import type { ExecutionInput, ExecutionRecord } from './types.ts';

/** One durable record to write: the run, the secret values to redact from it, and its time. */
export interface RecordRequest {
  input: ExecutionInput;
  redact: string[];
  /** ISO 8601, fixed by the caller's clock when the record was asked for. */
  createdAt: string;
}

/** What the worker starts with (its `workerData`): the owner's database file and settings. */
export interface RecordWriterStart {
  file: string;
  synchronous: 'FULL' | 'NORMAL';
  busyTimeoutMs: number;
  groupCommit: GroupCommitOptions;
}

export type ToRecordWriter =
  | ({ kind: 'write'; id: number } & RecordRequest)
  /** Commit what is waiting, answer it, close the connection and end the thread. */
  | { kind: 'close' };

export type FromRecordWriter =
  /** The connection is open: records may come. */
  | { kind: 'ready' }
  /** Committed (durable as the owner's `synchronous` setting promises). */
  | { kind: 'written'; id: number; record: ExecutionRecord }
  /** This record's own error (a JoineryError's code and details when it was one), or the start's (no id). */
  | { kind: 'failed'; id?: number; code?: ErrorCode; message: string; details?: unknown };
