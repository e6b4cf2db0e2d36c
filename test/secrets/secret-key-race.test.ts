// Processes starting together on a new home end with one secret key: each of several child processes loads
// the same fresh key files at the same moment; for every file they all get the same key, exactly one of
// them created it, none failed, and no temporary file is left behind.

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./children/load-key-child.ts', import.meta.url));
const PROCESSES = 4;
const HOMES = 200;

let folder: string | undefined;
afterEach(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

it('gives every process the same key for a new home, created by exactly one of them', async () => {
  folder = mkdtempSync(join(tmpdir(), 'joinery-key-race-'));
  const startAt = String(Date.now() + 3_000);
  const run = promisify(execFile);
  const child = () => run(process.execPath, ['--import', 'tsx', CHILD, folder ?? '', String(HOMES), startAt]);
  const outputs = await Promise.all(Array.from({ length: PROCESSES }, child));
  type Result = { index: number; key?: string; created?: boolean; error?: string };
  const results = outputs.flatMap(({ stdout }) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Result));
  expect(results.filter((result) => result.error !== undefined)).toEqual([]);
  for (let index = 0; index < HOMES; index += 1) {
    const forHome = results.filter((result) => result.index === index);
    expect(forHome).toHaveLength(PROCESSES);
    expect(new Set(forHome.map((result) => result.key)).size).toBe(1);
    expect(forHome.filter((result) => result.created)).toHaveLength(1);
  }
  const files = Array.from({ length: HOMES }, (_, index) => readdirSync(join(folder ?? '', `home-${index}`)));
  const leftovers = files.flat().filter((name) => name !== 'secret.key');
  expect(leftovers).toEqual([]);
}, 60_000);
