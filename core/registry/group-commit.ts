// Group commit for execution records: records arriving in the same turn of the event loop (or within
// `windowMs`, or until `maxBatch` are waiting) are written in one transaction, so many runs share one fsync.
// Run results that arrive together (one IPC message each) are all read before the check phase, so a
// setImmediate batches them at no cost to a lone caller; a window trades latency for bigger batches. Each caller's promise settles after the
// transaction that holds its record committed (durable under synchronous=FULL), with its own record or
// its own error (an unknown version, a bad field). If the batch's transaction fails as a whole, every
// record is written again on its own, so one bad moment costs speed, never a record.
import type { SqliteDatabase } from '../store/index.ts';

export interface GroupCommitOptions {
  /** How long the first record of a batch waits for company; 0 (the default): until the event loop's check phase. */
  windowMs?: number;
  /** A batch this size is written at once (default 64). */
  maxBatch?: number;
}

export interface GroupCommit<Input, Output> {
  write(input: Input): Promise<Output>;
  /** Writes whatever is waiting now (before the database closes). */
  flush(): void;
}

interface Waiting<Input, Output> {
  input: Input;
  resolve: (output: Output) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit<Input, Output>(
  db: SqliteDatabase,
  writeOne: (input: Input) => Output,
  { windowMs = 0, maxBatch = 64 }: GroupCommitOptions = {},
): GroupCommit<Input, Output> {
  let waiting: Array<Waiting<Input, Output>> = [];
  let timer: { cancel(): void } | undefined;

  // Per record: its own outcome, kept apart so one caller's mistake never fails the others' records.
  const attempt = (input: Input): { ok: true; output: Output } | { ok: false; error: unknown } => {
    try {
      return { ok: true, output: writeOne(input) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  // SQLite rolls a whole transaction back on some errors (a full disk, an I/O error): stop there, so the
  // records after it are not written outside the transaction and then again one by one.
  const writeBatch = db.transaction((batch: Array<Waiting<Input, Output>>) =>
    batch.map((entry) => {
      if (!db.inTransaction) throw new Error('the batch transaction was rolled back');
      return attempt(entry.input);
    }),
  );

  function flush(): void {
    timer?.cancel();
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length === 0) return;
    let results: ReturnType<typeof attempt>[];
    try {
      results = writeBatch(batch);
    } catch {
      results = batch.map((entry) => attempt(entry.input)); // the transaction failed: each on its own
    }
    batch.forEach((entry, index) => {
      const result = results[index];
      if (result?.ok === true) entry.resolve(result.output);
      else entry.reject(result === undefined ? new Error('the record was not written') : result.error);
    });
  }

  return {
    write(input) {
      return new Promise<Output>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        if (waiting.length >= maxBatch) flush();
        else if (timer === undefined) timer = schedule(flush, windowMs);
      });
    },
    flush,
  };
}

function schedule(action: () => void, windowMs: number): { cancel(): void } {
  if (windowMs <= 0) {
    const immediate = setImmediate(action);
    return { cancel: () => clearImmediate(immediate) };
  }
  const timeout = setTimeout(action, windowMs);
  return { cancel: () => clearTimeout(timeout) };
}
