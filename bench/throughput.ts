// Throughput, side by side in one run (`node --no-node-snapshot --import tsx bench/throughput.ts`), all on
// the username template published in a scratch home (John Smith, an empty directory: one ctx round trip, `jsmith`):
// - the peer: an in-process isolated-vm run of the same bundle in a fresh context of one warm isolate
//   (compiled script, a host callback Reference for reserveUsername, logs dropped; no prelude, no watchdog,
//   no process boundary);
// - the same sandbox in this process (createInProcessRunner: prelude, watchdog, run session, warm isolate
//   with a fresh context per run; no process boundary), so the executor's ratio splits into what the
//   sandbox's own hardening costs and what the process boundary costs;
// - the executor's warm run p50, back to back, one child, and its ratio to the peer (target <= 1.5x);
// - runs/s through the executor pool (one child per core) with runFunction: dry run, record written
//   with group commit under synchronous=FULL (target >= 500/s on 2 cores), and the CPU those runs cost,
//   this process and its executor children (Linux: /proc), which varies far less with load than runs/s;
// - MCP run_function: stdio round trip p50 (target <= 5 ms) and HTTP runs/s with 16 clients (target >= 300).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostCapabilities } from '../core/execution/types.ts';
import { createSqliteDirectory } from '../core/directory/index.ts';
import { runFunction } from '../core/pipeline/index.ts';
import { createSqliteRegistry } from '../core/registry/index.ts';
import { createSecretStore } from '../core/secrets/index.ts';
import { closeDatabase, openDatabase } from '../core/store/index.ts';
import { createDryRunFetch } from '../sandbox/egress/index.ts';
import { createExecutor, createInProcessRunner, defaultExecutorProcesses, loadIsolatedVm } from '../sandbox/index.ts';
import { measureHttp, measureStdio, prepareHome } from './mcp.ts';

