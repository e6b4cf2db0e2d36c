// The Postgres migration runner: steps applied once, in order, recorded; several nodes starting at the same
// moment (separate processes, so separate connections) apply each step exactly once between them; a
// database migrated by newer code is refused.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPostgresMigrations, appliedPostgresMigrationIds, openSyncConnection, POSTGRES_MIGRATIONS, type SyncSql } from '../../core/postgres/index.ts';
import { createTestDatabase, postgresAvailable } from './test-database.ts';

const CHILD = fileURLToPath(new URL('./children/migrate-child.ts', import.meta.url));
const STARTERS = 4;
const ALL_IDS = POSTGRES_MIGRATIONS.map((migration) => migration.id);

describe.skipIf(!postgresAvailable())('Postgres migrations', () => {
  let database: { url: string; drop(): void };
  let connection: SyncSql;
  beforeEach(() => {
    database = createTestDatabase({ migrated: false });
    connection = openSyncConnection({ connectionString: database.url });
  });
  afterEach(() => {
    connection.close();
    database.drop();
  });

  it('applies every step once and records it; a second run applies nothing', () => {
    expect(appliedPostgresMigrationIds(connection)).toEqual([]);
    expect(applyPostgresMigrations(connection, POSTGRES_MIGRATIONS)).toEqual(ALL_IDS);
    expect(applyPostgresMigrations(connection, POSTGRES_MIGRATIONS)).toEqual([]);
    expect(appliedPostgresMigrationIds(connection)).toEqual(ALL_IDS);
  });

  it(`applies each step exactly once when ${STARTERS} nodes start together`, async () => {
    const startAt = String(Date.now() + 1_500);
    const run = promisify(execFile);
    const outputs = await Promise.all(Array.from({ length: STARTERS }, () => run(process.execPath, ['--import', 'tsx', CHILD, database.url, startAt])));
    const appliedByEach = outputs.map(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(appliedByEach.flat().sort()).toEqual([...ALL_IDS].sort());
    expect(appliedByEach.filter((ids) => ids.length > 0)).toHaveLength(1);
    expect(appliedPostgresMigrationIds(connection)).toEqual(ALL_IDS);
  });

  it('refuses a database that has a step this code does not know, and leaves it as it was', () => {
    applyPostgresMigrations(connection, POSTGRES_MIGRATIONS);
    connection.query("INSERT INTO schema_migrations (id) VALUES ('9999-from-the-future')");
    expect(() => applyPostgresMigrations(connection, POSTGRES_MIGRATIONS)).toThrow(/newer than this version of Joinery.*9999-from-the-future/);
    expect(appliedPostgresMigrationIds(connection)).toEqual([...ALL_IDS, '9999-from-the-future']);
  });

  it('rolls a failing step back whole: nothing of it, nor its record, remains', () => {
    const broken = [...POSTGRES_MIGRATIONS, { id: '0099-broken', sql: 'CREATE TABLE half_done (id TEXT); SELECT no_such_function()' }];
    expect(() => applyPostgresMigrations(connection, broken)).toThrow(/no_such_function/);
    expect(appliedPostgresMigrationIds(connection)).toEqual([]);
    expect(connection.query("SELECT 1 FROM pg_tables WHERE tablename IN ('half_done', 'versions')").rowCount).toBe(0);
  });
});
