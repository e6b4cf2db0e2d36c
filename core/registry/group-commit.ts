// Group commit for execution records: records arriving in the same turn of the event loop (or within
// `windowMs`, or until `maxBatch` are waiting) are written in one transaction, so many runs share one fsync.
// A record arriving while the writer is quiet waits only for the check phase of the event loop (a lone
// caller pays nothing); one arriving within `busyAfterMs` of the last commit waits `busyWindowMs` for
// company, because under load run results trickle in one IPC message at a time and a commit (an fsync
// under synchronous=FULL, on the main thread) per record would cap throughput. Each caller's promise settles after the
// transaction that holds its record committed (durable under synchronous=FULL), with its own record or
// its own error (an unknown version, a bad field). If the batch's transaction fails as a whole, every
// record is written again on its own, so one bad moment costs speed, never a record.
import type { SqliteDatabase } from '../store/index.ts';

export interface GroupCommitOptions {
  /** How long the first record of a batch waits for company when quiet; 0 (the default): until the event loop's check phase. */
  windowMs?: number;
  /** How long it waits when the last commit was less than `busyAfterMs` ago (default 1 ms and 5 ms). */
  busyWindowMs?: number;
  busyAfterMs?: number;
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
  { windowMs = 0, busyWindowMs = 1, busyAfterMs = 5, maxBatch = 64 }: GroupCommitOptions = {},
): GroupCommit<Input, Output> {
  let waiting: Array<Waiting<Input, Output>> = [];
  let timer: { cancel(): void } | undefined;
  let lastCommitAt = Number.NEGATIVE_INFINITY;

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
    lastCommitAt = performance.now();
    let results: ReturnType<typeof attempt>[];
    try {
      // IMMEDIATE: the write lock is taken (waiting per busy_timeout) before the first read, so a batch never
      // has to upgrade a read to a write after another connection (the record writer thread's owner) wrote.
      results = writeBatch.immediate(batch);
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
        else if (timer === undefined) timer = schedule(flush, performance.now() - lastCommitAt < busyAfterMs ? Math.max(windowMs, busyWindowMs) : windowMs);
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
