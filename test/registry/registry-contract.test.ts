// The Registry contract against both stores: SQLite in a database file (separate processes open it in the
// publish race), and a fresh Postgres database.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresRegistry, createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { describeRegistry } from '../contracts/describe-registry.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeRegistry('sqlite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-registry-'));
  const db = openDatabase(join(folder, 'joinery.db'));
  const registry = createSqliteRegistry(db);
  return {
    registry,
    execute: (sql) => void db.prepare(sql).run(),
    location: join(folder, 'joinery.db'),
    close() {
      registry.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});

describeRegistry('postgres', () => {
  const opened = openSyncTestStore();
  return { registry: createPostgresRegistry(opened.sql), execute: (sql) => void opened.sql.query(sql), location: opened.url, close: opened.close };
}, { skip: !postgresAvailable() });
