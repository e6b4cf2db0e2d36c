// The migration runner: ordered `{ id, up }` steps, each recorded in the `migrations` table once applied.
// Pending steps run together in one BEGIN IMMEDIATE transaction, so two processes opening a fresh file at
// the same moment cannot both apply them, and a failing step leaves the schema as it was.

import { JoineryError } from '../errors.ts';
import type { Migration, SqliteDatabase } from './types.ts';

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS migrations (
  id TEXT PRIMARY KEY,
  applied_at TEXT NOT NULL
) STRICT`;

/** Applies what is missing and returns the ids it applied. Refuses a database migrated by newer code. */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): string[] {
  assertUniqueIds(migrations);
  if (pendingMigrations(db, migrations).length === 0) return [];
  const applyPending = db.transaction(() => {
    db.exec(CREATE_LEDGER);
    const pending = pendingMigrations(db, migrations);
    const record = db.prepare('INSERT INTO migrations (id, applied_at) VALUES (?, ?)');
    for (const migration of pending) {
      migration.up(db);
      record.run(migration.id, new Date().toISOString());
    }
    return pending.map((migration) => migration.id);
  });
  return applyPending.immediate();
}

/** The ids recorded as applied, in the order they were applied. */
export function appliedMigrationIds(db: SqliteDatabase): string[] {
  const ledger = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'migrations'")
    .get();
  if (ledger === undefined) return [];
  return db.prepare('SELECT id FROM migrations ORDER BY rowid').pluck().all() as string[];
}

function pendingMigrations(db: SqliteDatabase, migrations: readonly Migration[]): Migration[] {
  const applied = appliedMigrationIds(db);
  const known = new Set(migrations.map((migration) => migration.id));
  const unknown = applied.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new JoineryError(
      'INTERNAL',
      `the database schema is newer than this version of Joinery: it has migrations this code does not know ` +
        `(${unknown.join(', ')}); upgrade Joinery before opening this database`,
      { unknownMigrations: unknown },
    );
  }
  const done = new Set(applied);
  return migrations.filter((migration) => !done.has(migration.id));
}

function assertUniqueIds(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (seen.has(id)) throw new JoineryError('INTERNAL', `migration id "${id}" is listed twice`);
    seen.add(id);
  }
}
