// Opening the one SQLite file that holds the registry, the directory and the secrets. Every handle gets the
// same settings, and the schema is brought up to date (or refused, when it is newer than this code).

import { dirname } from 'node:path';
import { loadBetterSqlite3 } from './load-better-sqlite3.ts';
import { applyMigrations } from './migrate.ts';
import { MIGRATIONS } from './migrations.ts';
import { ensurePrivateDirectory, ensurePrivateFile, permissionWarning } from './private-files.ts';
import type { Migration, SqliteDatabase } from './types.ts';

export interface OpenDatabaseOptions {
  /**
   * FULL by default: in WAL mode it costs one fsync per commit (a 20 KB publish took 0.7 ms instead of
   * 0.3 ms, a logged run 0.6 ms instead of 0.2 ms; see bench/publish.ts), and in exchange an approval, a
   * published version, a logged run or an audit entry the caller was told about survives a power cut or
   * an OS crash. NORMAL survives process crashes only, and may drop the last commits on power loss.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How long a writer waits for another process's write lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  migrations?: readonly Migration[];
  /** Told about an existing database file (or its -wal, -shm) that group or others may read. */
  warn?: (message: string) => void;
}

/**
 * Opens (creating the file 0600 and its missing parent folders 0700) and migrates. `':memory:'` works too.
 */
export function openDatabase(
  file: string,
  { synchronous = 'FULL', busyTimeoutMs = 5_000, migrations = MIGRATIONS, warn }: OpenDatabaseOptions = {},
): SqliteDatabase {
  const onDisk = file !== ':memory:' && file !== '';
  if (onDisk) {
    ensurePrivateDirectory(dirname(file));
    ensurePrivateFile(file);
  }
  const Database = loadBetterSqlite3();
  const db = new Database(file, { timeout: busyTimeoutMs });
  try {
    db.pragma('journal_mode = WAL');
    if (onDisk && warn) {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        const warning = permissionWarning(path);
        if (warning !== undefined) warn(warning);
      }
    }
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Checkpoints what it can without waiting, then closes. Safe to call twice. */
export function closeDatabase(db: SqliteDatabase): void {
  if (!db.open) return;
  // PASSIVE never waits on other processes' readers; the last connection to close removes the WAL anyway.
  if (!db.memory && !db.readonly) db.pragma('wal_checkpoint(PASSIVE)');
  db.close();
}
