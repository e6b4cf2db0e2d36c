// The store ports of one command, from either engine: PostgreSQL when JOINERY_DATABASE_URL is set (the
// schema migrated on open, under the migration lock), else <home>/joinery.db. Every port is made on first
// use, so a command opens only what it asks for, and SQLite behaves exactly as it did before this file.

import type { AuditTrail } from '../core/audit/index.ts';
import { createPostgresAuditTrail, createSqliteAuditTrail } from '../core/audit/index.ts';
import { createPostgresDirectory, createSqliteDirectory, type DirectoryStore } from '../core/directory/index.ts';
import { JoineryError } from '../core/errors.ts';
import {
  createPostgresDeliveryLog, createPostgresEventQueue, createSqliteDeliveryLog, createSqliteEventQueue, DEFAULT_RETRY_POLICY, type RetryPolicy,
} from '../core/events/index.ts';
import { createPostgresFlowStore, createSqliteFlowStore } from '../core/flows/index.ts';
import { createPostgresGuardStore, createSqliteGuardStore } from '../core/guards/index.ts';
import { createPostgresReservationLedger, createSqliteReservationLedger } from '../core/ledger/index.ts';
import { openPostgres, type PostgresDatabase } from '../core/postgres/index.ts';
import { createPostgresRegistry, createSqliteRegistry, type Registry } from '../core/registry/index.ts';
import { createPostgresExecutionRetention, createSqliteExecutionRetention } from '../core/retention/index.ts';
import { createPostgresScheduleStore, createSqliteScheduleStore } from '../core/schedules/index.ts';
import { createPostgresSecretStore, createSecretStore, type SecretStore } from '../core/secrets/index.ts';
import type { SqliteDatabase } from '../core/store/index.ts';
import { createPostgresTokenStore, createSqliteTokenStore } from '../core/tokens/index.ts';

type Port<T extends (...parameters: never[]) => unknown> = () => ReturnType<T>;

export interface StorePorts {
  engine: 'sqlite' | 'postgres';
  registry(): Registry;
  directory(): DirectoryStore;
  secrets(): SecretStore;
  queue: Port<typeof createSqliteEventQueue>;
  deliveries: Port<typeof createSqliteDeliveryLog>;
  ledger: Port<typeof createSqliteReservationLedger>;
  schedules: Port<typeof createSqliteScheduleStore>;
  guards: Port<typeof createSqliteGuardStore>;
  flows: Port<typeof createSqliteFlowStore>;
  tokens: Port<typeof createSqliteTokenStore>;
  /** The open database, for stores kept outside core (MCP drafts: mcp-server stays unloaded for other commands). */
  connection(): { sqlite: SqliteDatabase } | { postgres: PostgresDatabase };
  retention: Port<typeof createSqliteExecutionRetention>;
  /** Audit entries and reviews as one list: the console's audit page and `joinery audit export`. */
  auditTrail(): AuditTrail;
}

interface OpenStoresOptions {
  env: NodeJS.ProcessEnv;
  /** Opens <home>/joinery.db (the CLI context's one handle); called only on SQLite. */
  sqlite(): SqliteDatabase;
  /** The AES-256 key that seals secrets: the same file or JOINERY_SECRET_KEY on every node. */
  secretKey(): Buffer;
  /** The event queue's retries (config.json "retry"; unset fields keep the defaults), read when the queue opens. */
  retry?: () => Partial<RetryPolicy>;
}

/** The database URL when the command runs on Postgres, else undefined. A URL of another kind is refused. */
function postgresUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.JOINERY_DATABASE_URL;
  if (url === undefined || url === '') return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new JoineryError('INVALID_INPUT', 'JOINERY_DATABASE_URL must be a postgres:// URL (unset it to use SQLite)');
  return url;
}

export function openStores({ env, sqlite, secretKey, retry: configured = () => ({}) }: OpenStoresOptions): { ports: StorePorts; close(): Promise<void> } {
  const url = postgresUrl(env);
  const retry = (): RetryPolicy => ({ ...DEFAULT_RETRY_POLICY, ...configured() });
  let registry: Registry | undefined;
  // The registry is closed first: on SQLite that ends the execution record writer's thread, which would
  // otherwise keep the process alive after a run (and it closes the handle the other stores share).
  const withRegistryClosed = (ports: StorePorts): StorePorts => ({ ...ports, registry: () => (registry ??= ports.registry()) });
  if (url === undefined) return { ports: withRegistryClosed(sqlitePorts(sqlite, secretKey, retry)), close: async () => registry?.close() };
  let database: PostgresDatabase | undefined;
  const postgres = () => (database ??= openPostgres({ url, applicationName: 'joinery' }));
  return {
    ports: withRegistryClosed(postgresPorts(postgres, secretKey, retry)),
    close: async () => {
      registry?.close();
      await database?.close();
    },
  };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function sqlitePorts(db: () => SqliteDatabase, secretKey: () => Buffer, retry: () => RetryPolicy): StorePorts {
  return {
    engine: 'sqlite',
    registry: once(() => createSqliteRegistry(db())),
    directory: once(() => createSqliteDirectory(db())),
    secrets: once(() => createSecretStore({ db: db(), key: secretKey() })),
    queue: once(() => createSqliteEventQueue(db(), { retry: retry() })),
    deliveries: once(() => createSqliteDeliveryLog(db())),
    ledger: once(() => createSqliteReservationLedger(db())),
    schedules: once(() => createSqliteScheduleStore(db())),
    guards: once(() => createSqliteGuardStore(db())),
    flows: once(() => createSqliteFlowStore(db())),
    tokens: once(() => createSqliteTokenStore(db())),
    connection: () => ({ sqlite: db() }),
    retention: once(() => createSqliteExecutionRetention(db())),
    auditTrail: once(() => createSqliteAuditTrail(db())),
  };
}

function postgresPorts(database: () => PostgresDatabase, secretKey: () => Buffer, retry: () => RetryPolicy): StorePorts {
  const sync = () => database().sync;
  return {
    engine: 'postgres',
    registry: once(() => createPostgresRegistry(sync())),
    directory: once(() => createPostgresDirectory(sync())),
    secrets: once(() => createPostgresSecretStore({ sql: sync(), key: secretKey() })),
    queue: once(() => createPostgresEventQueue(database().pool, { retry: retry() })),
    deliveries: once(() => createPostgresDeliveryLog(database().pool)),
    ledger: once(() => createPostgresReservationLedger(database().pool)),
    schedules: once(() => createPostgresScheduleStore(sync())),
    guards: once(() => createPostgresGuardStore(sync())),
    flows: once(() => createPostgresFlowStore(sync())),
    tokens: once(() => createPostgresTokenStore(sync())),
    connection: () => ({ postgres: database() }),
    retention: once(() => createPostgresExecutionRetention(sync())),
    auditTrail: once(() => createPostgresAuditTrail(sync())),
  };
}
