// PostgreSQL for several nodes: the blocking connection (synchronous ports), the pool (asynchronous ports),
// the schema and its migration runner, and the advisory lock keys. See core/store/README.md.

export { openPostgres, type PostgresDatabase } from './open-postgres.ts';
export { openSyncConnection } from './sync-connection.ts';
export { createPostgresPool } from './async-pool.ts';
export { applyPostgresMigrations, appliedPostgresMigrationIds } from './migrate.ts';
export { POSTGRES_MIGRATIONS } from './migrations.ts';
export { DIRECTORY_NAMES_LOCK_KEY, SCHEDULER_LOCK_KEY } from './advisory-locks.ts';
export type { AsyncSql, AsyncSqlSession, SyncSql } from './types.ts';
export { copySqliteToPostgres, type StoreCopyReport } from './copy-sqlite-to-postgres.ts';
export type { CopyProgress } from './copy-table.ts';
export { COPIED_TABLES, SKIPPED_TABLES } from './sqlite-copy-plan.ts';
