export { openPostgres, isPostgresUrl, type PostgresDatabase, type OpenPostgresOptions } from './open-postgres.ts';
export { openSyncConnection, type SyncConnectionOptions } from './sync-connection.ts';
export { createPostgresPool, type PostgresPoolOptions } from './async-pool.ts';
export { applyPostgresMigrations, appliedPostgresMigrationIds, MIGRATION_LOCK_KEY } from './migrate.ts';
export { POSTGRES_MIGRATIONS } from './migrations.ts';
export { sqlStateOf, UNIQUE_VIOLATION } from './sql-state.ts';
export type { AsyncSql, AsyncSqlSession, PostgresMigration, SqlParameter, SqlResult, SqlRow, SyncSql } from './types.ts';
export { DIRECTORY_NAMES_LOCK_KEY, SCHEDULER_LOCK_KEY } from './advisory-locks.ts';
