// A store on a fresh test database, migrated: the synchronous connection and pool of `openPostgres`, and
// further pools on demand (separate connections, as separate workers or nodes would have).

import { createPostgresPool, openPostgres, type AsyncSql, type PostgresDatabase } from '../../core/postgres/index.ts';
import { createTestDatabase } from './test-database.ts';

export interface PostgresTestStore {
  database: PostgresDatabase;
  url: string;
  /** Another pool on the same database. */
  connect(): AsyncSql;
  close(): Promise<void>;
}

export function openPostgresTestStore(): PostgresTestStore {
  const created = createTestDatabase();
  const database = openPostgres({ url: created.url });
  const pools: AsyncSql[] = [];
  return {
    database,
    url: created.url,
    connect() {
      const pool = createPostgresPool({ connectionString: created.url, maxConnections: 4 });
      pools.push(pool);
      return pool;
    },
    async close() {
      await Promise.all(pools.map((pool) => pool.close()));
      await database.close();
      created.drop();
    },
  };
}
