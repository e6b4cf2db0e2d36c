// `joinery mcp` start order: the server answers `initialize` without starting the sandbox or the compiler,
// and starts both (executor processes, TypeScript's native compiler) as soon as the client says
// `initialized`, so the first run_function and check_function find them warm. Before `initialized` the
// process has loaded neither TypeScript, isolated-vm nor the offline author (recorded by the import
// recorder of startup-imports.test.ts): TypeScript's client cost `initialize` about 40 ms, the author 40. Processes are read
// from /proc: Linux only.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedHomeAlone, JOINERY_BIN, REPO_ROOT } from '../mcp-server/spawned-home.ts';

const RECORDER = fileURLToPath(new URL('./import-recorder/register.mjs', import.meta.url));

let home: Awaited<ReturnType<typeof createPublishedHomeAlone>>;
let logs: string;
beforeAll(async () => {
  home = await createPublishedHomeAlone();
  logs = mkdtempSync(join(tmpdir(), 'joinery-warm-up-'));
});
afterAll(() => {
  home.remove();
  rmSync(logs, { recursive: true, force: true });
});

/** Command lines of the direct children of `pid`. */
function childrenOf(pid: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) found.push(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' '));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((resolve) => setTimeout(resolve, 50))) if (condition()) return true;
  return condition();
}

describe.skipIf(process.platform !== 'linux')('joinery mcp start order', { timeout: 60_000 }, () => {
  it('answers initialize with nothing started, then warms the sandbox and the compiler once the client is initialized', async () => {
    const importLog = join(logs, 'imports.log');
    const env = { ...process.env, JOINERY_HOME: home.home, JOINERY_IMPORT_LOG: importLog };
    const server = spawn(process.execPath, ['--import', RECORDER, JOINERY_BIN, 'mcp'], { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const send = (message: object) => server.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    try {
      const answered = new Promise<string>((resolve) => server.stdout.once('data', (chunk) => resolve(String(chunk))));
      send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'warm-up-test', version: '0' } } });
      expect(JSON.parse(await answered)).toMatchObject({ id: 1, result: { serverInfo: { name: 'joinery' } } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(childrenOf(server.pid ?? -1)).toEqual([]);
      const loaded = readFileSync(importLog, 'utf8').split('\n');
      expect(loaded.filter((line) => /node_modules\/(typescript|isolated-vm)/.test(line))).toEqual([]);
      expect(loaded.some((line) => line.includes('better-sqlite3')), 'the recorder saw the store open').toBe(true);
      // The offline author (half a megabyte) loads on the first author_function: esbuild names each source
      // file it bundled in a comment, so no loaded file of dist/ may hold the offline model's.
      const distFiles = [...new Set(loaded.filter((line) => line.startsWith('file:') && /\/dist\/.+\.js$/.test(line)).map((line) => fileURLToPath(line)))];
      expect(distFiles.length).toBeGreaterThan(0);
      expect(distFiles.filter((file) => readFileSync(file, 'utf8').includes('// agent/offline/offline-model.ts'))).toEqual([]);

      send({ method: 'notifications/initialized' });
      const warm = await until(() => {
        const children = childrenOf(server.pid ?? -1);
        return children.some((line) => line.includes('executor-child.js')) && children.some((line) => line.includes('--api'));
      }, 30_000);
      expect(warm, `children: ${JSON.stringify(childrenOf(server.pid ?? -1))}`).toBe(true);
    } finally {
      server.stdin.end();
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });
});
