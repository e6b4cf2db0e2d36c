// Warm isolates: runs of one version share an isolate but never state; versions never share an isolate;
// an isolate is retired after N runs, after a breach, with ctx calls in flight, and on heap growth.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostCapabilities } from '../../core/execution/types.ts';
import { createInProcessRunner, createExecutor } from '../../sandbox/index.ts';
import type { InProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

// Reads what an earlier run could have left, then leaves all of it behind for the next run.
const LEAVES_STATE = functionSource({
  declarations: 'let moduleCounter = 0;',
  run: `
    const seen = {
      global: (globalThis as any).leftBehind,
      objectPrototype: ({} as any).polluted,
      arrayPrototype: ([] as any).polluted,
      jsonParse: JSON.parse('1'),
      moduleCounter: ++moduleCounter,
      consoleSwapped: (console as any).swapped,
    };
    (globalThis as any).leftBehind = 1;
    (Object.prototype as any).polluted = 'object';
    (Array.prototype as any).polluted = 'array';
    JSON.parse = () => 'mutated';
    (console as any).swapped = true;
    return seen;`,
});
const CLEAN = { jsonParse: 1, moduleCounter: 1 };

let runner: InProcessRunner | undefined;
afterEach(async () => {
  await runner?.close();
  runner = undefined;
});

const open = (warmIsolates = {}) => (runner = createInProcessRunner({ warmIsolates }));
const source = (value: number) => functionSource({ run: `return ${value};` });
async function runOf(active: InProcessRunner, text: string, event: unknown = {}, host: HostCapabilities = createFakeHost()) {
  return active.run({ ...(await bundleFunction(text)), event }, host);
}

describe('warm isolates', () => {
  it('runs each run of a version in a fresh context: nothing run 1 set is there in run 2', async () => {
    const active = open();
    const first = await runOf(active, LEAVES_STATE);
    const second = await runOf(active, LEAVES_STATE);
    expect(first.outcome).toEqual({ kind: 'returned', value: CLEAN });
    expect(second.outcome).toEqual({ kind: 'returned', value: CLEAN });
    expect(active.warmStats()).toMatchObject({ created: 1, reused: 1 }); // the same isolate served both
  });

  it('never lets two versions share an isolate', async () => {
    const active = open();
    for (const value of [1, 2, 1, 2]) expect((await runOf(active, source(value))).outcome).toEqual({ kind: 'returned', value });
    expect(active.warmStats()).toMatchObject({ created: 2, reused: 2, warm: 2 });
  });

  it('keeps at most maxIsolates warm, the least recently used out first', async () => {
    const active = open({ maxIsolates: 2 });
    for (const value of [1, 2, 1, 3, 1]) expect((await runOf(active, source(value))).outcome).toEqual({ kind: 'returned', value });
    expect(active.warmStats()).toMatchObject({ created: 3, reused: 2, warm: 2, retired: { evicted: 1 } });
  });

  it('retires an isolate after maxRunsPerIsolate runs', async () => {
    const active = open({ maxRunsPerIsolate: 3 });
    for (let index = 0; index < 7; index++) await runOf(active, source(1));
    expect(active.warmStats()).toMatchObject({ created: 3, reused: 4, retired: { runs: 2 } });
  });

  it('retires an isolate after a run breaks a limit, and the next run gets a new one', async () => {
    const active = open();
    const spin = functionSource({ run: 'if (event.spin) { for (;;) {} } return 1;' });
    await runOf(active, spin);
    const stopped = await active.run({ ...(await bundleFunction(spin)), event: { spin: true }, limits: { cpuTimeMs: 100 } }, createFakeHost());
    expect(stopped.outcome.kind).toBe('timed-out');
    expect((await runOf(active, spin)).outcome).toEqual({ kind: 'returned', value: 1 });
    expect(active.warmStats()).toMatchObject({ created: 2, retired: { breach: 1 } });
  });

  it('retires an isolate when its run ended with a ctx call in flight', async () => {
    const active = open();
    const slowHost = { ...createFakeHost(), isUsernameTaken: () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50)) };
    // Left running, the task would spin in the isolate when the late answer arrives, during the next run.
    const detached = functionSource({ run: 'if (event.detach) void ctx.directory.isUsernameTaken("late").then(() => { for (;;) {} }); return 1;' });
    expect((await runOf(active, detached, { detach: true }, slowHost)).outcome).toEqual({ kind: 'returned', value: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await runOf(active, detached, {}, slowHost)).outcome).toEqual({ kind: 'returned', value: 1 });
    expect(active.warmStats()).toMatchObject({ created: 2, reused: 0, retired: { 'calls-in-flight': 1 } });
  });

  it('retires an isolate whose heap in use passed its share of the memory limit', async () => {
    const active = open({ maxHeapShare: 0.0001 });
    await runOf(active, source(1));
    await runOf(active, source(1));
    expect(active.warmStats()).toMatchObject({ created: 2 }); // the second run did not get the first isolate
    // The heap is read on the isolate's thread once a run ends, so the second isolate's retirement follows it.
    await vi.waitFor(() => expect(active.warmStats()).toMatchObject({ created: 2, retired: { heap: 2 } }));
  });

  it('keeps state apart through the executor child as well', async () => {
    const executor = createExecutor();
    try {
      const bundled = await bundleFunction(LEAVES_STATE);
      for (let index = 0; index < 3; index++) {
        expect((await executor.run({ ...bundled, event: {} }, createFakeHost())).outcome).toEqual({ kind: 'returned', value: CLEAN });
      }
    } finally {
      await executor.close();
    }
  });
});
