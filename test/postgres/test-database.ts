// Postgres for tests: the server (JOINERY_TEST_DATABASE_URL, else the run's throw-away cluster, started on
// first use under a lock shared by the test files), and a fresh database per store a test opens. Without
// PostgreSQL binaries the Postgres suites are skipped on a developer's machine; under CI=1 that is a failure.

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { openSyncConnection } from '../../core/postgres/index.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/postgres/throwaway-cluster.sh', import.meta.url));
const START_TIMEOUT_MS = 120_000;

let serverUrl: string | undefined;

/** The admin URL of the test server, or undefined when there is none and this is not CI. */
export function postgresServerUrl(): string | undefined {
  serverUrl ??= process.env.JOINERY_TEST_DATABASE_URL ?? startSharedCluster();
  return serverUrl;
}

/** Whether the Postgres suites run here. Under CI=1 a missing server throws instead of answering false. */
export function postgresAvailable(): boolean {
  if (process.env.JOINERY_TEST_DATABASE_URL !== undefined) return true;
  if (serverBinariesPresent()) return true;
  if (process.env.CI) throw new Error('CI=1 but PostgreSQL is not available: set JOINERY_TEST_DATABASE_URL or install the postgresql server');
  return false;
}

/** A new, empty database on the test server; `drop` removes it. */
export function createTestDatabase(): { url: string; drop(): void } {
  const server = postgresServerUrl();
  if (server === undefined) throw new Error('no PostgreSQL test server');
  const name = `joinery_t_${randomBytes(6).toString('hex')}`;
  const admin = openSyncConnection({ connectionString: server });
  try {
    admin.query(`CREATE DATABASE ${name}`);
  } finally {
    admin.close();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop() {
      const again = openSyncConnection({ connectionString: server });
      try {
        again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        again.close();
      }
    },
  };
}

function serverBinariesPresent(): boolean {
  try {
    execFileSync('bash', ['-c', 'ls -d ${PG_BIN:-/usr/lib/postgresql/*/bin}/initdb'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One test file starts the cluster (mkdir is the lock); the others wait for its URL file. */
function startSharedCluster(): string | undefined {
  if (!postgresAvailable()) return undefined;
  const folder = inject('postgresClusterFolder');
  const urlFile = join(folder, 'url');
  const failureFile = join(folder, 'failed');
  let starter = false;
  try {
    mkdirSync(join(folder, 'lock'));
    starter = true;
  } catch {
    // another test file is starting it
  }
  if (starter) {
    try {
      const url = execFileSync(SCRIPT, ['start', join(folder, 'cluster'), '--no-fsync'], { encoding: 'utf8' }).trim();
      writeFileSync(`${urlFile}.partial`, url, { mode: 0o600 });
      renameSync(`${urlFile}.partial`, urlFile);
      return url;
    } catch (error) {
      writeFileSync(failureFile, String(error));
      throw error;
    }
  }
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!existsSync(urlFile)) {
    if (existsSync(failureFile)) throw new Error(`the test cluster failed to start: ${readFileSync(failureFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('the test cluster did not start in time');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  return readFileSync(urlFile, 'utf8').trim();
}
