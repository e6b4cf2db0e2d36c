// The in-process runner end to end: a real esbuild bundle in a real isolate, ctx bridged to a fake host.
import { afterAll, describe, expect, it } from 'vitest';
import { isJoineryError } from '../../core/errors.ts';
import { createInProcessRunner, loadIsolatedVm } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const runner = createInProcessRunner();
afterAll(() => runner.close());

const USERNAME_GENERATOR = `import { defineFunction } from '@joinery/sdk';

export default defineFunction({
  name: 'generate-username',
  description: 'First initial + last name, numbered on clash.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const clean = (text: string) => text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    const base = (clean(event.person.firstName).slice(0, 1) + clean(event.person.lastName)).slice(0, 20);
    let candidate = base;
    for (let suffix = 1; await ctx.directory.isUsernameTaken(candidate); suffix++) {
      candidate = base.slice(0, 20 - String(suffix).length) + suffix;
    }
    ctx.log.info('picked a username', { candidate });
    return { username: candidate };
  },
});
`;

const joiner = (firstName: string, lastName: string) => ({
  type: 'user.joined',
  id: 'evt-1',
  occurredAt: '2026-11-20T09:00:00Z',
  person: { employeeId: 'E1', firstName, lastName, department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
});

async function run(source: string, host = createFakeHost(), event: unknown = {}) {
  return runner.run({ ...(await bundleFunction(source)), event }, host);
}

describe('in-process runner', () => {
  it('runs the username generator against the directory', async () => {
    const host = createFakeHost({ taken: ['zmuller', 'ZMULLER1'] });
    const result = await run(USERNAME_GENERATOR, host, joiner('Zoë', 'Müller'));
    expect(result.outcome).toEqual({ kind: 'returned', value: { username: 'zmuller2' } });
    expect(host.calls.map((call) => call.argument)).toEqual(['zmuller', 'zmuller1', 'zmuller2']);
    expect(result.logs).toEqual([{ level: 'info', message: 'picked a username', data: { candidate: 'zmuller2' }, atMs: expect.any(Number) }]);
    expect(result.logsDropped).toBe(0);
    expect(result.durationMs).toBeGreaterThan(0);
  });

  it('describes a bundle without running it', async () => {
    const host = createFakeHost();
    const described = await runner.describe(await bundleFunction(USERNAME_GENERATOR));
    expect(described).toEqual({
      ok: true,
      manifest: { name: 'generate-username', description: 'First initial + last name, numbered on clash.', trigger: 'user.joined', egress: [], secrets: [] },
    });
    expect(host.calls).toEqual([]);
  });

  it('refuses a definition whose manifest has the wrong shape', async () => {
    const source = USERNAME_GENERATOR.replace("egress: [],", "egress: 'graph.microsoft.com' as any,");
    expect(await runner.describe(await bundleFunction(source))).toEqual({ ok: false, message: expect.stringContaining('egress must be an array of strings') });
    const result = await run(source);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining('egress must be an array of strings') });
  });

  it('refuses a definition without a run method, in describe and in run', async () => {
    const source = "import { defineFunction } from '@joinery/sdk';\nexport default defineFunction({ name: 'x', description: '', trigger: 'manual', egress: [], secrets: [] } as any);\n";
    expect(await runner.describe(await bundleFunction(source))).toEqual({ ok: false, message: expect.stringContaining('no run(event, ctx) method') });
    expect((await run(source)).outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining('no run(event, ctx) method') });
  });

  it('reports a bundle without a default export', async () => {
    const described = await runner.describe(await bundleFunction('export const x = 1;'));
    expect(described).toEqual({ ok: false, message: expect.stringContaining('no default export') });
  });

  it('gives logs a level and a time, and routes console to them', async () => {
    const result = await run(functionSource({ run: `
      console.log('plain', 1, { a: 1 }); console.info('info'); console.debug('debug'); console.warn('warn'); console.error(new TypeError('bad'));
      ctx.log.debug('d'); ctx.log.warn('w', [1, 2]); ctx.log.error('e');
      return null;` }));
    expect(result.logs.map(({ level, message }) => [level, message])).toEqual([
      ['info', 'plain 1 {"a":1}'], ['info', 'info'], ['debug', 'debug'], ['warn', 'warn'], ['error', 'TypeError: bad'],
      ['debug', 'd'], ['warn', 'w'], ['error', 'e'],
    ]);
    expect(result.logs[6]?.data).toEqual([1, 2]);
    for (const entry of result.logs) expect(entry.atMs).toBeGreaterThanOrEqual(0);
    expect(result.logs.map((entry) => entry.atMs)).toEqual([...result.logs.map((entry) => entry.atMs)].sort((a, b) => a - b));
  });

  it('maps a runtime error to the TypeScript line and column', async () => {
    const source = functionSource({ run: [
      '    const person = event.person as { name?: { first: string } };',
      '    if (person) {',
      '      return person.name!.first.toUpperCase();',
      '    }',
    ].join('\n') });
    const line = source.split('\n').findIndex((text) => text.includes('toUpperCase')) + 1;
    const result = await run(source, createFakeHost(), { person: {} });
    expect(result.outcome).toMatchObject({ kind: 'threw', message: expect.stringMatching(/^TypeError: Cannot read properties of undefined/) });
    if (result.outcome.kind !== 'threw') throw new Error('expected threw');
    expect(result.outcome.position?.line).toBe(line);
    expect(result.outcome.stack).toContain(`fn.ts:${line}:`);
    expect(result.outcome.stack).not.toMatch(/prelude|isolated-vm|node_modules|\/work\//);
  });

  it('maps an error thrown at the top level of the bundle', async () => {
    const source = `import { defineFunction } from '@joinery/sdk';\nconst broken: any = undefined;\nconst value = broken.field;\nexport default defineFunction({ name: 'x', description: '', trigger: 'manual', egress: [], secrets: [], run: () => value });\n`;
    const result = await run(source);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining("reading 'field'"), position: { line: 3 } });
    expect(JSON.stringify(result.outcome)).not.toMatch(/\/work\/|isolated-vm boundary|at .*\.ts:\d+:\d+\)$/m);
  });

  it('reports thrown non-errors and custom error names', async () => {
    expect((await run(functionSource({ run: "throw 'plain string';" }))).outcome).toMatchObject({ kind: 'threw', message: 'plain string' });
    expect((await run(functionSource({ run: 'throw { code: 42 };' }))).outcome).toMatchObject({ kind: 'threw', message: '{"code":42}' });
    const custom = functionSource({ declarations: 'class LimitError extends Error { override name = "LimitError"; }', run: "throw new LimitError('too long');" });
    expect((await run(custom)).outcome).toMatchObject({ kind: 'threw', message: 'LimitError: too long' });
  });

  it('returns JSON values only', async () => {
    expect((await run(functionSource({ run: 'return undefined;' }))).outcome).toEqual({ kind: 'returned', value: null });
    expect((await run(functionSource({ run: 'return { when: new Date(0), n: 1.5, list: [1, "a", null] };' }))).outcome).toEqual({
      kind: 'returned',
      value: { when: '1970-01-01T00:00:00.000Z', n: 1.5, list: [1, 'a', null] },
    });
    expect((await run(functionSource({ run: 'return () => 1;' }))).outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining('returned a function') });
    expect((await run(functionSource({ run: 'return 10n;' }))).outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining('bigint') });
    expect((await run(functionSource({ run: 'const loop: any = {}; loop.self = loop; return loop;' }))).outcome).toMatchObject({
      kind: 'threw',
      message: expect.stringContaining('circular'),
    });
  });

  it('passes the event in as a copy and reads findUsers results', async () => {
    const user = { id: 'u1', username: 'jsmith', email: 'jsmith@example.com', displayName: 'J Smith', employeeId: 'E9', department: 'Sales', status: 'active' as const, groups: ['all'] };
    const host = createFakeHost({ users: [user] });
    const result = await run(functionSource({ run: 'return { found: await ctx.directory.findUsers({ email: event.email }), event };' }), host, { email: 'JSMITH@example.com' });
    expect(result.outcome).toEqual({ kind: 'returned', value: { found: [user], event: { email: 'JSMITH@example.com' } } });
    expect(host.calls).toEqual([{ method: 'findUsers', argument: { email: 'JSMITH@example.com' } }]);
  });

  it('loads isolated-vm through the one loader', () => {
    expect(typeof loadIsolatedVm().Isolate).toBe('function');
    expect(loadIsolatedVm()).toBe(loadIsolatedVm());
  });

  it('rejects bad input with JoineryError, not an outcome', async () => {
    const bundled = await bundleFunction(USERNAME_GENERATOR);
    const codes = await Promise.all([
      runner.run({ ...bundled, event: {}, limits: { wallTimeMs: -1 } }, createFakeHost()).catch((error: unknown) => error),
      runner.run({ ...bundled, event: {}, limits: { memoryLimitMb: 4 } }, createFakeHost()).catch((error: unknown) => error),
      runner.run({ bundle: '', event: {} }, createFakeHost()).catch((error: unknown) => error),
      runner.run({ ...bundled, event: { big: 1n } }, createFakeHost()).catch((error: unknown) => error),
    ]);
    for (const error of codes) expect(isJoineryError(error) && error.code).toBe('INVALID_INPUT');
  });

  it('drops a host answer that arrives after the run ended', async () => {
    const slow = { ...createFakeHost(), isUsernameTaken: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 600)) };
    const source = functionSource({ run: "return await ctx.directory.isUsernameTaken('x');" });
    const result = await runner.run({ ...(await bundleFunction(source)), event: {}, limits: { wallTimeMs: 200 } }, slow);
    expect(result.outcome).toEqual({ kind: 'timed-out', limit: 'wall', limitMs: 200 });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await run(source, createFakeHost({ taken: ['x'] }))).outcome).toEqual({ kind: 'returned', value: true });
  });

  it('reports a syntax error in the bundle as threw', async () => {
    const result = await runner.run({ bundle: 'var x = ;', event: {} }, createFakeHost());
    expect(result.outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining('SyntaxError') });
  });
});
