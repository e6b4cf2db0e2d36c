// `joinery serve` as its own process on loopback (port 0), started on a home and stopped gracefully or
// with SIGKILL (kill -9). The URL comes from its start line on standard error.

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(fileURLToPath(new URL('../..', import.meta.url)), 'bin', 'joinery.js');

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** Its JSON log lines so far (standard output), when started with `captureLogs`; else empty. */
  logs(): string[];
  /** SIGTERM (drain) or SIGKILL (a crash); resolves when the process is gone. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** `databaseUrl`: run on that Postgres database (JOINERY_DATABASE_URL) rather than the home's SQLite file. */
export async function startServe({ home, workers, leaseSeconds, databaseUrl, env = {}, captureLogs = false }: {
  home: string; workers: number; leaseSeconds: number; databaseUrl?: string; env?: Record<string, string>; captureLogs?: boolean;
}): Promise<ServeProcess> {
  const args = ['--no-node-snapshot', BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--workers', String(workers), '--dry-run'];
  args.push('--lease-seconds', String(leaseSeconds));
  const database = databaseUrl === undefined ? {} : { JOINERY_DATABASE_URL: databaseUrl };
  const stdio = ['ignore', captureLogs ? 'pipe' : 'ignore', 'pipe'] as const;
  const child = spawn(process.execPath, args, { env: { ...process.env, JOINERY_HOME: home, ...database, ...env }, stdio: [...stdio] });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = once(child, 'exit');
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`joinery serve did not start within 60 s: ${stderr}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`joinery serve exited ${code}: ${stderr}`));
    });
  });
  return {
    url,
    child,
    logs: () => stdout.split('\n').filter((line) => line !== ''),
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
