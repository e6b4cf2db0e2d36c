// Where durable execution records are committed. On a database file, a worker thread with its own
// connection to the same file (WAL) commits them (record-writer-worker.ts): the fsync of each commit under
// synchronous=FULL then blocks that thread instead of the one dispatching runs, and the records arriving
// meanwhile make up its next batch. The worker starts with the second record (the first is written here),
// so a one-shot command never starts it; until it is ready, for in-memory databases, and for a record structured
// clone refuses, records are committed on this thread with the same group commit (group-commit.ts).
// Either way a caller is answered only after the transaction holding its record committed.
import type { SqliteDatabase } from '../store/index.ts';
import { createGroupCommit, type GroupCommitOptions } from './group-commit.ts';
import type { RecordRequest } from './record-writer-protocol.ts';
import { startRecordWriterThread, type RecordWriterThread } from './record-writer-thread.ts';
import type { ExecutionInput, ExecutionRecord } from './types.ts';

export interface RecordWriterOptions {
  /** Records committed on this thread before the next one starts the worker (default 1; 0: the first does). */
  workerAfterRecords?: number;
  /** Told when the worker is started, and when it is ready (tests). */
  onWorkerStart?: () => void;
  onWorkerReady?: () => void;
}

export interface RecordWriter {
  write(request: RecordRequest): Promise<ExecutionRecord>;
  /** Commits what waits on this thread now; the worker commits what it was sent, then ends. */
  close(): void;
}

const SQLITE_SYNCHRONOUS_FULL = 2;

/**
 * The worker's group commit waits for no company: while a commit's fsync blocks it, the records arriving
 * wait in its port and make up the next batch anyway. Waiting the busy window there only delayed each
 * record of a lone caller (an MCP client, a CLI loop) by a timer, about 1 ms, for nothing.
 */
export function workerGroupCommit(options: GroupCommitOptions): GroupCommitOptions {
  return { busyWindowMs: 0, ...options };
}

export function createRecordWriter({
  db,
  recordExecution,
  groupCommit = {},
  options,
}: {
  db: SqliteDatabase;
  recordExecution: (input: ExecutionInput, options: { redact: string[]; createdAt: string }) => ExecutionRecord;
  groupCommit?: GroupCommitOptions;
  /** false: every record on this thread. */
  options: RecordWriterOptions | false;
}): RecordWriter {
  const here = createGroupCommit(db, (request: RecordRequest) => recordExecution(request.input, request), groupCommit);
  const usesWorker = options !== false && !db.memory && !db.readonly;
  const { workerAfterRecords = 1, onWorkerStart, onWorkerReady } = options === false ? {} : options;
  let thread: RecordWriterThread | undefined;
  let writtenHere = 0;
  let closed = false;

  function startWorker(): RecordWriterThread {
    onWorkerStart?.();
    const synchronous = Number(db.pragma('synchronous', { simple: true })) >= SQLITE_SYNCHRONOUS_FULL ? 'FULL' : 'NORMAL';
    const busyTimeoutMs = Number(db.pragma('busy_timeout', { simple: true }));
    const start = { file: db.name, synchronous, busyTimeoutMs, groupCommit: workerGroupCommit(groupCommit) } as const;
    return startRecordWriterThread(start, onWorkerReady === undefined ? {} : { onReady: onWorkerReady });
  }

  return {
    write(request) {
      const sent = thread?.write(request);
      if (sent !== undefined) return sent;
      // Started by the record after the first `workerAfterRecords`: a one-shot command, which writes one,
      // never starts a thread only to close it again.
      if (usesWorker && !closed && thread === undefined && writtenHere >= workerAfterRecords) thread = startWorker();
      writtenHere++;
      return here.write(request);
    },
    close() {
      closed = true;
      here.flush();
      thread?.close();
    },
  };
}
