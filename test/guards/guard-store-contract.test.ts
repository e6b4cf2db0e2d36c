// The GuardStore contract against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresGuardStore, createSqliteGuardStore } from '../../core/guards/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeGuardStore } from '../contracts/describe-guard-store.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeGuardStore('sqlite', () => {
  const db = openDatabase(':memory:');
  return { store: createSqliteGuardStore(db), close: () => closeDatabase(db) };
});

describeGuardStore('postgres', () => {
  const opened = openSyncTestStore();
  return { store: createPostgresGuardStore(opened.sql), close: opened.close };
}, { skip: !postgresAvailable() });
