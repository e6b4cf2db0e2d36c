// Opening and migrating the shared database file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyMigrations, appliedMigrationIds, closeDatabase, MIGRATIONS, openDatabase, type Migration,
} from '../../core/store/index.ts';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { expectError } from './expect-joinery-error.ts';
import { samplePublishInput } from './sample-publish-input.ts';

describe('openDatabase', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-store-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('creates the parent folders and sets WAL, synchronous FULL, foreign keys and the busy timeout', () => {
    const db = openDatabase(join(folder, 'nested', 'deeper', 'joinery.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    closeDatabase(db);
    closeDatabase(db);
  });

  it('can open with synchronous NORMAL', () => {
    const db = openDatabase(join(folder, 'normal.db'), { synchronous: 'NORMAL' });
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    closeDatabase(db);
  });

  it('applies every migration once; reopening applies nothing and keeps the data', () => {
    const file = join(folder, 'joinery.db');
    const first = openDatabase(file);
    expect(appliedMigrationIds(first)).toEqual(MIGRATIONS.map((migration) => migration.id));
    createSqliteRegistry(first).publish(samplePublishInput());
    expect(applyMigrations(first, MIGRATIONS)).toEqual([]);
    closeDatabase(first);

    const second = openDatabase(file);
    expect(applyMigrations(second, MIGRATIONS)).toEqual([]);
    expect(appliedMigrationIds(second)).toEqual(MIGRATIONS.map((migration) => migration.id));
    expect(createSqliteRegistry(second).getVersion('generate-username')?.version).toBe(1);
    closeDatabase(second);
  });

  it('applies only the steps added since the last open, in order', () => {
    const file = join(folder, 'joinery.db');
    closeDatabase(openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) }));
    const db = openDatabase(file);
    expect(appliedMigrationIds(db)).toEqual(MIGRATIONS.map((migration) => migration.id));
    closeDatabase(db);
  });

  it('refuses a database migrated by newer code, naming the unknown steps', () => {
    const file = join(folder, 'joinery.db');
    const newer: Migration = { id: '9999-from-the-future', up: (db) => db.exec('CREATE TABLE future (x INTEGER) STRICT') };
    closeDatabase(openDatabase(file, { migrations: [...MIGRATIONS, newer] }));
    const error = expectError(() => openDatabase(file), 'INTERNAL', 'newer than this version of Joinery');
    expect(error.message).toContain('9999-from-the-future');
  });

  it('rolls back every pending step when one fails', () => {
    const broken: Migration = { id: '9999-broken', up: (db) => db.exec('CREATE TABLE half (x INTEGER) STRICT; NOT SQL') };
    expect(() => openDatabase(':memory:', { migrations: [...MIGRATIONS, broken] })).toThrow(/syntax error/);
    const file = join(folder, 'joinery.db');
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow(/syntax error/);
    const db = openDatabase(file, { migrations: [] });
    expect(appliedMigrationIds(db)).toEqual([]);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('half', 'versions')").pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('refuses a migration list with a repeated id', () => {
    expectError(() => openDatabase(':memory:', { migrations: [MIGRATIONS[0]!, MIGRATIONS[0]!] }), 'INTERNAL', 'listed twice');
  });
});
