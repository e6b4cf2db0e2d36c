// The Postgres server a store benchmark runs against: JOINERY_BENCH_DATABASE_URL, else a throw-away cluster
// (scripts/postgres/throwaway-cluster.sh) with the durable defaults (fsync on, synchronous_commit on),
// which is the fair peer of SQLite's synchronous=FULL. Each benchmark gets a database of its own.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSyncConnection } from '../../core/postgres/index.ts';

const PG_BIN_PARENT = process.env.PG_BIN ?? '/usr/lib/postgresql';
const SCRIPT = fileURLToPath(new URL('../../scripts/postgres/throwaway-cluster.sh', import.meta.url));

export interface BenchServer {
  /** A new empty database on the server. */
  createDatabase(): string;
  stop(): void;
}

/** Undefined when there is no server to use and no PostgreSQL binaries to start one. */
export function startBenchServer(): BenchServer | undefined {
  const given = process.env.JOINERY_BENCH_DATABASE_URL;
  if (given === undefined && !existsSync(PG_BIN_PARENT)) return undefined;
  let folder: string | undefined;
  let server = given;
  if (server === undefined) {
    folder = mkdtempSync(join(tmpdir(), 'joinery-bench-pg-'));
    chmodSync(folder, 0o711);
    server = execFileSync(SCRIPT, ['start', join(folder, 'cluster')], { encoding: 'utf8' }).trim();
  }
  const admin = openSyncConnection({ connectionString: server });
  const serverUrl = server;
  return {
    createDatabase() {
      const name = `joinery_bench_${randomBytes(5).toString('hex')}`;
      admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop() {
      admin.close();
      if (folder === undefined) return;
      execFileSync(SCRIPT, ['stop', join(folder, 'cluster')]);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}
