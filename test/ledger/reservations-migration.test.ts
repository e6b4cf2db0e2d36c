// Migration 0013 rebuilds directory_users to allow `provisioned`: users stored before it are kept as they were.

import { expect, it } from 'vitest';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import { applyMigrations, closeDatabase, MIGRATIONS, openDatabase } from '../../core/store/index.ts';

it('keeps every user, the unique username rule and the retired names across 0013, and accepts provisioned', () => {
  const before = MIGRATIONS.findIndex((migration) => migration.id === '0013-reservations');
  const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, before) });
  db.prepare(`INSERT INTO directory_users VALUES ('u1', 'JSmith', 'jsmith', 'j@example.com', 'j@example.com', 'J', 'E1', 'Sales', 'disabled', '["a"]')`).run();
  expect(() => db.prepare(`UPDATE directory_users SET status = 'provisioned'`).run()).toThrow(/CHECK/);
  applyMigrations(db, MIGRATIONS);
  const directory = createSqliteDirectory(db);
  expect(directory.listUsers()).toEqual([{ id: 'u1', username: 'JSmith', email: 'j@example.com', displayName: 'J', employeeId: 'E1', department: 'Sales', status: 'disabled', groups: ['a'] }]);
  expect(() => db.prepare(`INSERT INTO directory_users VALUES ('u2', 'jsmith', 'jsmith', '', '', '', '', '', 'active', '[]', NULL)`).run()).toThrow(/UNIQUE/);
  db.prepare(`UPDATE directory_users SET status = 'provisioned'`).run();
  expect(directory.findUsers({ email: 'J@EXAMPLE.COM' })[0]?.status).toBe('provisioned');
  closeDatabase(db);
});
