// The built `joinery` command as its own process (as an operator runs it), on a home and, when given, a
// Postgres database (JOINERY_DATABASE_URL).

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(fileURLToPath(new URL('../../..', import.meta.url)), 'bin', 'joinery.js');

export interface SpawnedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: string[], { cwd, env }: { cwd: string; env: Record<string, string> }): Promise<SpawnedRun> {
  const child = spawn(process.execPath, ['--no-node-snapshot', BIN, ...args], {
    cwd,
    env: { ...process.env, JOINERY_USER: 'tester', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
