// The guest's clock: the real one in live runs, frozen at `frozenTimeMs` when a run asks for it (fixture
// runs freeze it at the event's occurredAt), and time zones with full ICU data either way.
import { afterAll, describe, expect, it } from 'vitest';
import { createExecutor, createInProcessRunner } from '../../sandbox/index.ts';
import type { SandboxRunner } from '../../core/execution/types.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const inProcess = createInProcessRunner();
const executor = createExecutor();
afterAll(async () => {
  await inProcess.close();
  await executor.close();
});

const FROZEN_AT = '2026-07-14T09:30:00.000Z';
const READ_CLOCK = `
  const formatted = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' });
  return {
    now: Date.now(),
    constructed: new Date().toISOString(),
    called: typeof Date(),
    calledYear: Date().includes('2026'),
    format: formatted.format(),
    parts: formatted.formatToParts().find((part) => part.type === 'year')?.value,
    explicit: new Date(0).toISOString(),
    fromParts: new Date(2020, 0, 2).getFullYear(),
    utc: Date.UTC(2020, 0, 1),
    parsed: Date.parse('2020-01-01T00:00:00Z'),
    isDate: new Date() instanceof Date && Object.prototype.toString.call(new Date()) === '[object Date]',
    constructorName: new Date().constructor === Date,
  };`;

async function run(runner: SandboxRunner, body: string, frozenTimeMs?: number): Promise<Record<string, unknown>> {
  const bundled = await bundleFunction(functionSource({ run: body }));
  const result = await runner.run({ ...bundled, event: {}, ...(frozenTimeMs === undefined ? {} : { frozenTimeMs }) }, createFakeHost());
  if (result.outcome.kind !== 'returned') throw new Error(`expected a value, got ${JSON.stringify(result.outcome)}`);
  return result.outcome.value as Record<string, unknown>;
}

describe.each([
  ['in process', inProcess],
  ['executor', executor],
])('the guest clock (%s)', (_label, runner) => {
  it('is frozen at frozenTimeMs: Date.now, new Date(), Date() and Intl formatting without a date', async () => {
    const value = await run(runner, READ_CLOCK, Date.parse(FROZEN_AT));
    expect(value).toEqual({
      now: Date.parse(FROZEN_AT),
      constructed: FROZEN_AT,
      called: 'string',
      calledYear: true,
      format: '14/07/2026, 09:30',
      parts: '2026',
      explicit: '1970-01-01T00:00:00.000Z',
      fromParts: 2020,
      utc: Date.UTC(2020, 0, 1),
      parsed: Date.UTC(2020, 0, 1),
      isDate: true,
      constructorName: true,
    });
  });

  it('reads the real clock when no frozen time is asked for, also in the same warm isolate right after a frozen run', async () => {
    await run(runner, READ_CLOCK, Date.parse(FROZEN_AT));
    const before = Date.now();
    const value = await run(runner, READ_CLOCK);
    const after = Date.now();
    expect(value.now).toBeGreaterThanOrEqual(before);
    expect(value.now).toBeLessThanOrEqual(after);
  });
});

describe('time zones in the sandbox (full ICU)', () => {
  const BERLIN = `
    const options = { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
    const berlin = (instant: string) => new Intl.DateTimeFormat('en-GB', options).format(new Date(instant));
    const zones = Intl.supportedValuesOf('timeZone').includes('Europe/Berlin');
    const offset = (instant: string) => new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
      .formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value;
    const [july, january] = ['2026-07-01T07:00:00Z', '2026-01-15T08:00:00Z'];
    return { summer: berlin(july), winter: berlin(january), zones, offsets: [offset(july), offset(january)] };`;

  it('knows Europe/Berlin summer time (UTC+2) and winter time (UTC+1) without a hand-coded table', async () => {
    expect(await run(inProcess, BERLIN)).toEqual({ summer: '09:00 CEST', winter: '09:00 CET', zones: true, offsets: ['GMT+02:00', 'GMT+01:00'] });
  });
});

describe('frozenTimeMs checks', () => {
  it.each([Number.NaN, 1.5, 9e15, '2026-01-01'])('refuses %s as a caller bug', async (frozenTimeMs) => {
    const bundled = await bundleFunction(functionSource({ run: 'return 1;' }));
    const running = inProcess.run({ ...bundled, event: {}, frozenTimeMs: frozenTimeMs as number }, createFakeHost());
    await expect(running).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});
