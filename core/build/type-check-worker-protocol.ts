// Messages between a type-check worker and its owner. Structured-cloned, so plain data only.

import type { ErrorCode } from '../errors.ts';
import type { CheckReport, TypeCheckerOptions } from './type-checker.ts';

/** What the worker starts with (its `workerData`). */
export type WorkerStart = Pick<TypeCheckerOptions, 'extraDeclarations' | 'allowedPackages' | 'packagesDir' | 'limits'>;

export type ToWorker =
  | { kind: 'check'; id: number; source: string }
  /** Replace the compiler (its owner killed it at a time limit): release it, start another, say `ready`. */
  | { kind: 'restart' }
  /** Release the compiler and end the thread. */
  | { kind: 'close' };

export type FromWorker =
  /** A compiler is up and the project loaded: checks may come. */
  | { kind: 'ready' }
  /** A native compiler process started (sent before any check can block the worker on it). */
  | { kind: 'compiler-started'; pid: number }
  /** That process has exited and was reaped: its pid is no longer ours. */
  | { kind: 'compiler-stopped'; pid: number }
  | { kind: 'report'; id: number; report: CheckReport }
  /** A check (with its id) or a start (without) failed: bad options, or a broken compiler. */
  | { kind: 'failed'; id?: number; code: ErrorCode; message: string };