const WARMUP = 100;
const SAMPLES = 1_000;
const POOL_RUNS = 2_000;
const POOL_IN_FLIGHT = 32;
const EVENT = { type: 'user.joined', id: 'evt-bench', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' } };
const TAKEN = new Set<string>();
const isUsernameTaken = async (name: string) => TAKEN.has(name.toLowerCase());
const HOST: HostCapabilities = {
  isUsernameTaken,
  findUsers: async () => [],
  fetch: async () => { throw new Error('no network in the benchmark'); },
  getSecret: async () => { throw new Error('no secrets in the benchmark'); },
  reserveUsername: async (name) => !(await isUsernameTaken(name)),
  reserveEmail: async () => true,
  attempt: async () => 1,
};

export async function benchThroughput(): Promise<Record<string, number>> {
  const loadBefore = loadavg()[0] ?? 0;
  const home = mkdtempSync(join(tmpdir(), 'joinery-bench-throughput-'));
  try {
    const { token } = await prepareHome(home);
    const db = openDatabase(join(home, 'joinery.db'));
    const registry = createSqliteRegistry(db);
    const version = registry.getActiveVersion('generate-username');
    if (version === undefined) throw new Error('the username template is not active');
    const bundle = { bundle: version.bundle, sourceMap: version.sourceMap };
    const peer = await measure(peerRunner(bundle.bundle));
    const inProcessRunner = createInProcessRunner();
    const inProcess = await measure(async () => check((await inProcessRunner.run({ ...bundle, event: EVENT }, HOST)).outcome));
    await inProcessRunner.close();
    const executor = createExecutor();
    const warm = await measure(async () => check((await executor.run({ ...bundle, event: EVENT }, HOST)).outcome));
    await executor.close();
    const processes = defaultExecutorProcesses();
    const children = new Set<number>();
    const onSpawn = (pid: number | undefined) => {
      if (pid !== undefined) children.add(pid);
    };
    const pool = createExecutor({ concurrency: processes, _internal: { onSpawn } });
    const warmPool = await measure(async () => check((await pool.run({ ...bundle, event: EVENT }, HOST)).outcome));
    const directory = createSqliteDirectory(db);
    const secrets = createSecretStore({ db, key: randomBytes(32) });
    const runOnce = async () => {
      const record = await runFunction({ name: 'generate-username', event: EVENT, caller: 'bench', dryRun: true, registry, directory, secrets, fetchFor: (egress) => createDryRunFetch({ allowedHosts: egress }).fetch, runner: pool });
      if (record.outcome.kind !== 'returned') throw new Error(`a pool run failed: ${JSON.stringify(record.outcome)}`);
    };
    const { runsPerSecond: poolRunsPerSecond, cpu: poolCpu } = await throughputOf(runOnce, () => cpuMs(children));
    await pool.close();
    closeDatabase(db);
    const stdio = await measureStdio(home);
    const http = await measureHttp(home, token);
    const figures = {
      cores: availableParallelism(),
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg()[0] ?? 0,
      peerFreshContextP50Ms: peer.p50,
      peerFreshContextP90Ms: peer.p90,
      executorWarmP50Ms: warm.p50,
      executorWarmP90Ms: warm.p90,
      inProcessSandboxP50Ms: inProcess.p50,
      inProcessSandboxOverPeer: inProcess.p50 / peer.p50,
      executorOverPeer: warm.p50 / peer.p50,
      executorOverInProcessSandbox: warm.p50 / inProcess.p50,
      poolWarmP50Ms: warmPool.p50,
      poolOverPeer: warmPool.p50 / peer.p50,
      executorProcesses: processes,
      poolRunsPerSecond,
      poolCpuMsPerRunParent: poolCpu.parent,
      poolCpuMsPerRunChildren: poolCpu.children,
      mcpStdioRunP50Ms: stdio.p50,
      mcpStdioRunP90Ms: stdio.p90,
      mcpHttpRunsPerSecond16Clients: http.throughput.httpRunsPerSecond16Clients ?? 0,
      mcpHttpRunsPerSecond16LeanClients: http.throughput.httpRunsPerSecond16LeanClients ?? 0,
    };
    print(figures);
    return figures;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** A fresh context per run in one warm isolate: the floor an isolated-vm run with fresh state can reach here. */
function peerRunner(bundle: string): () => Promise<void> {
  const ivm = loadIsolatedVm();
  const isolate = new ivm.Isolate({ memoryLimit: 64 });
  const script = isolate.compileScriptSync(bundle);
  const driver = isolate.compileScriptSync(`(async () => {
    const quiet = () => undefined;
    const ctx = { log: { debug: quiet, info: quiet, warn: quiet, error: quiet }, directory: { reserveUsername: (name) => __reserve.apply(undefined, [name], { arguments: { copy: true }, result: { promise: true, copy: true } }) } };
    return JSON.stringify(await __handler.run(JSON.parse(__event), ctx));
  })()`);
  const reserve = new ivm.Reference(HOST.reserveUsername);
  return async () => {
    const context = isolate.createContextSync();
    try {
      context.global.setSync('__reserve', reserve);
      context.global.setSync('__event', JSON.stringify(EVENT));
      script.runSync(context, { release: false });
      const json = (await driver.run(context, { promise: true, copy: true, release: false })) as string;
      check({ kind: 'returned', value: JSON.parse(json) as unknown });
    } finally {
      context.release();
    }
  };
}

interface CpuMs {
  parent: number;
  children: number;
}

/** CPU milliseconds so far of this process (every thread) and of `children` (Linux only: NaN elsewhere). */
function cpuMs(children: ReadonlySet<number>): CpuMs {
  const { user, system } = process.cpuUsage();
  let childTicks = 0;
  for (const pid of children) {
    const file = `/proc/${pid}/stat`;
    if (!existsSync(file)) return { parent: (user + system) / 1000, children: Number.NaN };
    const stat = readFileSync(file, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // utime and stime are fields 14 and 15
    childTicks += Number(fields[11]) + Number(fields[12]);
  }
  return { parent: (user + system) / 1000, children: childTicks * 10 }; // USER_HZ is 100 on Linux
}

function check(outcome: { kind: string; value?: unknown }): void {
  if (outcome.kind !== 'returned' || (outcome.value as { username?: string } | null)?.username !== 'jsmith') {
    throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
  }
}

async function measure(once: () => Promise<void>): Promise<{ p50: number; p90: number }> {
  for (let index = 0; index < WARMUP; index++) await once();
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index++) {
    const startedAt = performance.now();
    await once();
    times.push(performance.now() - startedAt);
  }
  times.sort((left, right) => left - right);
  const at = (quantile: number) => times[Math.min(times.length - 1, Math.floor(quantile * times.length))] ?? Number.NaN;
  return { p50: at(0.5), p90: at(0.9) };
}

/** Runs/s with POOL_IN_FLIGHT loops at once, and the CPU per run of those same runs (warm-up excluded). */
async function throughputOf(once: () => Promise<void>, cpuNow: () => CpuMs): Promise<{ runsPerSecond: number; cpu: CpuMs }> {
  const loop = async (count: number) => { for (let index = 0; index < count; index++) await once(); };
  await Promise.all(Array.from({ length: POOL_IN_FLIGHT }, () => loop(WARMUP / POOL_IN_FLIGHT)));
  const runs = POOL_IN_FLIGHT * Math.ceil(POOL_RUNS / POOL_IN_FLIGHT);
  const cpuBefore = cpuNow();
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: POOL_IN_FLIGHT }, () => loop(runs / POOL_IN_FLIGHT)));
  const seconds = (performance.now() - startedAt) / 1000;
  const cpuAfter = cpuNow();
  const cpu = { parent: (cpuAfter.parent - cpuBefore.parent) / runs, children: (cpuAfter.children - cpuBefore.children) / runs };
  return { runsPerSecond: runs / seconds, cpu };
}

