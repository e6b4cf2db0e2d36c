// Flows in joinery serve: steps run in order, each seeing the event and the earlier outputs, conditions
// skip steps, a failing step retries the event from that step, and functions in no flow run on their own.

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

const onboarding = {
  name: 'onboarding',
  trigger: 'user.joined',
  steps: [
    { function: 'make-username' },
    { function: 'grant-vpn', condition: { not: { path: 'person.employmentType', equals: 'contractor' } } },
    { function: 'send-welcome', condition: { path: 'steps.make-username.username', exists: true } },
  ],
};

describe('joinery serve: flows', () => {
  it('runs the steps in order, hands each the earlier outputs, skips a step whose condition is false, and runs lone functions too', async () => {
    const current = (harness = await startHarness({
      functions: [
        { name: 'make-username', behaviour: returns({ username: 'jsmith' }) },
        { name: 'grant-vpn', behaviour: returns({ vpn: true }) },
        { name: 'send-welcome', behaviour: (event) => ({ kind: 'returned', value: { to: (event.steps as any)['make-username'].username } }) },
        { name: 'order-laptop', behaviour: returns({ ticket: 'T-1' }) },
      ],
      flows: [onboarding],
    }));
    await submit(current, 'evt-contractor', { person: { ...joinerEvent('x').person, employmentType: 'contractor' } });
    const done = await current.waitForStatus('evt-contractor', ['done', 'dead', 'failed']);
    expect(done.results).toEqual({
      'onboarding/make-username': { outcome: 'returned', output: { username: 'jsmith' }, attempt: 1 },
      'onboarding/grant-vpn': { outcome: 'skipped', attempt: 1 },
      'onboarding/send-welcome': { outcome: 'returned', output: { to: 'jsmith' }, attempt: 1 },
      'order-laptop': { outcome: 'returned', output: { ticket: 'T-1' }, attempt: 1 },
    });
    expect(current.inputs.get('make-username')?.[0]?.steps).toEqual({});
    expect(current.inputs.get('send-welcome')?.[0]).toMatchObject({ id: 'evt-contractor', steps: { 'make-username': { username: 'jsmith' } } });
    expect(current.inputs.get('order-laptop')?.[0]).not.toHaveProperty('steps');
    expect(current.runs.get('grant-vpn')).toBeUndefined();

    await submit(current, 'evt-employee');
    expect((await current.waitForStatus('evt-employee', ['done'])).results['onboarding/grant-vpn']).toMatchObject({ outcome: 'returned' });
  });

  it('retries a failing step without re-running the steps that returned, and stops the flow at the failure', async () => {
    const flaky = (_event: Record<string, unknown>, attempt: number): RunOutcome => (attempt === 1 ? { kind: 'threw', message: 'VPN API down' } : { kind: 'returned', value: { vpn: true } });
    const current = (harness = await startHarness({
      functions: [
        { name: 'make-username', behaviour: returns({ username: 'jsmith' }) },
        { name: 'grant-vpn', behaviour: flaky },
        { name: 'send-welcome', behaviour: returns('sent') },
      ],
      flows: [onboarding],
    }));
    await submit(current, 'evt-1');
    const done = await current.waitForStatus('evt-1', ['done', 'dead', 'failed']);
    expect(done).toMatchObject({ status: 'done', attempts: 2 });
    expect(done.results['onboarding/make-username'].attempt).toBe(1);
    expect(done.results['onboarding/grant-vpn']).toMatchObject({ outcome: 'returned', attempt: 2 });
    expect([current.runs.get('make-username'), current.runs.get('grant-vpn'), current.runs.get('send-welcome')]).toEqual([1, 2, 1]);
    expect(current.inputs.get('grant-vpn')?.[1]?.steps).toEqual({ 'make-username': { username: 'jsmith' } });
  });

  it('runs a function in a flow pending review on its own, as if the flow did not exist', async () => {
    const current = (harness = await startHarness({ functions: [{ name: 'make-username', behaviour: returns('x') }] }));
    current.flows.publish({ definition: { name: 'pending', trigger: 'user.joined', steps: [{ function: 'make-username' }] }, author: 'alice' });
    await submit(current, 'evt-1');
    expect(Object.keys((await current.waitForStatus('evt-1', ['done'])).results)).toEqual(['make-username']);
  });
});
