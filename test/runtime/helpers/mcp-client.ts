// An MCP client, connected in memory as the local admin, to a server built on a secret test setup's parts.

import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createOfflineModel, loadTemplates } from '../../../agent/index.ts';
import { createSqliteFlowStore } from '../../../core/flows/index.ts';
import { createServer, createSqliteDraftStore } from '../../../mcp-server/index.ts';
import type { SecretRunSetup } from './secret-run-setup.ts';

export interface ConnectedClient {
  /** The tool's structured content; throws on an error result. */
  call(name: string, args: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

export async function connectMcp(setup: SecretRunSetup): Promise<ConnectedClient> {
  const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
  const mcp = createServer({
    registry: setup.registry,
    directory: setup.directory,
    secrets: setup.secrets,
    toolchain: setup.toolchain,
    drafts: createSqliteDraftStore(setup.db),
    flows: createSqliteFlowStore(setup.db),
    fetchFor: (egress, dryRun) => setup.fetchFor(egress, dryRun),
    createModel: async () => createOfflineModel({ templates }),
    templates,
    localPrincipal: { name: 'operator-olga', role: 'admin' },
    log: () => {},
  });
  const client = new Client({ name: 'secret-tests', version: '0.0.0' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await Promise.all([mcp.server.connect(serverSide), client.connect(clientSide)]);
  return {
    async call(name, args) {
      const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
      if (result.isError === true) throw new Error(JSON.stringify(result.content));
      return result.structuredContent;
    },
    async close() {
      await client.close();
      await mcp.close();
    },
  };
}