function print(figures: Record<string, number>): void {
  const ms = (value: number | undefined) => `${(value ?? 0).toFixed(2)} ms`;
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
  console.log(`throughput: username template (dry run), ${figures.cores} cores, load average ${figures.loadAverageBefore?.toFixed(2)} before, ${figures.loadAverageAfter?.toFixed(2)} after`);
  console.log(`  peer: in-process isolated-vm, fresh context per run p50 / p90   ${ms(figures.peerFreshContextP50Ms)} / ${ms(figures.peerFreshContextP90Ms)}`);
  const inProcess = `${ms(figures.inProcessSandboxP50Ms)}   (${figures.inProcessSandboxOverPeer?.toFixed(2)}x peer)`;
  console.log(`  the sandbox in this process (prelude, watchdog; no child) p50  ${inProcess}`);
  console.log(`  executor warm run p50 / p90, back to back, 1 child           ${ms(figures.executorWarmP50Ms)} / ${ms(figures.executorWarmP90Ms)}`);
  console.log(`  ratio executor / peer                                        ${figures.executorOverPeer?.toFixed(2)}x   (target <= 1.5x: ${verdict((figures.executorOverPeer ?? Infinity) <= 1.5)})`);
  console.log(`  ratio executor / the sandbox in this process (the child alone) ${figures.executorOverInProcessSandbox?.toFixed(2)}x`);
  console.log(`  the same, default pool (${figures.executorProcesses} children, jobs alternate)            ${ms(figures.poolWarmP50Ms)}   (${figures.poolOverPeer?.toFixed(2)}x)`);
  console.log(`  executor pool (${figures.executorProcesses} children), runFunction + record, ${POOL_IN_FLIGHT} in flight  ${Math.round(figures.poolRunsPerSecond ?? 0)} runs/s   (target >= 500: ${verdict((figures.poolRunsPerSecond ?? 0) >= 500)})`);
  const cpu = (figures.poolCpuMsPerRunParent ?? 0) + (figures.poolCpuMsPerRunChildren ?? 0);
  const ceiling = Number.isNaN(cpu) ? 'n/a' : `${Math.round((figures.cores ?? 0) * 1000 / cpu)} runs/s`;
  const split = `this process ${ms(figures.poolCpuMsPerRunParent)} + children ${ms(figures.poolCpuMsPerRunChildren)}`;
  console.log(`    CPU per run: ${split}; all cores busy at that cost: ${ceiling}`);
  console.log(`  MCP stdio run_function round trip p50 / p90                  ${ms(figures.mcpStdioRunP50Ms)} / ${ms(figures.mcpStdioRunP90Ms)}   (target p50 <= 5 ms: ${verdict((figures.mcpStdioRunP50Ms ?? Infinity) <= 5)})`);
  const http = (runsPerSecond = 0) => `${Math.round(runsPerSecond)} runs/s   (target >= 300: ${verdict(runsPerSecond >= 300)})`;
  console.log(`  MCP HTTP run_function, 16 clients (SDK client)               ${http(figures.mcpHttpRunsPerSecond16Clients)}`);
  console.log(`  MCP HTTP run_function, 16 lean clients (node:http)           ${http(figures.mcpHttpRunsPerSecond16LeanClients)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchThroughput();
}
