// The record writer thread: its own connection to the owner's database file (WAL lets it write while the
// owner reads and writes), committing execution records with the same group commit as the owner would.
// While a commit's fsync blocks this thread, the records that arrive wait in its port and make up the next
// batch. Each record is answered only after the transaction holding it committed; it never throws.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { isJoineryError } from '../errors.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../store/index.ts';
import { createExecutionLog } from './execution-log.ts';
import { createGroupCommit, type GroupCommit } from './group-commit.ts';
import type { FromRecordWriter, RecordRequest, RecordWriterStart, ToRecordWriter } from './record-writer-protocol.ts';
import type { ExecutionRecord } from './types.ts';

if (parentPort === null) throw new Error('record-writer-worker.ts runs as a worker thread only');
const port: MessagePort = parentPort;
const start = workerData as RecordWriterStart;
const inFlight = new Set<Promise<void>>();

function failure(error: unknown, id?: number): FromRecordWriter {
  const message = error instanceof Error ? error.message : String(error);
  if (!isJoineryError(error)) return { kind: 'failed', ...(id === undefined ? {} : { id }), message };
  return { kind: 'failed', ...(id === undefined ? {} : { id }), code: error.code, message, ...(error.details === undefined ? {} : { details: error.details }) };
}

function send(message: FromRecordWriter): void {
  try {
    port.postMessage(message);
  } catch (error) {
    // only details that cannot be cloned get here: the record's own error still reaches its caller
    if (message.kind === 'failed') port.postMessage({ kind: 'failed', id: message.id, code: message.code, message: message.message });
    else port.postMessage(failure(error, message.kind === 'written' ? message.id : undefined));
  }
}

function open(): { db: SqliteDatabase; grouped: GroupCommit<RecordRequest, ExecutionRecord> } | undefined {
  try {
    // The owner's registry applied the migrations already: opening checks them and finds nothing to do.
    const db = openDatabase(start.file, { synchronous: start.synchronous, busyTimeoutMs: start.busyTimeoutMs });
    const log = createExecutionLog(db, { now: () => new Date(), recordWriter: false });
    const grouped = createGroupCommit(db, (request: RecordRequest) => log.recordExecution(request.input, request), start.groupCommit);
    send({ kind: 'ready' });
    return { db, grouped };
  } catch (error) {
    send(failure(error));
    return undefined;
  }
}

const opened = open();

async function close(): Promise<void> {
  if (opened !== undefined) {
    opened.grouped.flush();
    await Promise.all(inFlight);
    closeDatabase(opened.db);
  }
  port.close();
}

port.on('message', (message: ToRecordWriter) => {
  if (message.kind === 'close') {
    void close();
    return;
  }
  if (opened === undefined) {
    send({ kind: 'failed', id: message.id, code: 'INTERNAL', message: 'the record writer has no database connection' });
    return;
  }
  const { id, input, redact, createdAt } = message;
  const answered = opened.grouped.write({ input, redact, createdAt }).then(
    (record) => send({ kind: 'written', id, record }),
    (error: unknown) => send(failure(error, id)),
  );
  inFlight.add(answered);
  void answered.finally(() => inFlight.delete(answered));
});
if (opened === undefined) port.close();
