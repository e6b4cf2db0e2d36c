// Sandbox latency (`node --no-node-snapshot --import tsx bench/sandbox.ts`): the username generator (normalise,
// loop while `await ctx.directory.isUsernameTaken(c)`, return an object; 3 host round trips) through the
// executor, cold and warm, and its throughput on this machine. Peers, the same bundle: node:vm with a fresh
// context per run (the floor; not a security boundary) and quickjs-emscripten with a fresh runtime and
// context per run (async host callback via newPromise + executePendingJobs). Target: warm p50 <= 5 ms.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { getQuickJS, type QuickJSWASMModule } from 'quickjs-emscripten';
import type { HostCapabilities, SandboxRunner } from '../core/execution/types.ts';
import { SDK_MODULE_NAME, SDK_RUNTIME_SOURCE } from '../core/sdk/index.ts';
import { createExecutor, createInProcessRunner } from '../sandbox/index.ts';

const WARMUP = 50;
const SAMPLES = 400;
const COLD_SAMPLES = 5;
const THROUGHPUT_RUNS = 600;
const GAP_MS = 10;

const SOURCE = `import { defineFunction } from '${SDK_MODULE_NAME}';
export default defineFunction({
  name: 'generate-username', description: 'First initial + last name, numbered on clash.', trigger: 'user.joined', egress: [], secrets: [],
  async run(event, ctx) {
    const clean = (text: string) => text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    const base = (clean(event.person.firstName).slice(0, 1) + clean(event.person.lastName)).slice(0, 20);
    let candidate = base;
    for (let suffix = 1; await ctx.directory.isUsernameTaken(candidate); suffix++) candidate = base.slice(0, 20 - String(suffix).length) + suffix;
    return { username: candidate };
  },
});`;
const EVENT = { type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'Zoë', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' } };
const TAKEN = new Set(['zsmith', 'zsmith1']);
const EXPECTED = 'zsmith2';

const isUsernameTaken = async (name: string) => TAKEN.has(name.toLowerCase());
const HOST: HostCapabilities = {
  isUsernameTaken,
  findUsers: async () => [],
  reserveUsername: async (name) => !(await isUsernameTaken(name)),
  reserveEmail: async () => true,
  attempt: async () => 1,
  fetch: async () => { throw new Error('no network in the benchmark'); },
  getSecret: async () => { throw new Error('no secrets in the benchmark'); },
};

export async function benchSandbox(): Promise<Record<string, number>> {
  const bundle = await bundleSource(SOURCE);
  const cold = await measureCold(bundle);
  const executor = createExecutor();
  const warm = await measureSequential(() => runnerOnce(executor, bundle));
  await executor.close();
  const twoChildren = createExecutor({ concurrency: 2 });
  const warmTwo = await measureSequential(() => runnerOnce(twoChildren, bundle));
  await twoChildren.close();
  const spaced = createExecutor();
  const warmSpaced = await measureSequential(() => runnerOnce(spaced, bundle), GAP_MS);
  await spaced.close();
  const throughput1 = await measureThroughput(bundle, 1);
  const throughput2 = await measureThroughput(bundle, 2);
  const inProcess = createInProcessRunner();
  const direct = await measureSequential(() => runnerOnce(inProcess, bundle));
  await inProcess.close();
  const nodeVm = await measureSequential(() => nodeVmOnce(bundle.bundle));
  const quickjs = await getQuickJS();
  const quick = await measureSequential(() => quickJsOnce(quickjs, bundle.bundle));
  const figures = {
    cores: availableParallelism(),
    executorColdMs: cold,
    executorWarmP50Ms: warm.p50,
    executorWarmP90Ms: warm.p90,
    executorTwoChildrenWarmP50Ms: warmTwo.p50,
    executorTwoChildrenWarmP90Ms: warmTwo.p90,
    executorSpacedWarmP50Ms: warmSpaced.p50,
    executorSpacedWarmP90Ms: warmSpaced.p90,
    executorRunsPerSecondConcurrency1: throughput1,
    executorRunsPerSecondConcurrency2: throughput2,
    inProcessWarmP50Ms: direct.p50,
    inProcessWarmP90Ms: direct.p90,
    nodeVmP50Ms: nodeVm.p50,
    nodeVmP90Ms: nodeVm.p90,
    quickjsP50Ms: quick.p50,
    quickjsP90Ms: quick.p90,
    executorOverNodeVm: warm.p50 / nodeVm.p50,
    executorOverQuickjs: warm.p50 / quick.p50,
    inProcessOverQuickjs: direct.p50 / quick.p50,
  };
  printTable(figures);
  return figures;
}

async function runnerOnce(runner: SandboxRunner, bundle: { bundle: string; sourceMap: string }): Promise<void> {
  const result = await runner.run({ ...bundle, event: EVENT }, HOST);
  if (result.outcome.kind !== 'returned' || (result.outcome.value as { username?: string }).username !== EXPECTED) {
    throw new Error(`unexpected outcome ${JSON.stringify(result.outcome)}`);
  }
}

/** First run after the executor starts: process spawn, tsx, isolated-vm load, first isolate, first compile. */
async function measureCold(bundle: { bundle: string; sourceMap: string }): Promise<number> {
  const times: number[] = [];
  for (let sample = 0; sample < COLD_SAMPLES; sample++) {
    const executor = createExecutor();
    const startedAt = performance.now();
    await runnerOnce(executor, bundle);
    times.push(performance.now() - startedAt);
    await executor.close();
  }
  return percentiles(times).p50;
}

/** Back to back, or with `gapMs` between runs (callers that are not a tight loop). */
async function measureSequential(once: () => Promise<void>, gapMs = 0): Promise<{ p50: number; p90: number }> {
  for (let index = 0; index < WARMUP; index++) await once();
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
    const startedAt = performance.now();
    await once();
    times.push(performance.now() - startedAt);
  }
  return percentiles(times);
}

