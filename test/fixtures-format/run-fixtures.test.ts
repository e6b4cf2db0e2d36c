// runFixtures: every test through the SandboxRunner port with its own test-mode host, judged in order.

import { describe, expect, it } from 'vitest';
import { JoineryError } from '../../core/errors.ts';
import { runFixtures, type FixtureTest } from '../../core/fixtures/index.ts';
import type { HostCapabilities, RunRequest, RunResult, SandboxRunner } from '../../core/execution/types.ts';
import { createInProcessRunner } from '../helpers/in-process-context.ts';
import { directoryUser, fixture, joinerInput } from './fixture-builders.ts';

/** A runner whose guest is a host-side function: it sees the request and the host like a sandbox would. */
function scriptedRunner(guest: (request: RunRequest, host: HostCapabilities) => Promise<Partial<RunResult>>) {
  const requests: RunRequest[] = [];
  const runner: SandboxRunner = {
    async run(request, host) {
      requests.push(request);
      return { outcome: { kind: 'returned', value: null }, logs: [], logsDropped: 0, durationMs: 1, ...(await guest(request, host)) };
    },
    describe: async () => ({ ok: false, message: 'not used' }),
    close: async () => {},
  };
  return { runner, requests };
}

function counter(): () => number {
  let tick = 0;
  return () => (tick += 5);
}

describe('runFixtures', () => {
  it('runs each test with its own host, hands the runner bundle, source map, event, limits and the frozen time, and reports', async () => {
    const tests: FixtureTest[] = [
      fixture({ name: 'free', expect: { output: { taken: false } } }),
      fixture({ name: 'taken', directory: { users: [directoryUser('jsmith')] }, expect: { output: { taken: false } } }),
    ];
    const { runner, requests } = scriptedRunner(async (_request, host) => ({
      outcome: { kind: 'returned', value: { taken: await host.isUsernameTaken('jsmith') } },
      logs: [{ level: 'info', message: 'checked', atMs: 0 }],
    }));
    const report = await runFixtures({
      bundle: 'BUNDLE', sourceMap: 'MAP', tests, runner, limits: { wallTimeMs: 100 }, parallel: 1, _internal: { now: counter() },
    });
    expect(requests).toEqual([
      { bundle: 'BUNDLE', sourceMap: 'MAP', event: tests[0]!.input, limits: { wallTimeMs: 100 }, frozenTimeMs: Date.parse('2026-11-20T09:00:00Z') },
      { bundle: 'BUNDLE', sourceMap: 'MAP', event: tests[1]!.input, limits: { wallTimeMs: 100 }, frozenTimeMs: Date.parse('2026-11-20T09:00:00Z') },
    ]);
    expect(report).toEqual({
      passed: 1,
      failed: 1,
      durationMs: 25,
      results: [
        { name: 'free', passed: true, failures: [], outcome: { kind: 'returned', value: { taken: false } }, logs: [expect.anything()], calls: [], durationMs: 5, warnings: [] },
        {
          name: 'taken', passed: false, failures: ['output.taken: expected false, got true'],
          outcome: { kind: 'returned', value: { taken: true } }, logs: [expect.anything()], calls: [], durationMs: 5, warnings: [],
        },
      ],
    });
  });

  it('records the calls a test made, unexpected ones included, and checks them', async () => {
    const url = 'https://graph.microsoft.com/v1.0/users';
    const { runner } = scriptedRunner(async (_request, host) => {
      await host.fetch({ method: 'GET', url, headers: {} });
      const error = await host.fetch({ method: 'GET', url, headers: {} }).catch((rejection: Error) => rejection.message);
      return { outcome: { kind: 'threw', message: String(error) } };
    });
    const test = fixture({ http: [{ request: { method: 'GET', url }, response: { status: 200 } }], expect: { calls: [{ method: 'GET', url }] } });
    const [result] = (await runFixtures({ bundle: '', tests: [test], runner })).results;
    expect(result?.calls).toHaveLength(2);
    expect(result?.failures).toEqual([
      `threw "unexpected request: GET ${url}; the fixture's http list has no unused response for it"`,
      'calls: expected 1, got 2',
      `calls[1]: unexpected GET ${url}`,
    ]);
  });

  it('gives the runner a copy of the input, so a run cannot change the fixture', async () => {
    const { runner } = scriptedRunner(async (request) => {
      (request.event as { person: { lastName: string } }).person.lastName = 'changed';
      return {};
    });
    const test = fixture();
    await runFixtures({ bundle: '', tests: [test], runner });
    expect(test.input).toEqual(joinerInput());
  });

  it('throws SANDBOX_FAILED, naming the test, when the runner itself fails', async () => {
    const { runner } = scriptedRunner(async () => {
      throw new Error('executor process exited');
    });
    const failure = runFixtures({ bundle: '', tests: [fixture({ name: 'first' })], runner });
    await expect(failure).rejects.toBeInstanceOf(JoineryError);
    await expect(failure).rejects.toMatchObject({ code: 'SANDBOX_FAILED', message: expect.stringContaining('"first": executor process exited') });
  });

  it('runs a real bundle through the in-process runner', async () => {
    const bundle = `var __fn = (() => ({ default: { name: 'echo', description: '', trigger: 'manual', egress: [], secrets: ['TOKEN'],
      async run(event, ctx) { console.log('hello'); return { last: event.person.lastName, token: (await ctx.secrets.get('TOKEN')).startsWith('joinery-secret-') }; } } }))();
      globalThis.__handler = __fn.default; void 0;`;
    const tests = [fixture({ secrets: { TOKEN: 'abcd' }, expect: { output: { last: 'Smith', token: true }, outputExclude: ['abcd'], logsExclude: ['abcd'] } })];
    const report = await runFixtures({ bundle, tests, runner: createInProcessRunner() });
    expect(report.results[0]).toMatchObject({ passed: true, logs: [{ level: 'info', message: 'hello' }] });
  });
});

describe('runFixtures in parallel', () => {
  it('keeps file order in the report when later tests finish first', async () => {
    const delays: Record<string, number> = { slow: 30, fast: 1, middle: 10 };
    const tests = Object.keys(delays).map((name) => fixture({ name, input: { ...joinerInput(), id: name } }));
    let inFlight = 0;
    let most = 0;
    const { runner } = scriptedRunner(async (request) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, delays[(request.event as { id: string }).id] ?? 0));
      inFlight--;
      return {};
    });
    const report = await runFixtures({ bundle: '', tests, runner, parallel: 2 });
    expect(report.results.map((result) => result.name)).toEqual(['slow', 'fast', 'middle']);
    expect(most).toBe(2);
  });
});
