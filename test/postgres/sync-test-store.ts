// A synchronous store on a fresh test database (migrated): for the contract suites of the synchronous ports.

import { openSyncConnection, type SyncSql } from '../../core/postgres/index.ts';
import { createTestDatabase } from './test-database.ts';

export function openSyncTestStore(): { sql: SyncSql; url: string; close(): void } {
  const database = createTestDatabase();
  const sql = openSyncConnection({ connectionString: database.url });
  return {
    sql,
    url: database.url,
    close() {
      sql.close();
      database.drop();
    },
  };
}
