// The database itself refuses to rewrite history, whatever SQL is sent to it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { sampleExecution } from './sample-execution.ts';
import { samplePublishInput } from './sample-publish-input.ts';

describe('immutability triggers', () => {
  let db: SqliteDatabase;
  let registry: Registry;
  beforeEach(() => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
    registry.publish(samplePublishInput());
    registry.publish(samplePublishInput({ source: 'v2' }));
  });
  afterEach(() => registry.close());

  it.each(['source', 'bundle', 'source_map', 'sha256', 'manifest', 'fixtures', 'check_report', 'test_report', 'spec', 'author',
    'requested_by', 'created_at'])('refuses an UPDATE of versions.%s', (column) => {
    const value = column === 'sha256' ? 'f'.repeat(64) : ['manifest', 'fixtures', 'check_report', 'test_report'].includes(column) ? '{}' : 'tampered';
    expect(() => db.prepare(`UPDATE versions SET ${column} = ? WHERE version = 1`).run(value)).toThrow(/versions are immutable/);
    expect(registry.getVersion('generate-username', 1)).toMatchObject({ source: samplePublishInput().source, author: 'agent:functions-author' });
  });

  it('refuses renumbering and re-parenting', () => {
    expect(() => db.prepare('UPDATE versions SET version = 9 WHERE version = 2').run()).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE versions SET parent_version = NULL WHERE version = 2').run()).toThrow(/immutable/);
  });

  it('refuses DELETE of a version, a function, a review or an audit entry', () => {
    registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'approved' });
    registry.recordAudit({ actor: 'bob', action: 'x', allowed: true });
    expect(() => db.prepare('DELETE FROM versions WHERE version = 2').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM functions').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM reviews').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/never deleted/);
    expect(registry.listVersions('generate-username')).toHaveLength(2);
  });

  it('lets the status move once from pending_review, never back or sideways', () => {
    db.prepare("UPDATE versions SET status = 'approved' WHERE version = 1").run();
    expect(() => db.prepare("UPDATE versions SET status = 'pending_review' WHERE version = 1").run()).toThrow(/moves once/);
    expect(() => db.prepare("UPDATE versions SET status = 'rejected' WHERE version = 1").run()).toThrow(/moves once/);
  });

  it('refuses an active pointer to a version that is not approved', () => {
    expect(() => db.prepare("UPDATE functions SET active_version = 2 WHERE name = 'generate-username'").run()).toThrow(
      /only an approved version/,
    );
  });

  it('refuses a version inserted out of order, and a shrinking latest_version', () => {
    const row = db.prepare('SELECT * FROM versions WHERE version = 2').get() as Record<string, unknown>;
    const columns = Object.keys(row);
    const insert = db.prepare(`INSERT INTO versions (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
    expect(() => insert.run({ ...row, version: 5 })).toThrow(/latest_version \+ 1/);
    expect(() => db.prepare('UPDATE functions SET latest_version = 1').run()).toThrow(/never decreases/);
  });

  it('refuses edits of reviews, executions and audit entries', () => {
    registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'approved' });
    registry.recordExecution(sampleExecution());
    registry.recordAudit({ actor: 'bob', action: 'x', allowed: false });
    expect(() => db.prepare("UPDATE reviews SET reviewer = 'mallory'").run()).toThrow(/reviews are immutable/);
    expect(() => db.prepare("UPDATE executions SET caller = 'mallory'").run()).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE audit SET allowed = 1').run()).toThrow(/immutable/);
  });

  it('declares every table STRICT', () => {
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
  });
});
