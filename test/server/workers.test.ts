// The workers of `joinery serve`: which functions run, retries with backoff, the dead letter, final
// failures, and a graceful stop that finishes or gives back running events.

import { afterEach, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../core/execution/types.ts';
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

const threw = (message: string): RunOutcome => ({ kind: 'threw', message });

describe('joinery serve: workers', () => {
  it('runs every approved, active function whose trigger is the event type, and logs each run', async () => {
    harness = await startHarness({
      functions: [
        { name: 'make-username', behaviour: returns({ username: 'jsmith' }) },
        { name: 'order-laptop', behaviour: returns({ ticket: 'T-1' }) },
        { name: 'disable-account', trigger: 'user.left', behaviour: returns('disabled') },
        { name: 'not-yet-reviewed', approved: false, behaviour: returns('never') },
      ],
    });
    await submit(harness, 'evt-1');
    const done = await harness.waitForStatus('evt-1', ['done', 'dead', 'failed']);
    expect(Object.keys(done.results).sort()).toEqual(['make-username', 'order-laptop']);
    expect(harness.runs.get('disable-account')).toBeUndefined();
    expect(harness.runs.get('not-yet-reviewed')).toBeUndefined();
    const executions = harness.registry.listExecutions('make-username', { limit: 10 });
    expect(executions).toHaveLength(1);
    expect(executions[0]).toMatchObject({ eventId: 'evt-1', caller: expect.stringMatching(/^serve:source-/), dryRun: true });
  });

  it('completes an event no function subscribes to, with no results', async () => {
    harness = await startHarness({ functions: [{ name: 'make-username', behaviour: returns('x') }] });
    await submit(harness, 'evt-left', { type: 'user.left' });
    expect(await harness.waitForStatus('evt-left', ['done'])).toMatchObject({ results: {}, attempts: 1 });
  });

  it('retries threw, timed-out and crashed with backoff, without re-running a step that already returned', async () => {
    const flaky = (event: Record<string, unknown>, attempt: number): RunOutcome =>
      attempt === 1 ? threw('directory unavailable') : attempt === 2 ? { kind: 'timed-out', limit: 'wall', limitMs: 5_000 } : { kind: 'returned', value: { ok: event.id } };
    harness = await startHarness({ functions: [{ name: 'a-steady', behaviour: returns('steady') }, { name: 'b-flaky', behaviour: flaky }] });
    await submit(harness, 'evt-1');
    const done = await harness.waitForStatus('evt-1', ['done', 'dead', 'failed']);
    expect(done).toMatchObject({ status: 'done', attempts: 3, results: { 'a-steady': { outcome: 'returned', attempt: 1 }, 'b-flaky': { outcome: 'returned', output: { ok: 'evt-1' }, attempt: 3 } } });
    expect(harness.runs.get('a-steady')).toBe(1);
    expect(harness.runs.get('b-flaky')).toBe(3);
  });

  it('sends an event that keeps failing to the dead letter after the attempt limit, with the last error', async () => {
    harness = await startHarness({ functions: [{ name: 'always-throws', behaviour: () => ({ kind: 'crashed', message: 'executor died' }) }] });
    await submit(harness, 'evt-dead');
    const dead = await harness.waitForStatus('evt-dead', ['dead', 'failed', 'done']);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, lastError: 'always-throws: crashed: executor died', results: { 'always-throws': { outcome: 'crashed', error: 'executor died' } } });
    expect(harness.runs.get('always-throws')).toBe(3);

    expect(await harness.queue.replay('evt-dead')).toBe(true);
    await harness.waitForStatus('evt-dead', ['dead']);
    expect(harness.runs.get('always-throws')).toBe(6);
  });

  it('fails at once, without retrying, when a run ran out of memory', async () => {
    harness = await startHarness({ functions: [{ name: 'hungry', behaviour: () => ({ kind: 'out-of-memory', memoryLimitMb: 64 }) }] });
    await submit(harness, 'evt-oom');
    expect(await harness.waitForStatus('evt-oom', ['failed', 'dead', 'done'])).toMatchObject({ status: 'failed', attempts: 1, lastError: 'hungry: out-of-memory: exceeded 64 MB' });
    expect(harness.runs.get('hungry')).toBe(1);
  });

  it('on stop, lets a running event finish within the deadline', async () => {
    let finish: () => void = () => {};
    const slow = () => new Promise<RunOutcome>((resolve) => (finish = () => resolve({ kind: 'returned', value: 'late' })));
    const current = (harness = await startHarness({ functions: [{ name: 'slow', behaviour: slow }] }));
    await submit(current, 'evt-slow');
    await current.waitForStatus('evt-slow', ['running']);
    await waitUntil(() => current.runs.get('slow') === 1);
    const stopping = current.server.stop({ deadlineMs: 10_000 });
    finish();
    expect(await stopping).toEqual({ finished: true, released: 0 });
    expect(await current.queue.get('evt-slow')).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('on stop, gives back an event still running at the deadline without using up its attempt', async () => {
    const current = (harness = await startHarness({ functions: [{ name: 'stuck', behaviour: () => new Promise<RunOutcome>(() => {}) }] }));
    await submit(current, 'evt-stuck');
    await waitUntil(() => current.runs.get('stuck') === 1);
    expect(await current.server.stop({ deadlineMs: 50 })).toEqual({ finished: false, released: 1 });
    expect(await current.queue.get('evt-stuck')).toMatchObject({ status: 'queued', attempts: 0 });
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 1_000 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition never held');
}
