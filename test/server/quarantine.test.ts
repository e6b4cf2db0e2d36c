// Blast-radius guards in joinery serve: a function failing on every event is quarantined after the
// failure-share threshold and its events are held, not dropped; resume replays them. Rate limits and the
// leaver guard hold events the same way.

import { afterEach, describe, expect, it } from 'vitest';
import { resumeTarget } from '../../core/guards/index.ts';
import { joinerEvent, returns, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function submit(current: Harness, id: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const response = await current.request('POST', '/v1/events', { token: current.token('source'), body: joinerEvent(id, overrides) });
  expect(response.status).toBe(202);
}

const resume = (current: Harness, name: string) =>
  resumeTarget({ name, actor: 'olivia', store: current.guards, queue: current.queue, audit: (entry) => current.registry.recordAudit(entry) });

describe('joinery serve: blast-radius guards', () => {
  it('quarantines a function failing on every event after the threshold, holds its events, and resume replays them', async () => {
    let fixed = false;
    const current = (harness = await startHarness({
      workers: 1,
      guardLimits: { minRunsForFailureShare: 3, maxFailureShare: 0.5 },
      functions: [{ name: 'provision-mailbox', behaviour: () => (fixed ? { kind: 'returned', value: 'ok' } : { kind: 'threw', message: 'mail API down' }) }],
    }));
    const ids = ['evt-1', 'evt-2', 'evt-3', 'evt-4', 'evt-5'];
    for (const id of ids) await submit(current, id);
    for (const id of ids) expect(await current.waitForStatus(id, ['held', 'dead', 'failed', 'done'])).toMatchObject({ status: 'held', lastError: expect.stringContaining('function:provision-mailbox is quarantined: failure share: 3 of the last 3 runs failed') });
    expect(current.runs.get('provision-mailbox')).toBe(3);
    expect(current.guards.getQuarantine('function:provision-mailbox')?.heldEvents.sort()).toEqual(ids);
    expect(current.registry.listAudit({ actor: 'system' }).map((entry) => [entry.action, entry.target])).toEqual([['quarantine', 'function:provision-mailbox']]);

    fixed = true;
    expect((await resume(current, 'provision-mailbox')).replayed.sort()).toEqual(ids);
    for (const id of ids) expect(await current.waitForStatus(id, ['done', 'held', 'dead', 'failed'])).toMatchObject({ status: 'done' });
    expect(current.runs.get('provision-mailbox')).toBe(8);
    expect(current.guards.getQuarantine('function:provision-mailbox')).toBeUndefined();
    expect(current.registry.listAudit({ actor: 'olivia' })[0]).toMatchObject({ action: 'resume', target: 'function:provision-mailbox', allowed: true });
    await expect(resume(current, 'provision-mailbox')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('holds the event that would pass the runs-per-minute limit, keeping the results of the units that ran', async () => {
    const current = (harness = await startHarness({
      workers: 1,
      guardLimits: { runsPerMinute: 2 },
      functions: [{ name: 'a-often', behaviour: returns('a') }, { name: 'b-once', trigger: 'user.moved', behaviour: returns('b') }],
      flows: [{ name: 'onboarding', trigger: 'user.joined', steps: [{ function: 'a-often' }] }],
    }));
    for (const id of ['evt-1', 'evt-2']) {
      await submit(current, id);
      await current.waitForStatus(id, ['done']);
    }
    await submit(current, 'evt-3');
    expect(await current.waitForStatus('evt-3', ['held', 'done'])).toMatchObject({ status: 'held', lastError: 'flow:onboarding is quarantined: rate limit: 2 runs in the last minute (limit 2)' });
    expect(current.runs.get('a-often')).toBe(2);
  });

  it('holds leaver runs past the hourly leaver limit for an operator to approve with resume', async () => {
    const current = (harness = await startHarness({ workers: 1, guardLimits: { leaverRunsPerHour: 1 }, functions: [{ name: 'disable-account', trigger: 'user.left', behaviour: returns('disabled') }] }));
    await submit(current, 'evt-left-1', { type: 'user.left' });
    await current.waitForStatus('evt-left-1', ['done']);
    await submit(current, 'evt-left-2', { type: 'user.left' });
    expect((await current.waitForStatus('evt-left-2', ['held', 'done'])).lastError).toContain("leaver guard: 1 user.left runs in the last hour (limit 1); held for an operator's approval");
    await resume(current, 'disable-account');
    expect(await current.waitForStatus('evt-left-2', ['done', 'held'])).toMatchObject({ status: 'done' });
    expect(current.runs.get('disable-account')).toBe(2);
  });
});
