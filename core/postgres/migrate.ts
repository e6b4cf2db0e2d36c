// The Postgres migration runner: ordered `{ id, sql }` steps recorded in `schema_migrations`. All of it runs
// in one transaction under a transaction-scoped advisory lock, so when several nodes start at once one
// applies the pending steps and the others wait, then find nothing left to do. A database migrated by newer
// code (a step this code does not know) is refused, as on SQLite.

import { JoineryError } from '../errors.ts';
import type { PostgresMigration, SyncSql } from './types.ts';

/** Any fixed 64-bit key shared by every Joinery node; the other advisory keys are in advisory-locks.ts. */
const MIGRATION_LOCK_KEY = 0x6a6f696e_0001;

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  id TEXT PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  seq BIGINT GENERATED ALWAYS AS IDENTITY
)`;

/** Applies what is missing and returns the ids it applied (none when another node got there first). */
export function applyPostgresMigrations(sql: SyncSql, migrations: readonly PostgresMigration[]): string[] {
  assertUniqueIds(migrations);
  return sql.transaction(() => {
    sql.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    sql.query(CREATE_LEDGER);
    const applied = sql.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY seq').rows.map((row) => row.id);
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
    const pending = migrations.filter((migration) => !done.has(migration.id));
    for (const migration of pending) {
      sql.query(migration.sql);
      sql.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    }
    return pending.map((migration) => migration.id);
  });
}

/** The ids recorded as applied, in order; empty for a database Joinery never migrated. */
export function appliedPostgresMigrationIds(sql: SyncSql): string[] {
  const ledger = sql.query("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'schema_migrations'");
  if (ledger.rowCount === 0) return [];
  return sql.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY seq').rows.map((row) => row.id);
}

function assertUniqueIds(migrations: readonly PostgresMigration[]): void {
  const seen = new Set<string>();
  for (const { id } of migrations) {
    if (seen.has(id)) throw new JoineryError('INTERNAL', `migration id "${id}" is listed twice`);
    seen.add(id);
  }
}
