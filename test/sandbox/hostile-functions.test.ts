// Hostile guests, run through the executor: each gets a clean outcome value, the test process survives,
// and the next ordinary run still passes.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createExecutor } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const LIMITS = { wallTimeMs: 1_500, cpuTimeMs: 750 };
const executor = createExecutor({ limits: LIMITS });
afterAll(() => executor.close());

async function run(body: string, { host = createFakeHost(), limits = {}, egress = [] as string[] } = {}) {
  const bundled = await bundleFunction(functionSource({ run: body, egress }));
  return executor.run({ ...bundled, event: {}, limits }, host);
}

afterEach(async () => {
  const result = await run(`return { taken: await ctx.directory.isUsernameTaken('jsmith') };`, { host: createFakeHost({ taken: ['jsmith'] }) });
  expect(result.outcome).toEqual({ kind: 'returned', value: { taken: true } });
});

describe('limits', () => {
  it('stops a busy loop', async () => {
    expect((await run('for (;;) {}')).outcome).toMatchObject({ kind: 'timed-out' });
  });

  it('stops a busy loop that starts after an awaited ctx call', async () => {
    const result = await run(`await ctx.directory.isUsernameTaken('x'); for (;;) {}`);
    expect(result.outcome).toMatchObject({ kind: 'timed-out' });
  });

  it('stops a promise that never settles at the wall limit', async () => {
    const result = await run('await new Promise(() => {}); return 1;');
    expect(result.outcome).toEqual({ kind: 'timed-out', limit: 'wall', limitMs: LIMITS.wallTimeMs });
  });

  it('enforces the CPU budget apart from the wall limit', async () => {
    const result = await run('for (;;) {}', { limits: { wallTimeMs: 10_000, cpuTimeMs: 200 } });
    expect(result.outcome).toEqual({ kind: 'timed-out', limit: 'cpu', limitMs: 200 });
  });

  it('contains a memory bomb', async () => {
    const result = await run('const hoard: unknown[] = []; for (;;) hoard.push({ at: hoard.length, pad: [1, 2, 3, 4] });', { limits: { wallTimeMs: 20_000, cpuTimeMs: 20_000 } });
    expect(['out-of-memory', 'crashed']).toContain(result.outcome.kind);
  });

  it('contains a string-doubling memory bomb', async () => {
    const result = await run("let text = 'ab'; const keep: string[] = []; for (;;) { text = text + text; keep.push(text + '!'); }", { limits: { wallTimeMs: 20_000, cpuTimeMs: 20_000 } });
    expect(['out-of-memory', 'crashed', 'threw']).toContain(result.outcome.kind);
  });

  it('reports unbounded recursion as a RangeError', async () => {
    const result = await run('const dive = (depth: number): number => dive(depth + 1) + 1; return dive(0);');
    expect(result.outcome).toMatchObject({ kind: 'threw', message: 'RangeError: Maximum call stack size exceeded' });
  });

  it('refuses a 50 MB return value with the size in the message', async () => {
    const result = await run("return { blob: 'x'.repeat(50 * 1024 * 1024) };");
    expect(result.outcome).toMatchObject({ kind: 'threw', message: expect.stringMatching(/^return value is at least 52428\d{3} bytes as JSON, over the 1048576-byte limit$/) });
  });

  it('refuses a return value just over the limit, measured exactly in UTF-8 bytes', async () => {
    const result = await run("return 'é'.repeat(600 * 1024);");
    expect(result.outcome).toEqual({ kind: 'threw', message: 'return value is 1228802 bytes, over the 1048576-byte limit' });
  });

  it('caps a million log lines and counts the dropped ones', async () => {
    const result = await run("for (let line = 0; line < 1_000_000; line++) ctx.log.info('line ' + line); console.log('after'); return 'done';");
    expect(result.outcome).toEqual({ kind: 'returned', value: 'done' });
    expect(result.logs).toHaveLength(1_000);
    expect(result.logs[999]?.message).toBe('line 999');
    expect(result.logsDropped).toBe(999_001);
  });

  it('caps logs by bytes', async () => {
    const result = await run("for (let line = 0; line < 100; line++) ctx.log.warn('x'.repeat(4096), { line }); return 'done';", { limits: { maxLogBytes: 64 * 1024 } });
    expect(result.outcome).toEqual({ kind: 'returned', value: 'done' });
    expect(result.logs.length).toBeGreaterThan(10);
    expect(result.logs.length + result.logsDropped).toBe(100);
    expect(result.logs.reduce((bytes, entry) => bytes + entry.message.length + JSON.stringify(entry.data).length, 0)).toBeLessThanOrEqual(64 * 1024);
  });

  // Its callback runs whenever the isolate collects garbage, between runs too, where the host prepares the
  // next context with synchronous calls: it must cost at most a later run of the same version, never the child.
  it('contains a FinalizationRegistry callback that never returns', async () => {
    const bundled = await bundleFunction(functionSource({ run: `
      const registry = new FinalizationRegistry(() => { for (;;) {} });
      for (let index = 0; index < 50; index++) registry.register({ held: new Array(10_000).fill(index) }, index);
      let garbage = [];
      for (let index = 0; index < 200_000; index++) { garbage.push({ index }); if (garbage.length > 1_000) garbage = []; }
      return 'done';` }));
    const outcomes: string[] = [];
    for (let round = 0; round < 8; round++) {
      const result = await executor.run({ ...bundled, event: {} }, createFakeHost());
      outcomes.push(result.outcome.kind);
    }
    // Which runs the loop lands in depends on when V8 collects; that none ends as crashed does not.
    expect(outcomes.every((kind) => kind === 'returned' || kind === 'timed-out'), outcomes.join(', ')).toBe(true);
  });

  it('leaves Atomics.wait nothing to block on: there is no shared memory', async () => {
    const shared = await run('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return 1;');
    expect(shared.outcome).toMatchObject({ kind: 'threw', message: 'ReferenceError: SharedArrayBuffer is not defined' });
    const unshared = await run('Atomics.wait(new Int32Array(4), 0, 0); return 1;');
    expect(unshared.outcome).toMatchObject({ kind: 'threw', message: expect.stringMatching(/^TypeError: /) });
  });
});
