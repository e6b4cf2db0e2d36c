// A synchronous PostgreSQL connection: a worker thread owns a `pg` client, and each query blocks the
// caller in Atomics.wait until the worker's reply arrives. That is better-sqlite3's blocking profile (the
// event loop waits for the statement), one loopback round trip per statement, and it lets the synchronous
// store ports (Registry, TokenStore, ...) have a Postgres implementation without changing their callers.
// See core/store/README.md for the measurement behind this choice.

import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { JoineryError } from '../errors.ts';
import { SYNC_WORKER_SCRIPT } from './sync-connection-worker.ts';
import { PENDING, type SyncReply, type SyncRequest, type SyncWorkerStart } from './sync-protocol.ts';
import type { SqlParameter, SqlResult, SqlRow, SyncSql } from './types.ts';

export interface SyncConnectionOptions {
  connectionString: string;
  /** How long one statement may take before the caller gives up on the connection. */
  statementTimeoutMs?: number;
  applicationName?: string;
}

export function openSyncConnection({ connectionString, statementTimeoutMs = 60_000, applicationName = 'joinery' }: SyncConnectionOptions): SyncSql {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1: port, port2: workerPort } = new MessageChannel();
  const start: SyncWorkerStart = { connectionString, signal, port: workerPort, applicationName, pgEntry: import.meta.resolve('pg') };
  const worker = new Worker(SYNC_WORKER_SCRIPT, { eval: true, workerData: start, transferList: [workerPort], execArgv: [] });
  worker.unref();
  let closed = false;
  let depth = 0;

  function request(message: SyncRequest): SyncReply {
    if (closed) throw new JoineryError('INTERNAL', 'the PostgreSQL connection is closed');
    Atomics.store(signal, 0, PENDING);
    port.postMessage(message);
    if (Atomics.wait(signal, 0, PENDING, statementTimeoutMs) === 'timed-out') {
      close();
      throw new JoineryError('INTERNAL', `PostgreSQL did not answer within ${statementTimeoutMs} ms; the connection was closed`);
    }
    const received = receiveMessageOnPort(port);
    if (received === undefined) throw new JoineryError('INTERNAL', 'the PostgreSQL worker woke without a reply');
    return received.message as SyncReply;
  }

  function query<Row extends SqlRow>(sql: string, parameters: readonly SqlParameter[] = []): SqlResult<Row> {
    const reply = request({ kind: 'query', sql, parameters });
    if (!reply.ok) throw postgresError(reply);
    return { rows: reply.rows as Row[], rowCount: reply.rowCount };
  }

  /** The error that ended the transaction is the one worth reporting, not a failed rollback after it. */
  function rollBack(sql: string): void {
    try {
      if (!closed) query(sql);
    } catch {
      // the connection is gone: the server rolls the transaction back itself
    }
  }

  function close(): void {
    if (closed) return;
    try {
      request({ kind: 'end' });
    } catch {
      // the server is gone already: terminating the thread below is all that is left to do
    }
    closed = true;
    port.close();
    void worker.terminate();
  }

  const connected = request({ kind: 'connect' });
  if (!connected.ok) {
    close();
    throw new JoineryError('INTERNAL', `could not connect to PostgreSQL: ${connected.message}`, { sqlState: connected.sqlState });
  }

  return {
    query,
    transaction<T>(work: () => T): T {
      const savepoint = `joinery_${depth}`;
      query(depth === 0 ? 'BEGIN' : `SAVEPOINT ${savepoint}`);
      depth += 1;
      try {
        const result = work();
        depth -= 1;
        query(depth === 0 ? 'COMMIT' : `RELEASE SAVEPOINT ${savepoint}`);
        return result;
      } catch (error) {
        depth -= 1;
        rollBack(depth === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${savepoint}`);
        throw error;
      }
    },
    close,
  };
}

/** Driver errors become JoineryError INTERNAL with the SQLSTATE and constraint in `details`, so a store can
 *  tell a unique violation (23505) or a trigger's refusal (P0001) from a broken connection. */
export function postgresError(reply: { message: string; sqlState?: string; constraint?: string }): JoineryError {
  return new JoineryError('INTERNAL', reply.message, { sqlState: reply.sqlState, constraint: reply.constraint });
}
