// `joinery init` (and the first `joinery author` into a folder) give authored functions editor types: the
// project's own TypeScript, run as `tsc --noEmit -p functions`, resolves `@joinery/sdk` and checks a
// function as `joinery check` does, Node globals included (they are errors).

import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const TEMPLATE = fileURLToPath(new URL('../../templates/username/username.ts', import.meta.url));
// The project's TypeScript 7 command (bin/tsc launches the native compiler; exports hide the path).
const TSC = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'joinery-init-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function tsc(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSC, '--noEmit', '-p', project], { cwd: folder }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }));
  });
}

describe('joinery init', { timeout: 60_000 }, () => {
  it('writes a tsconfig.json and the SDK declarations that tsc resolves @joinery/sdk with', async () => {
    const run = await runCli(['init', '--json'], { cwd: folder, home: join(folder, '.joinery') });
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ ok: true, folder: 'functions', keptTsconfig: false });
    copyFileSync(TEMPLATE, join(folder, 'functions', 'generate-username.ts'));
    expect(await tsc('functions')).toEqual({ code: 0, output: '' });
  });

  it('checks as joinery check does: a Node global is an error', async () => {
    await runCli(['init'], { cwd: folder, home: join(folder, '.joinery') });
    writeFileSync(join(folder, 'functions', 'leaky.ts'), "import { defineFunction } from '@joinery/sdk';\nexport default defineFunction({ name: 'leaky', description: 'x', trigger: 'manual', egress: [], secrets: [], async run() { return process.env.HOME; } });\n");
    const result = await tsc('functions');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("leaky.ts(2,");
    expect(result.output).toContain("'process'");
  });

  it('keeps a tsconfig.json the user has and refreshes the declarations', async () => {
    await runCli(['init'], { cwd: folder, home: join(folder, '.joinery') });
    writeFileSync(join(folder, 'functions', 'tsconfig.json'), '{ "extends": "./mine.json" }\n');
    writeFileSync(join(folder, 'functions', 'joinery-sdk.d.ts'), '// stale\n');
    const run = await runCli(['init', '--json'], { cwd: folder, home: join(folder, '.joinery') });
    expect(run.json()).toMatchObject({ written: ['joinery-sdk.d.ts'], keptTsconfig: true });
    expect(readFileSync(join(folder, 'functions', 'tsconfig.json'), 'utf8')).toBe('{ "extends": "./mine.json" }\n');
    expect(readFileSync(join(folder, 'functions', 'joinery-sdk.d.ts'), 'utf8')).toContain("declare module '@joinery/sdk'");
  });

  it('is done by the first joinery author into a folder', async () => {
    const run = await runCli(['author', 'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD', '--out', 'rules'], { cwd: folder, home: join(folder, '.joinery') });
    expect(run.code).toBe(0);
    expect(await tsc('rules')).toEqual({ code: 0, output: '' });
  });
});
