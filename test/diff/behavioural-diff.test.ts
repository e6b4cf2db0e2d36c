// diffBehaviour with a fake runner (each "bundle" names a plain function of the event and the host):
// changed outputs and calls are listed by person and path, unchanged cases are not, recorded events are
// deduplicated and bounded, the time limit stops new cases, and a failing runner is a result.

import { describe, expect, it } from 'vitest';
import { diffBehaviour } from '../../core/diff/index.ts';
import type { HostCapabilities, RunOutcome, SandboxRunner } from '../../core/execution/types.ts';
import type { VersionRecord } from '../../core/registry/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

type JoinerEvent = { person: { firstName: string; lastName: string } };
type Behaviour = (event: JoinerEvent, host: HostCapabilities) => Promise<RunOutcome>;

function fakeRunner(behaviours: Record<string, Behaviour>): SandboxRunner & { runs: number } {
  const runner = {
    runs: 0,
    async run(request: { bundle: string; event: unknown }, host: HostCapabilities) {
      runner.runs++;
      const behaviour = behaviours[request.bundle];
      if (!behaviour) throw new Error(`the executor died running ${request.bundle}`);
      return {
        outcome: await behaviour(request.event as JoinerEvent, host),
        logs: [],
        logsDropped: 0,
        durationMs: 1,
      };
    },
    async describe() {
      return { ok: false as const, message: 'unused' };
    },
    async close() {},
  };
  return runner;
}

function version(number: number, bundle: string, fixtures: unknown[] = []): VersionRecord {
  const input = samplePublishInput({ bundle, fixtures });
  return {
    ...input,
    version: number,
    sha256: 'x',
    parentVersion: null,
    createdAt: '2026-01-01T00:00:00Z',
    status: 'approved',
    spec: null,
    requestedBy: null,
    actorSource: null,
    requirement: null,
    conversationId: null,
  };
}

const person = (firstName: string, lastName: string) => ({
  type: 'user.joined',
  id: `evt-${firstName}`,
  occurredAt: '2026-11-20T09:00:00Z',
  person: {
    employeeId: 'E1',
    firstName,
    lastName,
    department: 'R&D',
    employmentType: 'employee',
    startDate: '2026-12-01',
  },
});
const fixture = (firstName: string, lastName: string) => ({
  name: `${firstName} ${lastName}`,
  input: person(firstName, lastName),
});
const spell =
  (map: Record<string, string>): Behaviour =>
  async (event) => ({
    kind: 'returned',
    value: {
      username: (event.person.firstName[0] + event.person.lastName).toLowerCase().replace(/ø/g, map.ø ?? 'ø'),
    },
  });

describe('diffBehaviour', () => {
  it('lists each case whose output changed, by person and path, and leaves the others out', async () => {
    const runner = fakeRunner({
      old: spell({ ø: 'oe' }),
      new: spell({ ø: 'o' }),
    });
    const fixtures = [fixture('Søren', 'Ødegård'), fixture('John', 'Smith')];
    const diff = await diffBehaviour({
      active: version(1, 'old', fixtures),
      candidate: version(2, 'new', fixtures),
      runner,
    });
    expect(diff).toMatchObject({
      from: 1,
      to: 2,
      compared: 2,
      fixtures: 2,
      events: 0,
      skipped: 0,
      timedOut: false,
    });
    expect(diff.changed).toEqual([
      {
        label: 'Søren Ødegård',
        source: 'fixture',
        changes: [
          {
            path: 'output.username',
            before: '"soedegård"',
            after: '"sodegård"',
          },
        ],
      },
    ]);
  });

  it('compares outgoing calls and errors as well as outputs', async () => {
    const calling =
      (host: string): Behaviour =>
      async (_event, capabilities) => {
        await capabilities.fetch({
          method: 'POST',
          url: `https://${host}/users`,
          headers: {},
          body: '{"a":1}',
        });
        return { kind: 'returned', value: null };
      };
    const runner = fakeRunner({
      old: calling('api.example.com'),
      new: calling('evil.example.net'),
      throws: async () => ({ kind: 'threw', message: 'boom' }),
    });
    const events = [person('Ada', 'Lovelace')];
    const calls = await diffBehaviour({
      active: version(1, 'old'),
      candidate: version(2, 'new'),
      runner,
      recordedEvents: events,
    });
    expect(calls.changed[0]?.changes).toEqual([
      {
        path: 'calls[0].request',
        before: '"POST https://api.example.com/users"',
        after: '"POST https://evil.example.net/users"',
      },
    ]);
    const errors = await diffBehaviour({
      active: version(1, 'old'),
      candidate: version(2, 'throws'),
      runner,
      recordedEvents: events,
    });
    expect(errors.changed[0]?.changes.map((change) => change.path)).toEqual(['output', 'calls[0].request', 'calls[0].body.a', 'error', 'calls']);
  });

  it('replays each distinct recorded event once, at most maxEvents, against the read-only directory', async () => {
    const reserving: Behaviour = async (event, host) => ({
      kind: 'returned',
      value: {
        free: await host.reserveUsername(String(event.person.lastName).toLowerCase()),
      },
    });
    const runner = fakeRunner({
      old: reserving,
      new: async () => ({ kind: 'returned', value: { free: true } }),
    });
    const events = [person('Ada', 'Taken'), person('Ada', 'Taken'), person('Bo', 'Free'), 'not an object', person('Cy', 'Late')];
    const directory = {
      isUsernameTaken: (username: string) => username === 'taken',
      findUsers: () => [],
    };
    const diff = await diffBehaviour({
      active: version(1, 'old'),
      candidate: version(2, 'new'),
      runner,
      recordedEvents: events,
      directory,
      maxEvents: 2,
    });
    expect(diff).toMatchObject({ compared: 2, events: 2 });
    expect(runner.runs).toBe(4);
    expect(diff.changed).toEqual([
      {
        label: 'Ada Taken',
        source: 'event',
        changes: [{ path: 'output.free', before: 'false', after: 'true' }],
      },
    ]);
  });

  it('starts no case after the time limit, and says so', async () => {
    let clock = 0;
    const runner = fakeRunner({
      old: async () => {
        clock += 600;
        return { kind: 'returned', value: 1 };
      },
      new: async () => ({ kind: 'returned', value: 1 }),
    });
    const events = Array.from({ length: 10 }, (_, index) => person(`P${index}`, 'X'));
    const diff = await diffBehaviour({
      active: version(1, 'old'),
      candidate: version(2, 'new'),
      runner,
      recordedEvents: events,
      timeLimitMs: 1_000,
      parallel: 1,
      _internal: { now: () => clock },
    });
    expect(diff).toMatchObject({ compared: 2, timedOut: true, skipped: 8 });
  });

  it('turns a runner failure into a changed case, and skips fixtures that no longer parse', async () => {
    const runner = fakeRunner({
      old: async () => ({ kind: 'returned', value: 1 }),
    });
    const diff = await diffBehaviour({
      active: version(1, 'old', [{ name: 'broken', input: 'nope' }]),
      candidate: version(2, 'gone'),
      runner,
      recordedEvents: [person('Ada', 'L')],
    });
    expect(diff.skipped).toBe(1);
    expect(diff.changed[0]?.changes[0]).toEqual({
      path: 'output',
      before: '1',
    });
    expect(diff.changed[0]?.changes[1]).toEqual({
      path: 'error',
      after: JSON.stringify('the executor died running gone'),
    });
  });
});
