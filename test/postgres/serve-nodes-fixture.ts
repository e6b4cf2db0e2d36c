// Test helper: each test of a file gets a fresh Postgres database, an open connection to it and a scratch
// home; the serve nodes a test starts are killed (kill -9) after it, then the database and home go.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ServeProcess } from '../../bench/serve-load/serve-process.ts';
import { openPostgres, type PostgresDatabase } from '../../core/postgres/index.ts';
import { createTestDatabase } from './test-database.ts';

export interface ServeNodesFixture {
  readonly database: { url: string; drop(): void };
  readonly postgres: PostgresDatabase;
  readonly home: string;
  /** The nodes a test started, killed after it. */
  readonly nodes: ServeProcess[];
}

/** Registers the hooks; read the fixture's fields inside a test (they change for each one). */
export function useServeNodes(homePrefix: string): ServeNodesFixture {
  let current: Omit<ServeNodesFixture, 'nodes'> | undefined;
  const nodes: ServeProcess[] = [];
  const get = () => {
    if (current === undefined) throw new Error('the serve-nodes fixture is read only inside a test');
    return current;
  };
  beforeEach(() => {
    const database = createTestDatabase();
    current = { database, postgres: openPostgres({ url: database.url }), home: mkdtempSync(join(tmpdir(), homePrefix)) };
  });
  afterEach(async () => {
    for (const node of nodes.splice(0)) await node.stop('SIGKILL');
    const { database, postgres, home } = get();
    await postgres.close();
    database.drop();
    rmSync(home, { recursive: true, force: true });
    current = undefined;
  });
  return {
    get database() { return get().database; },
    get postgres() { return get().postgres; },
    get home() { return get().home; },
    nodes,
  };
}
