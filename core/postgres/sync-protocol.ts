// The messages between a synchronous connection (sync-connection.ts) and the worker thread that owns its
// `pg` client (sync-connection-worker.ts). One request at a time: the caller posts a request, then blocks
// on `signal` until the worker has posted the reply and flipped it.

import type { MessagePort } from 'node:worker_threads';
import type { SqlParameter, SqlRow } from './types.ts';

export interface SyncWorkerStart {
  connectionString: string;
  /** Int32Array over a SharedArrayBuffer: 0 while a request is pending, 1 once its reply was posted. */
  signal: Int32Array;
  port: MessagePort;
  applicationName: string;
  /** Where the worker imports `pg` from (the owner resolves it, so both load the same package). */
  pgEntry: string;
}

export type SyncRequest = { kind: 'connect' } | { kind: 'query'; sql: string; parameters: readonly SqlParameter[] } | { kind: 'end' };

export type SyncReply =
  | { ok: true; rows: SqlRow[]; rowCount: number }
  | { ok: false; message: string; sqlState?: string; constraint?: string };

export const PENDING = 0;
export const REPLIED = 1;