async function measureThroughput(bundle: { bundle: string; sourceMap: string }, concurrency: number): Promise<number> {
  const executor = createExecutor({ concurrency });
  await Promise.all(Array.from({ length: WARMUP }, () => runnerOnce(executor, bundle)));
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: THROUGHPUT_RUNS }, () => runnerOnce(executor, bundle)));
  const seconds = (performance.now() - startedAt) / 1000;
  await executor.close();
  return THROUGHPUT_RUNS / seconds;
}

async function nodeVmOnce(bundle: string): Promise<void> {
  const context = createContext({});
  runInContext(bundle, context);
  const handler = (context as { __handler: { run(event: unknown, ctx: unknown): Promise<{ username: string }> } }).__handler;
  const result = await handler.run(structuredClone(EVENT), { directory: { isUsernameTaken } });
  if (result.username !== EXPECTED) throw new Error('node:vm gave a wrong answer');
}

async function quickJsOnce(quickjs: QuickJSWASMModule, bundle: string): Promise<void> {
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(64 * 1024 * 1024);
  const deadline = Date.now() + 5_000;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const vm = runtime.newContext();
  try {
    const taken = vm.newFunction('isTaken', (nameHandle) => {
      const promise = vm.newPromise();
      void isUsernameTaken(vm.getString(nameHandle)).then((answer) => promise.resolve(answer ? vm.true : vm.false));
      void promise.settled.then(() => runtime.executePendingJobs());
      return promise.handle;
    });
    vm.setProp(vm.global, 'isTaken', taken);
    taken.dispose();
    vm.unwrapResult(vm.evalCode(bundle)).dispose();
    const call = `__handler.run(${JSON.stringify(EVENT)}, { directory: { isUsernameTaken: (name) => isTaken(name) } }).then((value) => JSON.stringify(value))`;
    const promise = vm.unwrapResult(vm.evalCode(call));
    const settled = vm.resolvePromise(promise);
    promise.dispose();
    runtime.executePendingJobs();
    const resultHandle = vm.unwrapResult(await settled);
    const result = JSON.parse(vm.getString(resultHandle)) as { username: string };
    resultHandle.dispose();
    if (result.username !== EXPECTED) throw new Error('quickjs gave a wrong answer');
  } finally {
    vm.dispose();
    runtime.dispose();
  }
}

async function bundleSource(source: string): Promise<{ bundle: string; sourceMap: string }> {
  const result = await esbuild.build({
    stdin: { contents: source, loader: 'ts', sourcefile: 'fn.ts' },
    bundle: true, write: false, platform: 'neutral', format: 'iife', globalName: '__fn', target: 'es2022',
    sourcemap: 'external', sourcesContent: true, outfile: 'fn.js', logLevel: 'silent',
    footer: { js: 'globalThis.__handler = __fn.default; void 0;' },
    plugins: [{
      name: 'sdk',
      setup(build) {
        build.onResolve({ filter: /^@joinery\/sdk$/ }, () => ({ path: SDK_MODULE_NAME, namespace: 'sdk' }));
        build.onLoad({ filter: /.*/, namespace: 'sdk' }, () => ({ contents: SDK_RUNTIME_SOURCE, loader: 'js' }));
      },
    }],
  });
  const text = (suffix: string) => result.outputFiles.find((file) => file.path.endsWith(suffix))?.text ?? '';
  return { bundle: text('.js'), sourceMap: text('.js.map') };
}

function percentiles(times: number[]): { p50: number; p90: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!;
  return { p50: at(0.5), p90: at(0.9) };
}

function printTable(figures: Record<string, number>): void {
  const ms = (value: number | undefined) => `${(value ?? 0).toFixed(2)} ms`;
  console.log(`sandbox: username generator (3 host round trips), ${figures.cores} cores, ${SAMPLES} samples after ${WARMUP} warm-up runs`);
  console.log(`  executor cold (spawn + first run)         ${ms(figures.executorColdMs)}`);
  console.log(`  executor warm p50 / p90, back to back      ${ms(figures.executorWarmP50Ms)} / ${ms(figures.executorWarmP90Ms)}   (target p50 <= 5 ms)`);
  console.log(`  executor warm, ${GAP_MS} ms between runs          ${ms(figures.executorSpacedWarmP50Ms)} / ${ms(figures.executorSpacedWarmP90Ms)}`);
  console.log(`  executor warm, 2 children, back to back   ${ms(figures.executorTwoChildrenWarmP50Ms)} / ${ms(figures.executorTwoChildrenWarmP90Ms)}`);
  console.log(`  executor runs/s, concurrency 1 / 2        ${Math.round(figures.executorRunsPerSecondConcurrency1 ?? 0)} / ${Math.round(figures.executorRunsPerSecondConcurrency2 ?? 0)}`);
  console.log(`  in-process isolated-vm, back to back      ${ms(figures.inProcessWarmP50Ms)} / ${ms(figures.inProcessWarmP90Ms)}`);
  console.log(`  peer node:vm, fresh context p50 / p90     ${ms(figures.nodeVmP50Ms)} / ${ms(figures.nodeVmP90Ms)}   (floor, not a boundary)`);
  console.log(`  peer quickjs-emscripten p50 / p90         ${ms(figures.quickjsP50Ms)} / ${ms(figures.quickjsP90Ms)}`);
  console.log(`  ratios: executor/node:vm ${figures.executorOverNodeVm?.toFixed(1)}x, executor/quickjs ${figures.executorOverQuickjs?.toFixed(1)}x, in-process/quickjs ${figures.inProcessOverQuickjs?.toFixed(1)}x`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchSandbox();
}
