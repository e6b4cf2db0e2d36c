// The AuditTrail contract against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresAuditTrail, createSqliteAuditTrail } from '../../core/audit/index.ts';
import { createPostgresRegistry, createSqliteRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeAuditTrail } from '../contracts/describe-audit-trail.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeAuditTrail('sqlite', (now) => {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db, { _internal: { now } });
  return { registry, trail: createSqliteAuditTrail(db), close: () => { registry.close(); closeDatabase(db); } };
});

describeAuditTrail('postgres', (now) => {
  const opened = openSyncTestStore();
  return { registry: createPostgresRegistry(opened.sql, { _internal: { now } }), trail: createPostgresAuditTrail(opened.sql), close: opened.close };
}, { skip: !postgresAvailable() });
