// A separate Node process that writes execution records through the record writer thread, for the crash
// test. Usage: node --import tsx record-child.ts <db file>
// Publishes a version, waits until the writer thread is ready, then keeps 16 durable records in flight
// and prints "acknowledged <id>" for each the moment its promise settles, until it is killed.

import { writeSync } from 'node:fs';
import type { ExecutionInput } from '../../../core/registry/index.ts';
import { createSqliteRegistry } from '../../../core/registry/index.ts';
import { openDatabase } from '../../../core/store/index.ts';
import { samplePublishInput } from '../sample-publish-input.ts';

const [file] = process.argv.slice(2);
let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (markReady = resolve));
const registry = createSqliteRegistry(openDatabase(file ?? ''), { _internal: { recordWriter: { workerAfterRecords: 0, onWorkerReady: () => markReady() } } });
registry.publish(samplePublishInput());

const execution = (index: number): ExecutionInput => ({
  name: 'generate-username',
  version: 1,
  eventId: `evt-${index}`,
  input: { type: 'user.joined', person: { firstName: 'John', lastName: 'Smith' } },
  outcome: { kind: 'returned', value: { username: 'jsmith' } },
  logs: [],
  calls: [],
  durationMs: 1,
  caller: 'crash-test',
  dryRun: true,
});

let next = 0;
await registry.recordExecutionDurable(execution(next++)); // written on this thread; starts the worker
await ready;
writeSync(1, 'ready\n');
async function keepWriting(): Promise<void> {
  for (;;) {
    const record = await registry.recordExecutionDurable(execution(next++));
    writeSync(1, `acknowledged ${record.id}\n`);
  }
}
await Promise.all(Array.from({ length: 16 }, keepWriting));
