// The store a load run uses, on either engine: an SQLite home (one `joinery serve` node on its joinery.db)
// or a Postgres database that every node reaches through JOINERY_DATABASE_URL, each node with a home of its
// own (config.json only) and the same secret key, as on separate machines.

import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createPostgresEventQueue, createSqliteEventQueue, type EventQueue } from '../../core/events/index.ts';
import { createPostgresFlowStore } from '../../core/flows/index.ts';
import { openPostgres } from '../../core/postgres/index.ts';
import { createPostgresRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { createPostgresTokenStore } from '../../core/tokens/index.ts';
import type { ReadRows } from './check-run.ts';
import { prepareServeHome, prepareServeStores } from './prepare-home.ts';

export interface LoadStore {
  queue: EventQueue;
  rows: ReadRows;
  /** Publishes the flow's functions and writes config.json; returns the load clients' token. */
  prepare(): Promise<string>;
  /** The home and environment of node `index` (the SQLite home itself for the one SQLite node). */
  node(index: number): { home: string; databaseUrl?: string; env?: Record<string, string> };
  close(): Promise<void>;
}

export function sqliteLoadStore(home: string): LoadStore {
  const db = openDatabase(join(home, 'joinery.db'));
  return {
    queue: createSqliteEventQueue(db),
    rows: (sql) => db.prepare(sql).all() as Array<Record<string, unknown>>,
    prepare: () => prepareServeHome(home),
    node: (index) => {
      if (index > 0) throw new Error('an SQLite home serves one node');
      return { home };
    },
    close: async () => closeDatabase(db),
  };
}

export function postgresLoadStore(home: string, url: string): LoadStore {
  const postgres = openPostgres({ url, applicationName: 'joinery-bench' });
  const sql = postgres.sync;
  const env = { JOINERY_SECRET_KEY: randomBytes(32).toString('hex') };
  return {
    queue: createPostgresEventQueue(postgres.pool),
    rows: (text) => sql.query(text).rows,
    prepare: () =>
      prepareServeStores({ home, registry: createPostgresRegistry(sql), flows: createPostgresFlowStore(sql), tokens: createPostgresTokenStore(sql) }),
    node: (index) => {
      const nodeHome = join(home, `node-${index + 1}`);
      mkdirSync(nodeHome, { recursive: true, mode: 0o700 });
      copyFileSync(join(home, 'config.json'), join(nodeHome, 'config.json'));
      return { home: nodeHome, databaseUrl: url, env };
    },
    close: () => postgres.close(),
  };
}
