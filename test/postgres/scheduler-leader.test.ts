// Leader election for the scheduler on Postgres: of two nodes' schedule stores on one database, one leads
// (fireDueSchedules fires only there); when its connection ends, the other takes over on its next tick.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fireDueSchedules, createPostgresScheduleStore } from '../../core/schedules/index.ts';
import { openSyncConnection, type SyncSql } from '../../core/postgres/index.ts';
import { createTestDatabase, postgresAvailable } from './test-database.ts';

describe.skipIf(!postgresAvailable())('scheduler leader election on Postgres', () => {
  let database: { url: string; drop(): void };
  let connections: SyncSql[];
  beforeEach(() => {
    database = createTestDatabase();
    connections = [openSyncConnection({ connectionString: database.url }), openSyncConnection({ connectionString: database.url })];
  });
  afterEach(() => {
    for (const connection of connections) connection.close();
    database.drop();
  });

  it('fires from one node only, and from the other once the leader is gone', async () => {
    const [first, second] = connections.map((connection) => createPostgresScheduleStore(connection));
    if (first === undefined || second === undefined) throw new Error('two stores expected');
    const start = Date.parse('2026-12-01T09:00:00Z');
    first.set({ name: 'every-minute', cron: '* * * * *', target: { kind: 'function', name: 'sweep' }, at: start });
    const enqueued: string[] = [];
    const queue = {
      enqueue: async ({ id }: { id: string }) => {
        enqueued.push(id);
        return { id, created: true };
      },
    };

    expect(await fireDueSchedules({ schedules: first, queue, now: start + 60_000 })).toHaveLength(1);
    expect(await fireDueSchedules({ schedules: second, queue, now: start + 120_000 })).toEqual([]);
    expect(second.tryLead?.()).toBe(false);

    connections[0]?.close();
    expect(second.tryLead?.()).toBe(true);
    expect(await fireDueSchedules({ schedules: second, queue, now: start + 120_000 })).toEqual(['schedule:every-minute:2026-12-01T09:02:00.000Z']);
    expect(enqueued).toEqual(['schedule:every-minute:2026-12-01T09:01:00.000Z', 'schedule:every-minute:2026-12-01T09:02:00.000Z']);
  });
});
