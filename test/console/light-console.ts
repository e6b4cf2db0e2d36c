// A `joinery serve` with the console and no sandbox (no behavioural diffs): for the sign-in and flows
// tests, which need the pages and the stores but not the toolchain.

import { Writable } from 'node:stream';
import { createSqliteAuditTrail } from '../../core/audit/index.ts';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { createSqliteFlowStore, type FlowStore } from '../../core/flows/index.ts';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, type TokenRole } from '../../core/tokens/index.ts';
import { createLogger, startServer, type RunningServer } from '../../server/index.ts';
import type { ConsoleOidc } from '../../server/console/index.ts';

export interface LightConsole {
  server: RunningServer;
  url: string;
  db: SqliteDatabase;
  registry: Registry;
  flows: FlowStore;
  token(role: TokenRole, name: string): string;
  close(): Promise<void>;
}

export async function startLightConsole({ oidc }: { oidc?: ConsoleOidc } = {}): Promise<LightConsole> {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db);
  const tokens = createSqliteTokenStore(db);
  const flows = createSqliteFlowStore(db);
  const server = await startServer({
    queue: createSqliteEventQueue(db),
    tokens,
    registry,
    flows,
    port: 0,
    workers: 1,
    logger: createLogger({ destination: new Writable({ write: (_chunk, _encoding, done) => done() }) }),
    runStep: async () => {
      throw new Error('no steps in console tests');
    },
    console: { auditTrail: createSqliteAuditTrail(db), ...(oidc ? { oidc } : {}) },
  });
  return {
    server,
    url: server.url,
    db,
    registry,
    flows,
    token: (role, name) => tokens.create({ name, role, lifetimeMs: 3_600_000 }).token,
    close: async () => {
      await server.stop({ deadlineMs: 1_000 });
      db.close();
    },
  };
}
