// Execution payload retention against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresRegistry, createSqliteRegistry } from '../../core/registry/index.ts';
import { createPostgresExecutionRetention, createSqliteExecutionRetention } from '../../core/retention/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { describeExecutionRetention } from '../contracts/describe-execution-retention.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeExecutionRetention('sqlite', (now) => {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db, { _internal: { now } });
  return { registry, retention: createSqliteExecutionRetention(db, { now }), execute: (sql) => void db.prepare(sql).run(), close: () => registry.close() };
});

describeExecutionRetention('postgres', (now) => {
  const opened = openSyncTestStore();
  return {
    registry: createPostgresRegistry(opened.sql, { _internal: { now } }),
    retention: createPostgresExecutionRetention(opened.sql, { now }),
    execute: (sql) => void opened.sql.query(sql),
    close: opened.close,
  };
}, { skip: !postgresAvailable() });
