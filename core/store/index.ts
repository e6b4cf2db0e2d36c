export { openDatabase, closeDatabase, type OpenDatabaseOptions } from './open-database.ts';
export { ensurePrivateDirectory, ensurePrivateFile, permissionWarning, PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from './private-files.ts';
export { applyMigrations, appliedMigrationIds } from './migrate.ts';
export { MIGRATIONS } from './migrations.ts';
export type { Migration, SqliteDatabase } from './types.ts';
