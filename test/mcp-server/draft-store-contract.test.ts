// The DraftStore contract against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresDraftStore, createSqliteDraftStore } from '../../mcp-server/drafts/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeDraftStore } from '../contracts/describe-draft-store.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeDraftStore('sqlite', (now) => {
  const db = openDatabase(':memory:');
  return { store: createSqliteDraftStore(db, { _internal: { now } }), close: () => closeDatabase(db) };
});

describeDraftStore('postgres', (now) => {
  const opened = openSyncTestStore();
  return { store: createPostgresDraftStore(opened.sql, { _internal: { now } }), close: opened.close };
}, { skip: !postgresAvailable() });
