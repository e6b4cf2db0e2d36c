// Start-up: `joinery --version`, `--help`, `list` and `show` load none of the heavy packages. Each runs as
// the compiled CLI (bin/joinery.js → dist/) under a loader hook that records every module the process
// resolves; the files of dist/ are mapped to the packages bundled into them (dist/build-manifest.json).
// `check` is the control: it must load esbuild (it bundles on the main thread; TypeScript loads in the
// type-check worker), or the recorder is not seeing anything.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedHomeAlone, JOINERY_BIN, REPO_ROOT } from '../mcp-server/spawned-home.ts';
import { SAMPLE_NAME } from '../mcp-server/sample-function.ts';

const RECORDER = fileURLToPath(new URL('./import-recorder/register.mjs', import.meta.url));
const HEAVY = ['@anthropic-ai/sdk', '@modelcontextprotocol/sdk', 'typescript', 'isolated-vm', 'pg', 'openai'];

let home: Awaited<ReturnType<typeof createPublishedHomeAlone>>;
let logs: string;
beforeAll(async () => {
  home = await createPublishedHomeAlone();
  logs = mkdtempSync(join(tmpdir(), 'joinery-imports-'));
});
afterAll(() => {
  home.remove();
  rmSync(logs, { recursive: true, force: true });
});

/** The npm packages (aliases folded: isolated-vm-5 → isolated-vm) a run of the CLI loaded. */
async function packagesLoadedBy(args: string[]): Promise<{ code: number; packages: string[] }> {
  const log = join(logs, `${args[0]?.replace(/\W/g, '')}.log`);
  const code = await new Promise<number>((resolve) => {
    execFile(process.execPath, ['--import', RECORDER, JOINERY_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, JOINERY_HOME: home.home, JOINERY_IMPORT_LOG: log } }, (error) =>
      resolve(error ? Number(error.code) : 0),
    );
  });
  const bundled = (JSON.parse(readFileSync(join(REPO_ROOT, 'dist', 'build-manifest.json'), 'utf8')) as { files: Record<string, string[]> }).files;
  const packages = new Set<string>();
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line);
    if (inModules?.[1]) packages.add(inModules[1]);
    const inDist = /\/dist\/(.+\.js)$/.exec(line);
    for (const name of (inDist?.[1] && bundled[inDist[1]]) || []) packages.add(name);
  }
  return { code, packages: [...packages].map((name) => name.replace(/^(isolated-vm|better-sqlite3)-\d+$/, '$1')).sort() };
}

describe('what a command loads at start-up', { timeout: 60_000 }, () => {
  it.each([[['--version']], [['--help']], [['list']], [['show', SAMPLE_NAME]]])('joinery %j loads none of the heavy packages', async (args) => {
    const { code, packages } = await packagesLoadedBy(args);
    expect(code).toBe(0);
    expect(packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it('sees the packages a command does load (the recorder works)', async () => {
    const list = await packagesLoadedBy(['list']);
    expect(list.packages).toContain('better-sqlite3');
    const check = await packagesLoadedBy(['check', 'templates/username/username.ts']);
    expect(check.code).toBe(0);
    expect(check.packages).toContain('esbuild');
    const mcpHelp = await packagesLoadedBy(['mcp', '--help']);
    expect(mcpHelp.packages).toContain('@modelcontextprotocol/sdk');
  });
});
