// Fixture runs in the real sandbox: the clock stands at the event's occurredAt, and warnings (no expect, an
// event type the function never gets, a response never used, an unreadable occurredAt) never fail a test.

import { afterAll, describe, expect, it } from 'vitest';
import { runFixtures, type FixtureTest } from '../../core/fixtures/index.ts';
import type { FunctionManifest } from '../../core/execution/types.ts';
import { createInProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from '../sandbox/helpers/bundle-function.ts';
import { fixture, joinerInput } from './fixture-builders.ts';

const runner = createInProcessRunner();
afterAll(() => runner.close());

const URL = 'https://api.example.com/people';
const manifest = (trigger: FunctionManifest['trigger']): FunctionManifest => ({
  name: 'test-function',
  description: '',
  trigger,
  egress: ['api.example.com'],
  secrets: [],
});

async function run(body: string, tests: FixtureTest[], trigger: FunctionManifest['trigger'] = 'user.joined') {
  const bundled = await bundleFunction(functionSource({ run: body, egress: ['api.example.com'] }));
  return runFixtures({ ...bundled, tests, runner, manifest: manifest(trigger) });
}

describe('the clock in fixture runs', () => {
  it('stands at the event occurredAt: a rule about "today" gives the same answer on every run', async () => {
    const today = `const now = new Date();
      const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(now);
      return { now: now.toISOString(), ms: Date.now(), berlin };`;
    const summer = { ...joinerInput(), occurredAt: '2026-07-01T07:00:00Z' };
    const winter = { ...joinerInput(), occurredAt: '2026-01-15T08:00:00.000Z' };
    const report = await run(today, [
      fixture({ name: 'summer', input: summer, expect: { output: { now: '2026-07-01T07:00:00.000Z', ms: Date.parse(summer.occurredAt), berlin: '09:00' } } }),
      fixture({ name: 'winter', input: winter, expect: { output: { now: '2026-01-15T08:00:00.000Z', berlin: '09:00' } } }),
    ]);
    expect(report.results.map((result) => [result.name, result.failures, result.warnings])).toEqual([
      ['summer', [], []],
      ['winter', [], []],
    ]);
  });

  it('reads the real clock, with a warning, when occurredAt is not a time', async () => {
    const before = Date.now();
    const report = await run('return { ms: Date.now() };', [fixture({ input: { ...joinerInput(), occurredAt: 'yesterday' }, expect: { output: {} } })]);
    const [result] = report.results;
    expect(result?.passed).toBe(true);
    const outcome = result?.outcome;
    expect(outcome?.kind === 'returned' ? (outcome.value as { ms: number }).ms : 0).toBeGreaterThanOrEqual(before);
    expect(result?.warnings).toEqual(['input.occurredAt "yesterday" is not an ISO 8601 instant: the clock is not frozen for this test']);
  });
});

describe('warnings', () => {
  const respond = { request: { method: 'GET', url: URL }, response: { status: 200, body: { ok: true } } };

  it('warns about a test without expect, an event type that is not the trigger, and a response never used, and passes', async () => {
    const report = await run('return { ok: true };', [
      fixture({ name: 'nothing expected' }),
      fixture({ name: 'empty expect', expect: {} }),
      fixture({ name: 'a leaver for a joiner rule', input: { ...joinerInput(), type: 'user.left' }, expect: { output: { ok: true } } }),
      fixture({ name: 'a manual run is fine', input: { ...joinerInput(), type: 'manual' }, expect: { output: { ok: true } } }),
      fixture({ name: 'unused mock', http: [respond], expect: { output: { ok: true } } }),
    ]);
    expect(report).toMatchObject({ passed: 5, failed: 0 });
    expect(report.results.map((result) => result.warnings)).toEqual([
      ['no expect: this test passes whenever the function returns; add expect.output, expect.error or expect.calls'],
      ['no expect: this test passes whenever the function returns; add expect.output, expect.error or expect.calls'],
      ['input.type is "user.left" but the function\'s trigger is "user.joined": joinery serve never sends it such an event'],
      [],
      [`http[0] (GET ${URL}) was never requested: the function did not make this call, or made it to another URL`],
    ]);
  });

  it('names only the responses left over, and none for a manual function', async () => {
    const fetchOnce = `await ctx.http.fetch('${URL}'); return { ok: true };`;
    const used = await run(fetchOnce, [fixture({ http: [respond, { ...respond, request: { method: 'POST', url: URL } }], expect: { output: { ok: true } } })]);
    expect(used.results[0]?.warnings).toEqual([`http[1] (POST ${URL}) was never requested: the function did not make this call, or made it to another URL`]);
    const mover = fixture({ input: { ...joinerInput(), type: 'user.moved' }, expect: { output: { ok: true } } });
    const manual = await run('return { ok: true };', [mover], 'manual');
    expect(manual.results[0]?.warnings).toEqual([]);
  });
});
