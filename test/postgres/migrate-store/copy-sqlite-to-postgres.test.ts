// copySqliteToPostgres on a real Postgres: every SQLite table is copied or skipped for a stated reason; the
// rows arrive equal (keys, digests, ciphertext byte for byte); a target with data is refused; a failure in
// the middle of the copy leaves the target empty; a dry run writes nothing, not even the schema.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appliedPostgresMigrationIds,
  COPIED_TABLES,
  copySqliteToPostgres,
  openSyncConnection,
  SKIPPED_TABLES,
  type SyncSql,
} from '../../../core/postgres/index.ts';
import { createPostgresSecretStore, createSecretStore } from '../../../core/secrets/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../../core/store/index.ts';
import { createTestDatabase, postgresAvailable } from '../test-database.ts';
import { seedRegistryRows, seedRuntimeRows } from './seed-rows.ts';

const KEY = Buffer.alloc(32, 7);

function sqliteTables(db: SqliteDatabase): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

/** A table's rows as sorted JSON lines, over the SQLite columns, BLOB and BYTEA both as hex. */
function sqliteRows(db: SqliteDatabase, table: string): string[] {
  const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>;
  const line = (row: Record<string, unknown>) =>
    JSON.stringify(Object.entries(row).map(([column, value]) => [column, Buffer.isBuffer(value) ? value.toString('hex') : value]));
  return rows.map(line).sort();
}

function postgresRows(sql: SyncSql, db: SqliteDatabase, table: string): string[] {
  const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((column) => column.name);
  const bytea = new Set(['iv', 'ciphertext', 'auth_tag']);
  const select = columns.map((column) => (table === 'secrets' && bytea.has(column) ? `encode(${column}, 'hex') AS ${column}` : `"${column}"`)).join(', ');
  return sql.query(`SELECT ${select} FROM "${table}"`).rows.map((row) => JSON.stringify(columns.map((column) => [column, row[column]]))).sort();
}

function targetRowCounts(sql: SyncSql): Record<string, number> {
  return Object.fromEntries(COPIED_TABLES.map(({ table }) => [table, Number(sql.query<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`).rows[0]?.n)]));
}

describe.skipIf(!postgresAvailable())('copySqliteToPostgres', () => {
  let folder: string;
  let source: SqliteDatabase;
  let database: { url: string; drop(): void };
  let target: SyncSql;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-migrate-store-'));
    source = openDatabase(join(folder, 'joinery.db'));
    database = createTestDatabase({ migrated: false });
    target = openSyncConnection({ connectionString: database.url });
  });
  afterEach(() => {
    target.close();
    database.drop();
    closeDatabase(source);
    rmSync(folder, { recursive: true, force: true });
  });

  it('names every SQLite table either as copied or as skipped with a reason', () => {
    const copied = COPIED_TABLES.map(({ table }) => table);
    const listed = [...copied, ...Object.keys(SKIPPED_TABLES)].sort();
    expect(sqliteTables(source)).toEqual(listed);
    expect(new Set(copied).size).toBe(copied.length);
    for (const reason of Object.values(SKIPPED_TABLES)) expect(reason.length).toBeGreaterThan(20);
  });

  it('refuses a source with a table it does not know, before writing anything', () => {
    source.exec('CREATE TABLE plugin_state (id INTEGER PRIMARY KEY)');
    expect(() => copySqliteToPostgres({ source, target })).toThrow('the SQLite home has tables this Joinery does not know how to copy (plugin_state)');
    expect(appliedPostgresMigrationIds(target)).toEqual([]);
  });

  it('copies every row of every table, ids, digests and ciphertext unchanged, and counts match', () => {
    seedRegistryRows(source);
    seedRuntimeRows(source);
    createSecretStore({ db: source, key: KEY }).set('GRAPH_TOKEN', 's3cret value');
    const progress: string[] = [];
    const report = copySqliteToPostgres({ source, target, batchRows: 1, onProgress: ({ table }) => progress.push(table) });

    expect(report.dryRun).toBe(false);
    for (const { table, source: inSqlite, target: inPostgres } of report.tables) {
      expect({ table, rows: inPostgres }).toEqual({ table, rows: inSqlite });
      expect(postgresRows(target, source, table)).toEqual(sqliteRows(source, table));
    }
    expect(report.tables.filter(({ source: rows }) => rows === 0).map(({ table }) => table)).toEqual([]);
    expect(progress).toContain('retired_usernames');
    expect(createPostgresSecretStore({ sql: target, key: KEY }).get('GRAPH_TOKEN')).toBe('s3cret value');
  });

  it('leaves identities past the copied ids, so the next execution and audit entry do not collide', () => {
    seedRegistryRows(source);
    copySqliteToPostgres({ source, target });
    const next = target.query<{ id: number }>("INSERT INTO audit (actor, action, allowed, created_at) VALUES ('bob', 'x', 1, 'now') RETURNING id").rows[0]?.id;
    expect(next).toBe(8);
  });

  it('refuses a target that already holds data, naming the tables', () => {
    seedRegistryRows(source);
    copySqliteToPostgres({ source, target });
    expect(() => copySqliteToPostgres({ source, target })).toThrow(
      'the target database already holds Joinery data (functions: 2 rows, versions: 3 rows, reviews: 2 rows, withdrawals: 1 row, ' +
        'executions: 1 row, audit: 1 row); migrate-store copies into an empty database only',
    );
  });

  it('leaves the target empty when a row fails in the middle of the copy', () => {
    seedRegistryRows(source);
    seedRuntimeRows(source);
    // Postgres text cannot hold a NUL character; SQLite's can: the schedules table goes in last but one.
    source.prepare("UPDATE schedules SET target_name = 'onboard' || char(0) || 'ing'").run();
    const failure = /^copying schedules failed after 0 of 1 rows: .*0x00 \(the copy was rolled back: the target holds no Joinery data\)$/;
    expect(() => copySqliteToPostgres({ source, target })).toThrow(failure);
    expect(Object.values(targetRowCounts(target)).every((rows) => rows === 0)).toBe(true);
    expect(appliedPostgresMigrationIds(target).length).toBeGreaterThan(0);
  });

  it('rolls back when the copy is interrupted after some tables are in', () => {
    seedRegistryRows(source);
    const seen: Record<string, number>[] = [];
    const afterTable = (table: string) => {
      if (table !== 'executions') return;
      seen.push(targetRowCounts(target));
      throw new Error('interrupted');
    };
    expect(() => copySqliteToPostgres({ source, target, _internal: { afterTable } })).toThrow('interrupted (the copy was rolled back');
    expect(seen[0]?.versions).toBe(3);
    expect(Object.values(targetRowCounts(target)).every((rows) => rows === 0)).toBe(true);
  });

  it('counts on a dry run and writes nothing, not even the schema', () => {
    seedRegistryRows(source);
    const report = copySqliteToPostgres({ source, target, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.tables.find(({ table }) => table === 'versions')).toEqual({ table: 'versions', source: 3, target: 0 });
    expect(appliedPostgresMigrationIds(target)).toEqual([]);
    expect(target.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").rows[0]?.n).toBe(0);
  });
});
