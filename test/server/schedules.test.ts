// Schedules in joinery serve, under a pinned clock: a due cron time becomes one synthetic schedule event
// with a deterministic id that runs the schedule's function; after downtime the missed runs run once.

import { afterEach, describe, expect, it } from 'vitest';
import { fireDueSchedules } from '../../core/schedules/index.ts';
import { returns, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('joinery serve: schedules', () => {
  it('fires each due time once, with a deterministic id, and coalesces the runs missed during downtime into one', async () => {
    let clock = Date.parse('2026-12-01T08:59:30Z');
    const current = (harness = await startHarness({ now: () => clock, functions: [{ name: 'access-review', trigger: 'schedule', behaviour: returns('reviewed') }, { name: 'make-username', behaviour: returns('x') }] }));
    current.schedules.set({ name: 'hourly-review', cron: '0 * * * *', target: { kind: 'function', name: 'access-review' }, at: clock });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await current.queue.list()).toEqual([]);

    clock = Date.parse('2026-12-01T09:00:00Z');
    const first = await current.waitForStatus('schedule:hourly-review:2026-12-01T09:00:00.000Z', ['done', 'dead', 'failed']);
    expect(first).toMatchObject({ type: 'schedule', status: 'done', results: { 'access-review': { outcome: 'returned' } } });
    expect(current.inputs.get('access-review')?.[0]).toMatchObject({ type: 'schedule', schedule: { name: 'hourly-review', firedAt: '2026-12-01T09:00:00.000Z', coalesced: 1 } });

    clock = Date.parse('2026-12-01T13:30:00Z');
    const caughtUp = await current.waitForStatus('schedule:hourly-review:2026-12-01T13:00:00.000Z', ['done', 'dead', 'failed']);
    expect(caughtUp.status).toBe('done');
    expect(current.inputs.get('access-review')?.[1]).toMatchObject({ schedule: { coalesced: 4 } });
    expect((await current.queue.list()).map((event) => event.id).sort()).toEqual(['schedule:hourly-review:2026-12-01T09:00:00.000Z', 'schedule:hourly-review:2026-12-01T13:00:00.000Z']);
    expect(current.runs.get('access-review')).toBe(2);
    expect(current.runs.get('make-username')).toBeUndefined();
    expect(await fireDueSchedules({ schedules: current.schedules, queue: current.queue, now: clock })).toEqual([]);
  });

  it('runs a schedule whose flow is active, step by step', async () => {
    let clock = Date.parse('2026-12-01T08:59:00Z');
    const current = (harness = await startHarness({
      now: () => clock,
      functions: [{ name: 'list-stale', trigger: 'schedule', behaviour: returns({ stale: ['u1'] }) }, { name: 'disable-stale', trigger: 'schedule', behaviour: (event) => ({ kind: 'returned', value: (event.steps as any)['list-stale'] }) }],
      flows: [{ name: 'stale-accounts', trigger: 'schedule', steps: [{ function: 'list-stale' }, { function: 'disable-stale' }] }],
    }));
    current.schedules.set({ name: 'daily', cron: '0 9 * * 1-5', target: { kind: 'flow', name: 'stale-accounts' }, at: clock });
    clock = Date.parse('2026-12-01T09:00:00Z');
    const done = await current.waitForStatus('schedule:daily:2026-12-01T09:00:00.000Z', ['done', 'dead', 'failed']);
    expect(done.results['stale-accounts/disable-stale']).toMatchObject({ outcome: 'returned', output: { stale: ['u1'] } });
  });
});
