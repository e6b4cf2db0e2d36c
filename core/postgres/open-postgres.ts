// Opening Joinery's PostgreSQL database: one synchronous connection (for the synchronous ports), a pool
// (for the asynchronous ones), and the schema brought up to date under the migration lock.

import { createPostgresPool } from './async-pool.ts';
import { applyPostgresMigrations } from './migrate.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import { openSyncConnection } from './sync-connection.ts';
import type { AsyncSql, PostgresMigration, SyncSql } from './types.ts';

export interface PostgresDatabase {
  url: string;
  sync: SyncSql;
  pool: AsyncSql;
  close(): Promise<void>;
}

export interface OpenPostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  migrations?: readonly PostgresMigration[];
  maxConnections?: number;
  applicationName?: string;
}

export function openPostgres({ url, migrations = POSTGRES_MIGRATIONS, maxConnections, applicationName }: OpenPostgresOptions): PostgresDatabase {
  const sync = openSyncConnection({ connectionString: url, ...(applicationName === undefined ? {} : { applicationName }) });
  try {
    applyPostgresMigrations(sync, migrations);
  } catch (error) {
    sync.close();
    throw error;
  }
  const pool = createPostgresPool({ connectionString: url, ...(maxConnections === undefined ? {} : { maxConnections }), ...(applicationName === undefined ? {} : { applicationName }) });
  let closing: Promise<void> | undefined;
  return {
    url,
    sync,
    pool,
    close: () =>
      (closing ??= (async () => {
        sync.close();
        await pool.close();
      })()),
  };
}

/** True for a JOINERY_DATABASE_URL that names PostgreSQL. */
export function isPostgresUrl(value: string | undefined): value is string {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value);
}
