export { openDatabase, closeDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { applyMigrations, appliedMigrationIds } from './migrate.ts';
export { MIGRATIONS } from './migrations.ts';
export type { Migration, SqliteDatabase } from './types.ts';
