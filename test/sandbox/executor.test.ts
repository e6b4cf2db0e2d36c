// The executor process: isolates live in a child; a dying child ends its in-flight runs as `crashed` and
// the next run gets a new one; the parent kills a hung child; the child never outlives or holds the parent.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isJoineryError } from '../../core/errors.ts';
import type { HostCapabilities, SandboxRunner } from '../../core/execution/types.ts';
import { createExecutor, type ExecutorOptions } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost } from './helpers/fake-host.ts';

const opened: SandboxRunner[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((runner) => runner.close()));
});

function startExecutor(options: ExecutorOptions = {}) {
  const pids: Array<number | undefined> = [];
  const executor = createExecutor({ ...options, _internal: { onSpawn: (pid) => pids.push(pid) } });
  opened.push(executor);
  return { executor, pids, currentPid: () => pids.at(-1) };
}

const ECHO = functionSource({ run: 'return { echo: event.value, taken: await ctx.directory.isUsernameTaken(String(event.value)) };' });

async function echo(executor: SandboxRunner, value: unknown, host: HostCapabilities = createFakeHost({ taken: ['7'] })) {
  return executor.run({ ...(await bundleFunction(ECHO)), event: { value } }, host);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('executor', () => {
  it('runs and describes in a child process, reusing it', async () => {
    const { executor, pids } = startExecutor();
    expect((await echo(executor, 7)).outcome).toEqual({ kind: 'returned', value: { echo: 7, taken: true } });
    expect((await echo(executor, 8)).outcome).toEqual({ kind: 'returned', value: { echo: 8, taken: false } });
    expect(await executor.describe(await bundleFunction(ECHO))).toMatchObject({ ok: true, manifest: { name: 'test-function' } });
    expect(pids).toHaveLength(1);
    expect(pids[0]).not.toBe(process.pid);
  });

  for (const signal of ['SIGKILL', 'SIGABRT', 'SIGSEGV'] as const) {
    it(`ends the run as crashed when the child dies of ${signal} mid-run, then serves the next run`, async () => {
      const { executor, pids, currentPid } = startExecutor();
      const killer = { ...createFakeHost(), isUsernameTaken: () => { process.kill(currentPid()!, signal); return new Promise<boolean>(() => {}); } };
      const result = await echo(executor, 1, killer);
      expect(result.outcome).toEqual({ kind: 'crashed', message: `the executor process died (signal ${signal}) while the function ran` });
      expect((await echo(executor, 7)).outcome).toEqual({ kind: 'returned', value: { echo: 7, taken: true } });
      expect(pids).toHaveLength(2);
      expect(isAlive(pids[0]!)).toBe(false);
    });
  }

  it('kills a hung child at the wall limit plus grace, and reports the run as timed out', async () => {
    const { executor, currentPid } = startExecutor({ limits: { wallTimeMs: 300 }, graceMs: 200 });
    const freezer = { ...createFakeHost(), isUsernameTaken: async () => { process.kill(currentPid()!, 'SIGSTOP'); return false; } };
    const result = await echo(executor, 1, freezer);
    expect(result.outcome).toEqual({ kind: 'timed-out', limit: 'wall', limitMs: 300 });
    expect((await echo(executor, 7)).outcome).toEqual({ kind: 'returned', value: { echo: 7, taken: true } });
  });

  it('keeps concurrent runs apart and in order of their own results', async () => {
    const { executor } = startExecutor({ concurrency: 3 });
    const values = Array.from({ length: 24 }, (_, index) => index);
    const results = await Promise.all(values.map((value) => echo(executor, value)));
    expect(results.map((result) => result.outcome)).toEqual(values.map((value) => ({ kind: 'returned', value: { echo: value, taken: value === 7 } })));
  });

  it('with several children, crashes only the run of the child that died', async () => {
    const { executor, pids } = startExecutor({ concurrency: 2 });
    let release: () => void = () => undefined;
    const released = new Promise<boolean>((resolve) => (release = () => resolve(true)));
    let running = 0;
    // Once both runs are in flight (one per child), the first child is killed and the other run released.
    const host: HostCapabilities = {
      ...createFakeHost(),
      isUsernameTaken: async () => {
        running++;
        if (running === 2) setTimeout(() => process.kill(pids[0]!, 'SIGKILL'), 20);
        return released;
      },
    };
    const first = echo(executor, 'a', host);
    const second = echo(executor, 'b', host);
    const settled = await Promise.race([first, second]);
    expect(settled.outcome.kind).toBe('crashed');
    release();
    const outcomes = (await Promise.all([first, second])).map((result) => result.outcome.kind).sort();
    expect(outcomes).toEqual(['crashed', 'returned']);
    expect((await Promise.all([echo(executor, 7), echo(executor, 8)])).map((result) => result.outcome)).toEqual([
      { kind: 'returned', value: { echo: 7, taken: true } },
      { kind: 'returned', value: { echo: 8, taken: false } },
    ]);
  });

  it('starts every child once in use, and serves sequential runs', async () => {
    const { executor, pids } = startExecutor({ concurrency: 2 });
    for (let value = 0; value < 6; value++) expect((await echo(executor, value)).outcome).toMatchObject({ kind: 'returned' });
    expect(pids).toHaveLength(2);
  });

  it('answers a host failure as an error inside the guest, and survives a host that returns junk', async () => {
    const { executor } = startExecutor();
    const failing = { ...createFakeHost(), isUsernameTaken: async () => { throw new Error("ENOENT: no such file, open '/srv/joinery/secret.json'"); } };
    const result = await executor.run({ ...(await bundleFunction(functionSource({ run: 'try { await ctx.directory.isUsernameTaken("x"); } catch (error) { return (error as Error).message; }' }))), event: {} }, failing);
    expect(result.outcome).toEqual({ kind: 'returned', value: "ENOENT: no such file, open '<path>'" });
    const junk = { ...createFakeHost(), isUsernameTaken: async () => 10n as unknown as boolean };
    expect((await echo(executor, 1, junk)).outcome).toMatchObject({ kind: 'threw' });
    const withFunction = { ...createFakeHost(), findUsers: async () => [{ username: 'x', greet: () => 'hi' }] as never };
    const found = await executor.run({ ...(await bundleFunction(functionSource({ run: 'return await ctx.directory.findUsers({});' }))), event: {} }, withFunction);
    expect(found.outcome).toEqual({ kind: 'returned', value: [{ username: 'x' }] });
    expect((await echo(executor, 7)).outcome).toMatchObject({ kind: 'returned' });
  });

  it('settles in-flight runs and refuses new ones after close', async () => {
    const { executor } = startExecutor();
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const signalling = { ...createFakeHost(), isUsernameTaken: async () => { started(); return false; } };
    const body = "await ctx.directory.isUsernameTaken('x'); await new Promise(() => {}); return 1;";
    const stuck = executor.run({ ...(await bundleFunction(functionSource({ run: body }))), event: {} }, signalling);
    const queued = echo(executor, 2).catch((error: unknown) => error);
    await running;
    await executor.close();
    const refusedQueued = await queued;
    expect(isJoineryError(refusedQueued) && refusedQueued.code).toBe('SANDBOX_FAILED');
    expect((await stuck).outcome.kind).toBe('crashed');
    const refused = await echo(executor, 1).catch((error: unknown) => error);
    expect(isJoineryError(refused) && refused.code).toBe('SANDBOX_FAILED');
  });

  it.runIf(process.platform === 'linux')('starts the child without the parent\'s credentials in its environment', async () => {
    process.env['JOINERY_TEST_API_KEY'] = 'sk-parent-only';
    try {
      const { executor, currentPid } = startExecutor();
      expect((await echo(executor, 7)).outcome).toMatchObject({ kind: 'returned' });
      const environment = readFileSync(`/proc/${currentPid()}/environ`, 'utf8');
      expect(environment).not.toContain('sk-parent-only');
      expect(environment).not.toContain('JOINERY_TEST_API_KEY');
    } finally {
      delete process.env['JOINERY_TEST_API_KEY'];
    }
  });

  it('rejects bad input before anything reaches the child', async () => {
    const { executor, pids } = startExecutor();
    const error = await executor.run({ bundle: 'x', event: {}, limits: { cpuTimeMs: 0 } }, createFakeHost()).catch((caught: unknown) => caught);
    expect(isJoineryError(error) && error.code).toBe('INVALID_INPUT');
    expect(pids).toEqual([]);
  });
});

describe('executor and its parent process', () => {
  const script = fileURLToPath(new URL('./helpers/executor-exit-script.ts', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/esm');
  const runScript = (mode: string) =>
    new Promise<Array<{ childPid: number; outcome: unknown }>>((resolve, reject) => {
      execFile(process.execPath, ['--no-node-snapshot', '--import', tsx, script, mode], { timeout: 20_000 }, (error, stdout) => {
        if (error) reject(error);
        else resolve(stdout.trim().split('\n').map((line) => JSON.parse(line)));
      });
    });

  it('lets the parent exit on its own once idle, and the child goes with it', async () => {
    const { childPid, outcome } = (await runScript('idle'))[0]!;
    expect(outcome).toEqual({ kind: 'returned', value: true });
    await expect.poll(() => isAlive(childPid), { timeout: 5_000 }).toBe(false);
  });

  it('takes the child down when the parent exits mid-run', async () => {
    const { childPid } = (await runScript('exit-mid-run'))[0]!;
    await expect.poll(() => isAlive(childPid), { timeout: 5_000 }).toBe(false);
  });

  it('keeps the parent up until a run whose child died is settled as crashed', async () => {
    const lines = await runScript('crash-mid-run');
    expect(lines.map((line) => line.outcome)).toEqual([
      { kind: 'returned', value: true },
      { kind: 'crashed', message: 'the executor process died (signal SIGKILL) while the function ran' },
    ]);
  });
});
