// The FlowStore contract against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresFlowStore, createSqliteFlowStore } from '../../core/flows/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeFlowStore } from '../contracts/describe-flow-store.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeFlowStore('sqlite', () => {
  const db = openDatabase(':memory:');
  return { store: createSqliteFlowStore(db), execute: (sql) => void db.prepare(sql).run(), close: () => closeDatabase(db) };
});

describeFlowStore('postgres', () => {
  const opened = openSyncTestStore();
  return { store: createPostgresFlowStore(opened.sql), execute: (sql) => void opened.sql.query(sql), close: opened.close };
}, { skip: !postgresAvailable() });
