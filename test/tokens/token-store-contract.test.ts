// The TokenStore contract against both stores: SQLite in memory, and a fresh Postgres database.

import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createPostgresTokenStore, createSqliteTokenStore } from '../../core/tokens/index.ts';
import { describeTokenStore } from '../contracts/describe-token-store.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeTokenStore('sqlite', (now) => {
  const db = openDatabase(':memory:');
  return {
    store: createSqliteTokenStore(db, { _internal: { now } }),
    execute: (sql) => void db.prepare(sql).run(),
    dump: (sql) => JSON.stringify(db.prepare(sql).all()),
    close: () => closeDatabase(db),
  };
});

describeTokenStore('postgres', (now) => {
  const opened = openSyncTestStore();
  return {
    store: createPostgresTokenStore(opened.sql, { _internal: { now } }),
    execute: (sql) => void opened.sql.query(sql),
    dump: (sql) => JSON.stringify(opened.sql.query(sql).rows),
    close: opened.close,
  };
}, { skip: !postgresAvailable() });
