// Start-up, what a user feels first: `joinery --version`, `--help` and `list` (a registry with one
// function) each timed against `node -e 0`, spawned in turn (A B A B ...) so every ratio is taken pair by
// pair on the same machine state; then `joinery mcp` over stdio: spawn to `initialize` answered, and the
// first run_function (dry run) and check_function right after it, while the server warms.
// Runs the compiled CLI (bin/joinery.js → dist/); build first: npm run build.
// Run: node --no-node-snapshot --import tsx bench/startup.ts

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createTypeChecker } from '../core/build/index.ts';
import { publishFunction } from '../core/pipeline/index.ts';
import { createSqliteRegistry } from '../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../core/store/index.ts';
import { createExecutor } from '../sandbox/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'joinery.js');
const TEMPLATE = join(ROOT, 'templates', 'username');
const COMMAND_ROUNDS = 15;
const MCP_SPAWNS = 7;
const EVENT = { type: 'user.joined', id: 'evt-bench', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' } };

export async function benchStartup(): Promise<Record<string, number>> {
  const home = mkdtempSync(join(tmpdir(), 'joinery-bench-startup-'));
  try {
    const source = await publishUsername(home);
    const env = { ...process.env, JOINERY_HOME: home, JOINERY_USER: 'bench' };
    const figures: Record<string, number> = {};
    console.log(`startup: wall time from spawn to exit, medians of ${COMMAND_ROUNDS} runs, each paired with a run of the peer \`node -e 0\``);
    for (const [key, args, target] of [['version', ['--version'], 3], ['help', ['--help'], 3], ['list', ['list'], 5]] as const) {
      const { medianMs, peerMedianMs, medianRatio } = await pairedCommand([...args], env);
      Object.assign(figures, { [`${key}Ms`]: medianMs, [`${key}NodeMs`]: peerMedianMs, [`${key}Ratio`]: medianRatio });
      const verdict = `target <= ${target}x: ${met(medianRatio <= target)}`;
      const figure = `${medianMs.toFixed(0).padStart(5)} ms   node -e 0 ${peerMedianMs.toFixed(0).padStart(4)} ms`;
      console.log(`  joinery ${args.join(' ').padEnd(10)} ${figure}   ratio ${medianRatio.toFixed(2)}x   (${verdict})`);
    }
    // What no executor child can start faster than: isolated-vm needs Node without its start-up snapshot.
    const bareChildTimes: number[] = [];
    for (let round = 0; round < COMMAND_ROUNDS; round += 1) bareChildTimes.push(await timeProcess(['--no-node-snapshot', '-e', '0'], env));
    const bareChild = median(bareChildTimes);
    figures.nodeNoSnapshotMs = bareChild;
    const mcp = await mcpStartup(env, source);
    Object.assign(figures, mcp);
    const { mcpInitializeMs, mcpFirstRunMs, mcpFirstCheckMs } = mcp;
    console.log(`  joinery mcp (stdio), medians of ${MCP_SPAWNS} spawns: spawn to initialize answered ${mcpInitializeMs.toFixed(0)} ms   (target <= 400 ms: ${met(mcpInitializeMs <= 400)})`);
    console.log(`    then the first run_function ${mcpFirstRunMs.toFixed(0)} ms (target <= 150 ms: ${met(mcpFirstRunMs <= 150)}) and the first check_function ${mcpFirstCheckMs.toFixed(0)} ms`);
    console.log(`    (the server warms after initialize; no executor child starts faster than \`node --no-node-snapshot -e 0\`: ${bareChild.toFixed(0)} ms)`);
    return figures;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The username template, published and approved, so `list` prints a row and run_function has a target. */
async function publishUsername(home: string): Promise<string> {
  const db = openDatabase(join(home, 'joinery.db'));
  const registry = createSqliteRegistry(db);
  const checker = createTypeChecker();
  const runner = createExecutor();
  try {
    const source = readFileSync(join(TEMPLATE, 'username.ts'), 'utf8');
    const fixturesText = readFileSync(join(TEMPLATE, 'username.fixtures.json'), 'utf8');
    const published = await publishFunction({ source, fixturesText, author: 'alice', toolchain: { checker, runner, allowedPackages: [] }, registry });
    if (!published.ok) throw new Error(`the username template did not publish: ${published.reason}`);
    registry.review({ name: published.version.name, version: published.version.version, reviewer: 'carol', decision: 'approved' });
    return source;
  } finally {
    checker.close();
    await runner.close();
    closeDatabase(db);
  }
}

async function pairedCommand(args: string[], env: NodeJS.ProcessEnv) {
  await timeProcess([BIN, ...args], env); // warm the file cache
  const times: number[] = [];
  const peers: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < COMMAND_ROUNDS; round += 1) {
    const time = await timeProcess([BIN, ...args], env);
    const peer = await timeProcess(['-e', '0'], env);
    times.push(time);
    peers.push(peer);
    ratios.push(time / peer);
  }
  return { medianMs: median(times), peerMedianMs: median(peers), medianRatio: median(ratios) };
}

const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - startedAt) : reject(new Error(`node ${args.join(' ')} exited with ${code}`))));
  });
}

interface McpStartup {
  mcpInitializeMs: number;
  mcpFirstRunMs: number;
  mcpFirstCheckMs: number;
}

async function mcpStartup(env: NodeJS.ProcessEnv, source: string): Promise<McpStartup> {
  const initialize: number[] = [];
  const firstRun: number[] = [];
  const firstCheck: number[] = [];
  for (let spawnIndex = 0; spawnIndex < MCP_SPAWNS; spawnIndex += 1) {
    const client = new Client({ name: 'bench-startup', version: '0' });
    const startedAt = performance.now();
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env: env as Record<string, string>, stderr: 'ignore' }));
    const initializedAt = performance.now();
    try {
      const run = await client.callTool({ name: 'run_function', arguments: { name: 'generate-username', input: EVENT, dry_run: true } });
      const ranAt = performance.now();
      if (run.isError || (run.structuredContent as { returned?: boolean } | undefined)?.returned !== true) throw new Error(`run_function failed: ${JSON.stringify(run.content)}`);
      const check = await client.callTool({ name: 'check_function', arguments: { source } });
      const checkedAt = performance.now();
      if (check.isError) throw new Error(`check_function failed: ${JSON.stringify(check.content)}`);
      if (spawnIndex === 0) continue; // the first spawn warms the file cache
      initialize.push(initializedAt - startedAt);
      firstRun.push(ranAt - initializedAt);
      firstCheck.push(checkedAt - ranAt);
    } finally {
      await client.close();
    }
  }
  return { mcpInitializeMs: median(initialize), mcpFirstRunMs: median(firstRun), mcpFirstCheckMs: median(firstCheck) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchStartup();
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(24)} ${value.toFixed(2)}`);
}
