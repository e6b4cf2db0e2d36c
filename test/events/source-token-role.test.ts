// Migration 0006 rebuilds the tokens table for the `source` role: existing tokens survive and still verify,
// and the table's guards still hold.

import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS, openDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore } from '../../core/tokens/index.ts';

describe('the source token role', () => {
  it('keeps the tokens issued before the migration, and admits source tokens after it', () => {
    const index = MIGRATIONS.findIndex((migration) => migration.id === '0006-source-token-role');
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, index) });
    const before = createSqliteTokenStore(db).create({ name: 'olivia', role: 'operator', lifetimeMs: 3_600_000 });
    expect(() => createSqliteTokenStore(db).create({ name: 'hr', role: 'source', lifetimeMs: 3_600_000 })).toThrow(/CHECK constraint/);

    applyMigrations(db, MIGRATIONS);
    const tokens = createSqliteTokenStore(db);
    expect(tokens.verify(before.token)).toEqual(before.record);
    const source = tokens.create({ name: 'hr', role: 'source', lifetimeMs: 3_600_000 });
    expect(tokens.verify(source.token)?.role).toBe('source');
    expect(() => db.prepare("UPDATE tokens SET role = 'operator'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM tokens').run()).toThrow(/never deleted/);
    expect(() => tokens.create({ name: 'olivia', role: 'author', lifetimeMs: 60_000 })).toThrow(/live token named "olivia"/);
    db.close();
  });
});
