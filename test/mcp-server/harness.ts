// The MCP server joined to a real Client in memory, on real parts: an in-memory SQLite registry,
// directory, secrets and drafts, the real toolchain (TS 7 checker, esbuild, the isolated-vm executor)
// and the offline author. Create one harness per test file; connect as many principals as needed.

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createOfflineModel, loadTemplates } from '../../agent/index.ts';
import type { CheckLimits } from '../../core/build/index.ts';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import { createSqliteFlowStore } from '../../core/flows/index.ts';
import { publishFunction } from '../../core/pipeline/index.ts';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { createSecretStore } from '../../core/secrets/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { createServer, createSqliteDraftStore, type McpServerDeps, type Principal } from '../../mcp-server/index.ts';
import { createDryRunFetch } from '../../sandbox/egress/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { SAMPLE_SPEC, sampleFixtures, sampleSource } from './sample-function.ts';

export const templates = loadTemplates(fileURLToPath(new URL('../../templates', import.meta.url)));

export interface Harness {
  db: SqliteDatabase;
  registry: Registry;
  deps: McpServerDeps;
  serverLog: string[];
  /** A client connected as this principal (the server's local principal, as over stdio). */
  connect(principal: Principal): Promise<Client>;
  /** The same, to a server built from other parts (a different model, say). */
  connectWith(deps: McpServerDeps, principal: Principal | undefined): Promise<Client>;
  /** Publishes the sample function as `author` and has `reviewer` approve it; returns the version. */
  publishApproved(options?: { author?: string; reviewer?: string; suffixStart?: number; description?: string }): Promise<number>;
  close(): Promise<void>;
}

export function createHarness({ checkLimits }: { checkLimits?: Partial<CheckLimits> } = {}): Harness {
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db);
  const toolchain = createRealToolchain({ checkLimits });
  const serverLog: string[] = [];
  const deps: McpServerDeps = {
    registry,
    directory: createSqliteDirectory(db),
    secrets: createSecretStore({ db, key: randomBytes(32) }),
    toolchain,
    drafts: createSqliteDraftStore(db),
    flows: createSqliteFlowStore(db),
    // Tests never send anything: live runs get a client that refuses, dry runs the real recorder.
    fetchFor: (egress, dryRun) => (dryRun ? createDryRunFetch({ allowedHosts: egress }).fetch : async () => { throw new Error('live egress is disabled in tests'); }),
    createModel: async () => createOfflineModel({ templates }),
    templates,
    log: (line) => serverLog.push(line),
  };
  const opened: Array<{ client: Client; close(): Promise<void> }> = [];
  async function connectWith(serverDeps: McpServerDeps, principal: Principal | undefined): Promise<Client> {
    const mcp = createServer({ ...serverDeps, localPrincipal: principal });
    const client = new Client({ name: `test-${principal?.name ?? 'anonymous'}`, version: '0.0.0' });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await Promise.all([mcp.server.connect(serverSide), client.connect(clientSide)]);
    opened.push({ client, close: mcp.close });
    return client;
  }

  return {
    db,
    registry,
    deps,
    serverLog,
    connect: (principal) => connectWith(deps, principal),
    connectWith,
    async publishApproved({ author = 'alice', reviewer = 'carol', suffixStart = 1, description } = {}) {
      const published = await publishFunction({ source: sampleSource({ suffixStart, description }), fixturesText: sampleFixtures({ suffixStart }), spec: SAMPLE_SPEC, author, toolchain, registry });
      if (!published.ok) throw new Error(`the sample did not publish: ${JSON.stringify(published.test.check.problems)} ${JSON.stringify(published.test.report?.results.map((result) => result.failures))}`);
      registry.review({ name: published.version.name, version: published.version.version, reviewer, decision: 'approved' });
      return published.version.version;
    },
    async close() {
      for (const { client, close } of opened) {
        await client.close();
        await close();
      }
      await toolchain.close();
      registry.close();
    },
  };
}

/** The structured content of a tool result, typed loosely for assertions. */
export function structured(result: unknown): any {
  return (result as CallToolResult).structuredContent;
}
