// An MCP client that knows nothing but the server URL and its credentials at the identity provider:
// the SDK's own auth flow goes from the 401 challenge to the protected-resource metadata, to the
// issuer's metadata, gets a token from the test issuer (client_credentials) and makes a successful call.
// Also: an unreachable identity provider is a 503, not a crash, and the next request recovers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientCredentialsProvider } from '@modelcontextprotocol/sdk/client/auth-extensions.js';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSqliteTokenStore } from '../../core/tokens/index.ts';
import { oidcSettingsSchema } from '../../mcp-server/auth/index.ts';
import { serveHttp, type RunningHttpServer } from '../../mcp-server/index.ts';
import { createHarness, structured } from './harness.ts';
import { startTestIssuer, type TestIssuer } from './oidc-issuer.ts';

const AUDIENCE = 'api://joinery-discovery';
const harness = createHarness();
let issuer: TestIssuer;
let server: RunningHttpServer;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
  issuer.clients.set('assistant-1', { secret: 's3cret', claims: { roles: ['auditor'], name: 'Assistant One' } });
  const oidc = oidcSettingsSchema.parse({ issuer: issuer.url, audience: AUDIENCE, roleClaim: 'roles' });
  server = await serveHttp({ deps: harness.deps, tokens: createSqliteTokenStore(harness.db), port: 0, oidc });
  await harness.publishApproved({ author: 'someone', reviewer: 'rita' });
});
afterAll(async () => {
  await server.close();
  await issuer.close();
  await harness.close();
});

describe('discovery from the 401 challenge', () => {
  it('signs in through the issuer the metadata names and calls a tool', async () => {
    const authProvider = new ClientCredentialsProvider({ clientId: 'assistant-1', clientSecret: 's3cret', expectedIssuer: issuer.url });
    const client = new Client({ name: 'discovering-client', version: '0.0.0' });
    try {
      await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider }));
      const listed = structured(await client.callTool({ name: 'list_functions', arguments: {} }));
      expect(listed.functions).toHaveLength(1);
      expect(authProvider.tokens()?.access_token).toMatch(/^ey/);
      // The principal is the token's subject: the client id at the issuer.
      const refused = await client.callTool({ name: 'run_function', arguments: { name: 'x', input: {} } });
      expect(structured(refused).message).toContain('assistant-1 (role auditor)');
    } finally {
      await client.close();
    }
  });

  it('with wrong client credentials the client gets no token and no call is made', async () => {
    const authProvider = new ClientCredentialsProvider({ clientId: 'assistant-1', clientSecret: 'wrong', expectedIssuer: issuer.url });
    const client = new Client({ name: 'discovering-client', version: '0.0.0' });
    await expect(client.connect(new StreamableHTTPClientTransport(new URL(server.url), { authProvider }))).rejects.toThrow();
    await client.close();
  });
});

describe('an unreachable identity provider', () => {
  it('is a 503 with a reference, logged; a Joinery token still works', async () => {
    const lines: string[] = [];
    const oidc = oidcSettingsSchema.parse({ issuer: 'http://127.0.0.1:9/nowhere', audience: AUDIENCE, roleClaim: 'roles' });
    const tokens = createSqliteTokenStore(harness.db);
    const lonely = await serveHttp({ deps: { ...harness.deps, log: (line) => lines.push(line) }, tokens, port: 0, oidc });
    try {
      const post = (token: string) => fetch(lonely.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }) });
      const response = await post(await issuer.sign({ roles: ['author'] }));
      expect(response.status).toBe(503);
      expect(JSON.stringify(await response.json())).toMatch(/reference [0-9a-f]{8}/);
      expect(lines.join('\n')).toMatch(/discovery document .* could not be read/);
      expect((await post(tokens.create({ name: 'local', role: 'auditor', lifetimeMs: 60_000 }).token)).status).toBe(200);
    } finally {
      await lonely.close();
    }
  });
});
