// Group commit of execution records: runs ending together share one transaction, each caller gets its
// own record (or its own error) once that transaction committed, and a batch whose transaction fails is
// written again record by record, so every run still leaves a record.
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { sampleExecution } from './sample-execution.ts';
import { samplePublishInput } from './sample-publish-input.ts';

let registry: Registry | undefined;
afterEach(() => registry?.close());

/** The database as the registry sees it, counting transactions; `failBatches` makes each one fail to commit. */
function countingDatabase(db: SqliteDatabase, { failBatches = false } = {}) {
  const counts = { transactions: 0 };
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return (body: (...args: never[]) => unknown) => {
          const wrapped = target.transaction(body);
          const counted = (...args: never[]) => {
            counts.transactions++;
            if (failBatches && args.length === 1 && Array.isArray(args[0])) throw new Error('SQLITE_BUSY: database is locked');
            return wrapped.immediate(...args);
          };
          return Object.assign(counted, { immediate: counted });
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, counts };
}

function openRegistry(options: { failBatches?: boolean; windowMs?: number; busyWindowMs?: number; busyAfterMs?: number } = {}) {
  const real = openDatabase(':memory:');
  const opened = createSqliteRegistry(real);
  opened.publish(samplePublishInput());
  const { db, counts } = countingDatabase(real, options);
  const busy = options.busyAfterMs === undefined ? {} : { busyAfterMs: options.busyAfterMs };
  const groupCommit = { windowMs: options.windowMs ?? 20, busyWindowMs: options.busyWindowMs ?? 20, ...busy };
  registry = createSqliteRegistry(db, { _internal: { groupCommit } });
  return { registry, counts, real };
}

const rowCount = (db: SqliteDatabase) => db.prepare('SELECT COUNT(*) FROM executions').pluck().get();

describe('group commit of execution records', () => {
  it('writes records arriving together in one transaction and gives each caller its own record', async () => {
    const { registry: active, counts, real } = openRegistry();
    const before = counts.transactions;
    const ids = ['evt-a', 'evt-b', 'evt-c', 'evt-d', 'evt-e'];
    const records = await Promise.all(ids.map((eventId) => active.recordExecutionDurable(sampleExecution({ eventId }))));
    expect(records.map((record) => record.eventId)).toEqual(ids);
    expect(counts.transactions - before).toBe(1);
    expect(rowCount(real)).toBe(ids.length);
    for (const record of records) expect(active.getExecution(record.id)?.eventId).toBe(record.eventId);
  });

  it('batches the records of one turn of the event loop by default, with no window', async () => {
    const { registry: active, counts } = openRegistry({ windowMs: 0 });
    const before = counts.transactions;
    const records = await Promise.all([1, 2, 3].map((index) => active.recordExecutionDurable(sampleExecution({ eventId: `evt-${index}` }))));
    expect(records.map((record) => record.eventId)).toEqual(['evt-1', 'evt-2', 'evt-3']);
    expect(counts.transactions - before).toBe(1);
  });

  it('waits for company when the last commit was moments ago', async () => {
    // "Moments ago" is a minute here: on a loaded machine the default 5 ms may pass between two lines.
    const { registry: active, counts } = openRegistry({ windowMs: 0, busyWindowMs: 200, busyAfterMs: 60_000 });
    await active.recordExecutionDurable(sampleExecution({ eventId: 'evt-first' }));
    const before = counts.transactions;
    const second = active.recordExecutionDurable(sampleExecution({ eventId: 'evt-second' }));
    await new Promise((resolve) => setImmediate(resolve));
    const third = active.recordExecutionDurable(sampleExecution({ eventId: 'evt-third' }));
    await Promise.all([second, third]);
    expect(counts.transactions - before).toBe(1);
  });

  it("fails only the caller whose record is bad; the others' records are written", async () => {
    const { registry: active, real } = openRegistry();
    const results = await Promise.allSettled([
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-good-1' })),
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-bad', version: 99 })),
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-good-2' })),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { code: 'NOT_FOUND' } });
    expect(rowCount(real)).toBe(2);
  });

  it('writes every record on its own when the batch transaction fails', async () => {
    const { registry: active, real } = openRegistry({ failBatches: true });
    const ids = ['evt-1', 'evt-2', 'evt-3'];
    const records = await Promise.all(ids.map((eventId) => active.recordExecutionDurable(sampleExecution({ eventId }))));
    expect(records.map((record) => record.eventId)).toEqual(ids);
    expect(rowCount(real)).toBe(3);
  });

  it('writes a waiting record before the registry closes', async () => {
    const { registry: active } = openRegistry();
    const pending = active.recordExecutionDurable(sampleExecution({ eventId: 'evt-last' }));
    active.close();
    registry = undefined;
    await expect(pending).resolves.toMatchObject({ eventId: 'evt-last' });
  });
});
