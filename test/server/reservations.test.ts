// joinery serve and the reservation ledger: names a step reserved become a provisioned user when the event
// is done and are freed when it is dead; the attempt reaches the run; opted-in hosts get an Idempotency-Key.

import { afterEach, describe, expect, it } from 'vitest';
import type { HostCapabilities, RunOutcome } from '../../core/execution/types.ts';
import { joinerEvent, startHarness, type Harness } from './harness.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** The username template's loop: jsmith, jsmith1, ... until a reservation is this event's. */
async function chooseUsername(_event: Record<string, unknown>, _attempt: number, host: HostCapabilities): Promise<RunOutcome> {
  for (let number = 0; number < 100; number += 1) {
    const candidate = `jsmith${number === 0 ? '' : number}`;
    if (await host.reserveUsername(candidate)) return { kind: 'returned', value: { username: candidate } };
  }
  return { kind: 'threw', message: 'no free username' };
}

async function submit(current: Harness, id: string, overrides: Record<string, unknown> = {}) {
  const response = await current.request('POST', '/v1/events', { token: current.token('source'), body: joinerEvent(id, overrides) });
  expect(response.status).toBe(202);
}

describe('joinery serve: reservations', () => {
  it('gives 12 John Smiths on 4 workers 12 different usernames, each a provisioned directory user', async () => {
    harness = await startHarness({ functions: [{ name: 'make-username', behaviour: chooseUsername }], workers: 4 });
    const ids = Array.from({ length: 12 }, (_, index) => `evt-${index}`);
    for (const [index, id] of ids.entries()) await submit(harness, id, { person: { ...joinerEvent(id).person, employeeId: `E${index}` } });
    const done = await Promise.all(ids.map((id) => harness?.waitForStatus(id, ['done', 'dead', 'failed'])));
    const usernames = done.map((event) => event.results['make-username'].output.username);
    expect(done.every((event) => event.status === 'done')).toBe(true);
    expect(new Set(usernames).size).toBe(12);
    const users = harness.directory.listUsers();
    expect(users.map((user) => user.username).sort()).toEqual([...usernames].sort());
    expect(users.every((user) => user.status === 'provisioned' && user.displayName === 'John Smith')).toBe(true);
    expect(users.find((user) => user.id === 'E0')?.department).toBe('Engineering');
    for (const id of ids) expect(await harness.ledger.reservationsOf(id)).toEqual([]);
  });

  it('frees the names of an event that ends dead, and keeps them across its retries', async () => {
    const seen: boolean[] = [];
    harness = await startHarness({
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
      functions: [
        {
          name: 'make-username',
          behaviour: async (event, attempt, host) => {
            if (event.id !== 'evt-doomed') return chooseUsername(event, attempt, host);
            seen.push(await host.reserveUsername('jsmith'));
            return { kind: 'threw', message: `attempt ${await host.attempt()} failed` };
          },
        },
      ],
    });
    await submit(harness, 'evt-doomed');
    const dead = await harness.waitForStatus('evt-doomed', ['dead', 'done', 'failed']);
    expect(dead).toMatchObject({ status: 'dead', lastError: 'make-username: threw: attempt 2 failed' });
    expect(seen).toEqual([true, true]);
    expect(await harness.ledger.reservationsOf('evt-doomed')).toEqual([]);
    await submit(harness, 'evt-next');
    expect((await harness.waitForStatus('evt-next', ['done'])).results['make-username'].output).toEqual({ username: 'jsmith' });
  });

  it('fails an attempt whose commit of the reserved names fails, with the reason, and ends the event dead with it', async () => {
    harness = await startHarness({
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 10 },
      functions: [
        {
          name: 'make-username',
          behaviour: async (event, attempt, host) => {
            const outcome = await chooseUsername(event, attempt, host);
            // The name reaches the directory outside the ledger between the reservation and the commit.
            const user = { id: 'X1', username: 'jsmith', email: '', displayName: '', employeeId: '', department: '', status: 'active' as const, groups: [] };
            harness?.directory.importUsers([user]);
            return outcome;
          },
        },
      ],
    });
    await submit(harness, 'evt-clash');
    const dead = await harness.waitForStatus('evt-clash', ['dead', 'done', 'failed']);
    expect(dead.status).toBe('dead');
    expect(dead.lastError).toMatch(/^committing the reserved names: .*UNIQUE constraint failed/);
    expect(await harness.ledger.reservationsOf('evt-clash')).toEqual([]);
    expect(harness.logLines().filter((line) => line.step === 'committing the reserved names')).toHaveLength(2);
  });

  it('adds Idempotency-Key <event id>:<function>:<attempt> to requests for opted-in hosts only', async () => {
    harness = await startHarness({
      idempotencyKeyHosts: ['api.example.com'],
      functions: [
        {
          name: 'create-account',
          egress: ['api.example.com', 'other.example.com'],
          behaviour: async (_event, attempt, host) => {
            await host.fetch({ method: 'POST', url: 'https://api.example.com/users', headers: {} });
            await host.fetch({ method: 'POST', url: 'https://other.example.com/users', headers: {} });
            return attempt === 1 ? { kind: 'threw', message: 'try again' } : { kind: 'returned', value: 'ok' };
          },
        },
      ],
    });
    await submit(harness, 'evt-key');
    await harness.waitForStatus('evt-key', ['done']);
    const executions = harness.registry.listExecutions('create-account', { limit: 10 }).reverse();
    const headers = executions.map((execution) => execution.calls.map((call) => call.headers['idempotency-key'] ?? null));
    expect(headers).toEqual([['evt-key:create-account:1', null], ['evt-key:create-account:2', null]]);
  });
});
