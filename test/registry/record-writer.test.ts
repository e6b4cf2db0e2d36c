// The record writer thread: on a database file, durable execution records are committed by a worker thread
// with its own connection, and each caller is answered only after its record's transaction committed, so a
// record acknowledged is readable at once and survives the process being killed.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { workerGroupCommit } from '../../core/registry/record-writer.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { sampleExecution } from './sample-execution.ts';
import { samplePublishInput } from './sample-publish-input.ts';

const CHILD = fileURLToPath(new URL('./children/record-child.ts', import.meta.url));

let folder: string;
let registry: Registry | undefined;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'joinery-record-writer-'));
});
afterEach(() => {
  registry?.close();
  registry = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** The file database as the registry sees it, counting the transactions run on this thread. */
function countingDatabase(db: SqliteDatabase) {
  const counts = { transactions: 0 };
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return (body: (...args: never[]) => unknown) => {
          const wrapped = target.transaction(body);
          const counted = (...args: never[]) => {
            counts.transactions++;
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

/** A registry on a file whose record writer thread is ready (started by the first record, written here). */
async function registryWithWorker() {
  const real = openDatabase(join(folder, 'joinery.db'));
  createSqliteRegistry(real).publish(samplePublishInput());
  const { db, counts } = countingDatabase(real);
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  registry = createSqliteRegistry(db, { _internal: { recordWriter: { workerAfterRecords: 0, onWorkerReady: () => markReady() } } });
  await registry.recordExecutionDurable(sampleExecution({ eventId: 'evt-first' }));
  await ready;
  return { registry, counts, real };
}

describe('the record writer thread', () => {
  it('is started by the second record, so a one-shot command that writes one never starts a thread', async () => {
    const db = openDatabase(join(folder, 'joinery.db'));
    createSqliteRegistry(db).publish(samplePublishInput());
    let started = 0;
    registry = createSqliteRegistry(db, { _internal: { recordWriter: { onWorkerStart: () => started++ } } });
    await registry.recordExecutionDurable(sampleExecution({ eventId: 'evt-one' }));
    expect(started).toBe(0);
    await registry.recordExecutionDurable(sampleExecution({ eventId: 'evt-two' }));
    expect(started).toBe(1);
  });

  it('commits records off this thread, and each is readable here once its caller is answered', async () => {
    const { registry: active, counts } = await registryWithWorker();
    const before = counts.transactions;
    const ids = ['evt-a', 'evt-b', 'evt-c', 'evt-d'];
    const records = await Promise.all(
      ids.map(async (eventId) => {
        const record = await active.recordExecutionDurable(sampleExecution({ eventId }));
        expect(active.getExecution(record.id)?.eventId).toBe(eventId); // read at once, on the owner's connection
        return record;
      }),
    );
    expect(records.map((record) => record.eventId)).toEqual(ids);
    expect(new Set(records.map((record) => record.id)).size).toBe(ids.length);
    expect(counts.transactions).toBe(before);
  });

  it("gives a caller its own error with its code; the others' records are written", async () => {
    const { registry: active } = await registryWithWorker();
    const results = await Promise.allSettled([
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-good-1' })),
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-bad', version: 99 })),
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-bad-duration', durationMs: -1 })),
      active.recordExecutionDurable(sampleExecution({ eventId: 'evt-good-2' })),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { name: 'JoineryError', code: 'NOT_FOUND' } });
    expect(results[2]).toMatchObject({ reason: { code: 'INVALID_INPUT', details: { field: 'durationMs' } } });
    expect(active.listExecutions('generate-username').map((record) => record.eventId)).toEqual(['evt-good-2', 'evt-good-1', 'evt-first']);
  });

  it('keeps the redaction and the caller-fixed time of each record', async () => {
    const { registry: active } = await registryWithWorker();
    const logs = [{ level: 'info' as const, message: 'token s3cr3t-value', atMs: 1 }];
    const record = await active.recordExecutionDurable(sampleExecution({ logs }), { redact: ['s3cr3t-value'] });
    expect(JSON.stringify(record.logs)).not.toContain('s3cr3t-value');
    expect(Date.parse(record.createdAt)).toBeLessThanOrEqual(Date.now());
  });

  it('commits while this thread writes to the same file too: no record fails as locked', async () => {
    const { registry: active } = await registryWithWorker();
    const writes: Array<Promise<unknown>> = [];
    for (let index = 0; index < 200; index++) {
      writes.push(active.recordExecutionDurable(sampleExecution({ eventId: `evt-${index}` })));
      active.recordAudit({ actor: 'alice@example.com', action: 'run_function', allowed: true });
      if (index % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const results = await Promise.allSettled(writes);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
  });

  it('writes a record structured clone refuses on this thread', async () => {
    const { registry: active, counts } = await registryWithWorker();
    const before = counts.transactions;
    const record = await active.recordExecutionDurable(sampleExecution({ eventId: 'evt-odd', input: { type: 'user.joined', callback: () => 1 } }));
    expect(record).toMatchObject({ eventId: 'evt-odd', input: { type: 'user.joined' } });
    expect(counts.transactions).toBe(before + 1);
  });

  it('answers the records it was sent when the registry closes right after', async () => {
    const { registry: active, real } = await registryWithWorker();
    const pending = ['evt-1', 'evt-2', 'evt-3'].map((eventId) => active.recordExecutionDurable(sampleExecution({ eventId })));
    active.close();
    registry = undefined;
    const records = await Promise.all(pending);
    expect(records.map((record) => record.eventId)).toEqual(['evt-1', 'evt-2', 'evt-3']);
    expect(real.open).toBe(false);
    const reopened = openDatabase(join(folder, 'joinery.db'));
    expect(reopened.prepare('SELECT COUNT(*) FROM executions').pluck().get()).toBe(4);
    closeDatabase(reopened);
  });

  it('loses no acknowledged record when the process is killed while records are being committed', async () => {
    const file = join(folder, 'joinery.db');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { stdio: 'pipe' });
    const acknowledged: number[] = [];
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const enough = new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const match = /^acknowledged (\d+)$/.exec(line);
          if (match) acknowledged.push(Number(match[1]));
        }
        if (acknowledged.length >= 200) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the child exited (${code}) early: ${errors}`)));
    });
    await enough;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;

    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Set(db.prepare('SELECT id FROM executions').pluck().all() as number[]);
    closeDatabase(db);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);
  }, 30_000);
});

describe('the record writer thread’s group commit', () => {
  it('waits for no company by default (records arriving during its fsync batch anyway), keeping a window a caller set', () => {
    expect(workerGroupCommit({})).toMatchObject({ busyWindowMs: 0 });
    expect(workerGroupCommit({ maxBatch: 8 })).toEqual({ busyWindowMs: 0, maxBatch: 8 });
    expect(workerGroupCommit({ busyWindowMs: 20 })).toEqual({ busyWindowMs: 20 });
  });
});
