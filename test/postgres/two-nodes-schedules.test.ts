// A cron trigger fires once across two `joinery serve` nodes on one Postgres database: both schedulers tick
// every 15 s, only the node holding the scheduler's advisory lock fires (its log says so; the other's never
// does, whoever ticks first after a schedule comes due), and when that node is killed (kill -9) the
// survivor takes the lock and fires what comes due next. Each fire time is one event and one log line.

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServe, type ServeProcess } from '../../bench/serve-load/serve-process.ts';
import { SCHEDULER_LOCK_KEY } from '../../core/postgres/index.ts';
import { createPostgresScheduleStore } from '../../core/schedules/index.ts';
import { useServeNodes } from './serve-nodes-fixture.ts';
import { postgresAvailable } from './test-database.ts';

const MINUTE = 60_000;

/** The schedule event ids a node's log says it fired. */
function firedBy(node: ServeProcess): string[] {
  return node
    .logs()
    .map((line) => JSON.parse(line) as { msg?: string; fired?: string[] })
    .filter((entry) => entry.msg === 'schedules fired')
    .flatMap((entry) => entry.fired ?? []);
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!postgresAvailable())('a schedule on two serve nodes', () => {
  const fixture = useServeNodes('joinery-two-nodes-schedules-');
  const { nodes } = fixture;

  it('fires each due schedule from the leader only, and from the survivor once the leader is killed', async () => {
    const { database, postgres, home } = fixture;
    const sql = postgres.sync;
    const schedules = createPostgresScheduleStore(sql);
    // Created three minutes ago, a schedule is due at the next scheduler tick (every 15 s on each node).
    const addDue = (name: string) => schedules.set({ name, cron: '* * * * *', target: { kind: 'function', name: 'sweep' }, at: Date.now() - 3 * MINUTE });
    const firedOnce = (node: ServeProcess, name: string) => firedBy(node).find((id) => id.startsWith(`schedule:${name}:`));
    addDue('at-start');
    const secretKey = randomBytes(32).toString('hex');
    const start = (node: string) => {
      const nodeHome = join(home, node);
      mkdirSync(nodeHome, { mode: 0o700 });
      writeFileSync(join(nodeHome, 'config.json'), '{}');
      return startServe({ home: nodeHome, workers: 1, leaseSeconds: 5, databaseUrl: database.url, env: { JOINERY_SECRET_KEY: secretKey }, captureLogs: true });
    };
    const both = await Promise.all([start('node-1'), start('node-2')]);
    nodes.push(...both);
    // pg_locks lists the whole cluster: this test's database only, not the other Postgres tests' nodes.
    const lockHolders = () =>
      Number(sql.query<{ n: number }>(
        `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [Math.floor(SCHEDULER_LOCK_KEY / 2 ** 32), SCHEDULER_LOCK_KEY % 2 ** 32],
      ).rows[0]?.n);

    const leader = await until('the first fire', () => both.find((node) => firedOnce(node, 'at-start')));
    const survivor = both.find((node) => node !== leader);
    expect(lockHolders()).toBe(1);
    // Two more schedules come due while both nodes tick: whichever node ticks first, the leader fires them.
    for (const name of ['while-both-1', 'while-both-2']) {
      addDue(name);
      await until(`${name} to fire`, () => both.find((node) => firedOnce(node, name)));
    }
    expect(survivor && firedBy(survivor)).toEqual([]);

    await leader.stop('SIGKILL');
    addDue('after-kill');
    if (survivor === undefined) throw new Error('two nodes expected');
    await until('the survivor to fire', () => firedOnce(survivor, 'after-kill'));
    expect(lockHolders()).toBe(1);

    const events = () => sql.query<{ id: string }>("SELECT id FROM events WHERE type = 'schedule' ORDER BY id").rows.map((row) => row.id);
    const fired = () => [...firedBy(leader), ...firedBy(survivor)];
    await until('every queued fire to be logged', () => (events().every((id) => fired().includes(id)) ? true : undefined), 10_000);
    expect(new Set(fired()).size).toBe(fired().length);
    expect([...fired()].sort()).toEqual(events());
  }, 240_000);
});
