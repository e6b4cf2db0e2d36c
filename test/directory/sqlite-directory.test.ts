// The DirectoryStore contract against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresDirectory, createSqliteDirectory } from '../../core/directory/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeDirectory } from '../contracts/describe-directory.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeDirectory('sqlite', () => {
  const db = openDatabase(':memory:');
  return { store: createSqliteDirectory(db), execute: (sql) => void db.prepare(sql).run(), close: () => closeDatabase(db) };
});

describeDirectory('postgres', () => {
  const opened = openSyncTestStore();
  return { store: createPostgresDirectory(opened.sql), execute: (sql) => void opened.sql.query(sql), close: opened.close };
}, { skip: !postgresAvailable() });
