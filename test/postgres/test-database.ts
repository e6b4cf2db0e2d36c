// Postgres for tests: the server (JOINERY_TEST_DATABASE_URL, else the run's throw-away cluster, started on
// first use under a lock shared by the test files), and a fresh database per store a test opens. Without
// PostgreSQL binaries the Postgres suites are skipped on a developer's machine; under CI=1 that is a failure.

import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { applyPostgresMigrations, openSyncConnection, POSTGRES_MIGRATIONS, type SyncSql } from '../../core/postgres/index.ts';

const SCRIPT = fileURLToPath(new URL('../../scripts/postgres/throwaway-cluster.sh', import.meta.url));
const START_TIMEOUT_MS = 120_000;
const TEMPLATE_LOCK_KEY = 0x6a6f696e_7e57;

let serverUrl: string | undefined;

/** The admin URL of the test server, or undefined when there is none and this is not CI. */
function postgresServerUrl(): string | undefined {
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

/**
 * A new database on the test server; `drop` removes it. `migrated` (the default) copies a template that has
 * every Postgres migration applied (made once per server and schema version), so a test pays for a file
 * copy rather than for the migrations.
 */
export function createTestDatabase({ migrated = true }: { migrated?: boolean } = {}): { url: string; drop(): void } {
  const server = postgresServerUrl();
  if (server === undefined) throw new Error('no PostgreSQL test server');
  const admin = adminConnection(server);
  const name = `joinery_t_${randomBytes(6).toString('hex')}`;
  admin.query(migrated ? `CREATE DATABASE ${name} TEMPLATE ${migratedTemplate(server, admin)}` : `CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(server, name),
    drop: () => void admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

let admin: SyncSql | undefined;
let template: string | undefined;

/** One connection per test file for creating and dropping databases (it is never used for anything else). */
function adminConnection(server: string): SyncSql {
  admin ??= openSyncConnection({ connectionString: server, applicationName: 'joinery-test-admin' });
  return admin;
}

function databaseUrl(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Made under a session advisory lock, so test files racing to make it make it once. */
function migratedTemplate(server: string, sql: SyncSql): string {
  if (template !== undefined) return template;
  const schema = POSTGRES_MIGRATIONS.map((migration) => `${migration.id}\n${migration.sql}`).join('\n');
  const version = createHash('sha256').update(schema).digest('hex').slice(0, 12);
  const name = `joinery_template_${version}`;
  sql.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    if (sql.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]).rowCount === 0) {
      sql.query(`CREATE DATABASE ${name}_partial`);
      const target = openSyncConnection({ connectionString: databaseUrl(server, `${name}_partial`) });
      try {
        applyPostgresMigrations(target, POSTGRES_MIGRATIONS);
      } finally {
        target.close();
      }
      sql.query(`ALTER DATABASE ${name}_partial RENAME TO ${name}`);
    }
  } finally {
    sql.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
  template = name;
  return name;
}

function serverBinariesPresent(): boolean {
  if (process.env.PG_BIN !== undefined) return existsSync(join(process.env.PG_BIN, 'initdb'));
  const root = '/usr/lib/postgresql';
  return existsSync(root) && readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')));
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
