// MCP round trips: run_function on the username template over stdio and over Streamable HTTP, each with
// `node bin/joinery.js mcp` in its own process (the production launch), and HTTP throughput with 1, 4
// and 16 concurrent clients (one session each). Every call is a dry run that is logged, so it includes
// the sandbox run in the executor child and one fsync'd execution record.
// Peer: the same run without MCP, runFunction called in process on the same database and a fresh
// executor child (measured here first), so the figures show what the protocol and its transport add.
// Run: node --no-node-snapshot --import tsx bench/mcp.ts

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createTypeChecker } from '../core/build/index.ts';
import { createSqliteDirectory } from '../core/directory/index.ts';
import { publishFunction, runFunction } from '../core/pipeline/index.ts';
import { createSqliteRegistry } from '../core/registry/index.ts';
import { createSecretStore } from '../core/secrets/index.ts';
import { closeDatabase, openDatabase } from '../core/store/index.ts';
import { createSqliteTokenStore } from '../core/tokens/index.ts';
import { createDryRunFetch } from '../sandbox/egress/index.ts';
import { createExecutor } from '../sandbox/index.ts';
import { connectLeanClient, type LeanClient } from './mcp-http-load.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'joinery.js');
const TEMPLATE = join(ROOT, 'templates', 'username');
const WARMUP = 20;
const SAMPLES = 200;
const THROUGHPUT_CALLS = 960;
const EVENT = { type: 'user.joined', id: 'evt-bench', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' } };
const CALL = { name: 'run_function', arguments: { name: 'generate-username', input: EVENT, dry_run: true } };

export async function benchMcp(): Promise<Record<string, number>> {
  const home = mkdtempSync(join(tmpdir(), 'joinery-bench-mcp-'));
  try {
    const { token, direct } = await prepareHome(home);
    const stdio = await measureStdio(home);
    const http = await measureHttp(home, token);
    const figures: Record<string, number> = { directRunP50Ms: direct.p50, directRunP90Ms: direct.p90, stdioRunP50Ms: stdio.p50, stdioRunP90Ms: stdio.p90, httpRunP50Ms: http.p50, httpRunP90Ms: http.p90, ...http.throughput };
    console.log(`mcp: run_function (dry run, username template) through node bin/joinery.js mcp, ${SAMPLES} calls after ${WARMUP} warm-up`);
    console.log(`  peer, runFunction in process (no MCP) p50 ${direct.p50.toFixed(2)} ms, p90 ${direct.p90.toFixed(2)} ms`);
    console.log(`  stdio round trip p50 ${stdio.p50.toFixed(2)} ms, p90 ${stdio.p90.toFixed(2)} ms`);
    console.log(`  HTTP round trip  p50 ${http.p50.toFixed(2)} ms, p90 ${http.p90.toFixed(2)} ms (bearer token, one session)`);
    for (const clients of [1, 4, 16]) console.log(`  HTTP throughput, ${String(clients).padStart(2)} concurrent clients: ${Math.round(figures[`httpRunsPerSecond${clients}Clients`] ?? 0)} runs/s`);
    console.log(`  HTTP throughput, 16 lean clients (node:http, no SDK client): ${Math.round(figures.httpRunsPerSecond16LeanClients ?? 0)} runs/s`);
    console.log('  runs go through the server\'s executor pool (one child per core unless config.json sets executorProcesses)');
    return figures;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The username template published and approved, an operator token, and the in-process peer figures. */
export async function prepareHome(home: string): Promise<{ token: string; direct: { p50: number; p90: number } }> {
  const db = openDatabase(join(home, 'joinery.db'));
  const registry = createSqliteRegistry(db);
  const checker = createTypeChecker();
  const runner = createExecutor({ concurrency: 2 });
  try {
    const source = readFileSync(join(TEMPLATE, 'username.ts'), 'utf8');
    const fixturesText = readFileSync(join(TEMPLATE, 'username.fixtures.json'), 'utf8');
    const published = await publishFunction({ source, fixturesText, author: 'alice', toolchain: { checker, runner, allowedPackages: [] }, registry });
    if (!published.ok) throw new Error(`the username template did not publish: ${published.reason}`);
    registry.review({ name: published.version.name, version: published.version.version, reviewer: 'carol', decision: 'approved' });
    const token = createSqliteTokenStore(db).create({ name: 'bench', role: 'operator', lifetimeMs: 3_600_000 }).token;
    const directory = createSqliteDirectory(db);
    const secrets = createSecretStore({ db, key: randomBytes(32) });
    const direct = await timed(async () => {
      const execution = await runFunction({ name: 'generate-username', event: EVENT, caller: 'bench', dryRun: true, registry, directory, secrets, fetchFor: (egress) => createDryRunFetch({ allowedHosts: egress }).fetch, runner });
      if (execution.outcome.kind !== 'returned') throw new Error('the in-process run failed');
    });
    return { token, direct };
  } finally {
    await checker.close();
    await runner.close();
    closeDatabase(db);
  }
}

export async function measureStdio(home: string) {
  const client = new Client({ name: 'bench', version: '0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], cwd: ROOT, env: { ...process.env, JOINERY_HOME: home, JOINERY_ROLE: 'operator', JOINERY_USER: 'bench' } as Record<string, string>, stderr: 'ignore' }));
  try {
    return await sequential(client);
  } finally {
    await client.close();
  }
}

export async function measureHttp(home: string, token: string) {
  const { child, url } = await startHttpServer(home);
  const clients: Client[] = [];
  const connect = async () => {
    const client = new Client({ name: 'bench', version: '0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
    clients.push(client);
    return client;
  };
  try {
    const latency = await sequential(await connect());
    const throughput: Record<string, number> = {};
    for (const count of [1, 4, 16]) {
      throughput[`httpRunsPerSecond${count}Clients`] = await runsPerSecond(await Promise.all(Array.from({ length: count }, connect)), call);
    }
    throughput.httpRunsPerSecond16LeanClients = await leanThroughput(url, token, 16);
    return { ...latency, throughput };
  } finally {
    for (const client of clients) await client.close().catch(() => {});
    child.kill('SIGTERM');
  }
}

/** The same calls from lean clients (mcp-http-load.ts): the server's throughput with less of the machine
 *  spent on the client side. */
async function leanThroughput(url: string, token: string, count: number): Promise<number> {
  const clients = await Promise.all(Array.from({ length: count }, () => connectLeanClient(url, token)));
  try {
    return await runsPerSecond(clients, async (client: LeanClient) => checkReturned(await client.call(CALL.name, CALL.arguments)));
  } finally {
    for (const client of clients) client.close();
  }
}

/** One warm-up call per client, then THROUGHPUT_CALLS shared out among them, all at once. */
async function runsPerSecond<C>(clients: C[], call: (client: C) => Promise<void>): Promise<number> {
  for (const client of clients) await call(client);
  const perClient = Math.ceil(THROUGHPUT_CALLS / clients.length);
  const startedAt = performance.now();
  await Promise.all(clients.map(async (client) => {
    for (let index = 0; index < perClient; index += 1) await call(client);
  }));
  return (perClient * clients.length * 1000) / (performance.now() - startedAt);
}

function startHttpServer(home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'mcp', '--http', '--port', '0'], { cwd: ROOT, env: { ...process.env, JOINERY_HOME: home }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`the HTTP server did not start in 60 s: ${stderr}`)), 60_000);
    child.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
      const url = /listening on (\S+)/.exec(stderr)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.once('exit', (code) => reject(new Error(`the HTTP server exited (${code}): ${stderr}`)));
  });
}

function sequential(client: Client): Promise<{ p50: number; p90: number }> {
  return timed(() => call(client));
}

async function timed(action: () => Promise<void>): Promise<{ p50: number; p90: number }> {
  for (let index = 0; index < WARMUP; index += 1) await action();
  const times: number[] = [];
  for (let index = 0; index < SAMPLES; index += 1) {
    const startedAt = performance.now();
    await action();
    times.push(performance.now() - startedAt);
  }
  times.sort((left, right) => left - right);
  const at = (fraction: number) => times[Math.min(times.length - 1, Math.floor(times.length * fraction))]!;
  return { p50: at(0.5), p90: at(0.9) };
}

async function call(client: Client): Promise<void> {
  checkReturned(await client.callTool(CALL));
}

function checkReturned(answer: unknown): void {
  const result = answer as { isError?: unknown; structuredContent?: unknown; content?: unknown };
  if (result.isError === true || (result.structuredContent as { returned?: boolean } | undefined)?.returned !== true) {
    throw new Error(`run_function failed in the benchmark: ${JSON.stringify(result.content ?? result)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchMcp();
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(32)} ${value.toFixed(2)}`);
}
