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

interface OpenPostgresOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  migrations?: readonly PostgresMigration[];
  maxConnections?: number;
  applicationName?: string;
}

export function openPostgres({ url, migrations = POSTGRES_MIGRATIONS, maxConnections, applicationName }: OpenPostgresOptions): PostgresDatabase {
  const named = applicationName === undefined ? {} : { applicationName };
  const sync = openSyncConnection({ connectionString: url, ...named });
  try {
    applyPostgresMigrations(sync, migrations);
  } catch (error) {
    sync.close();
    throw error;
  }
  const pool = createPostgresPool({ connectionString: url, ...(maxConnections === undefined ? {} : { maxConnections }), ...named });
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
