// Sign-in with an identity provider: access tokens from a local OIDC issuer the test starts are checked
// against its JWKS (audience, issuer, expiry with clock skew, algorithm, key rotation), the principal and
// role come from the configured claims, Joinery tokens keep working beside them, and a 401 carries the
// challenge pointing at the protected-resource metadata.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSqliteTokenStore } from '../../core/tokens/index.ts';
import { oidcSettingsSchema } from '../../mcp-server/auth/index.ts';
import { serveHttp, type RunningHttpServer } from '../../mcp-server/index.ts';
import { createHarness, structured } from './harness.ts';
import { startTestIssuer, type TestIssuer } from './oidc-issuer.ts';

const AUDIENCE = 'api://joinery-test';
const harness = createHarness();
const tokens = createSqliteTokenStore(harness.db);
let issuer: TestIssuer;
let server: RunningHttpServer;
const clients: Client[] = [];

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: AUDIENCE });
  const oidc = oidcSettingsSchema.parse({ issuer: issuer.url, audience: AUDIENCE, principalClaim: 'preferred_username', roleClaim: 'roles', groupRoles: { 'g-reviewers': 'reviewer' }, clockSkewSeconds: 30 });
  server = await serveHttp({ deps: harness.deps, tokens, port: 0, oidc, _internal: { jwksCooldownMs: 0 } });
});
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => {});
  await server.close();
  await issuer.close();
  await harness.close();
});

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } };
function post(token: string): Promise<Response> {
  return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${token}` }, body: JSON.stringify(initialize) });
}
async function refusal(token: string): Promise<{ status: number; challenge: string }> {
  const response = await post(token);
  await response.body?.cancel();
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '' };
}
async function connect(token: string): Promise<Client> {
  const client = new Client({ name: 'oidc-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}
const unsigned = (claims: Record<string, unknown>) => `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

describe('access tokens from the identity provider', () => {
  it('accepts a valid token: the principal from preferred_username, the role from roles, tools for that role only', async () => {
    const client = await connect(await issuer.sign({ preferred_username: 'ines@example.com', roles: ['auditor'] }));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('list_executions');
    expect(tools.map((tool) => tool.name)).not.toContain('run_function');
    const refused = await client.callTool({ name: 'run_function', arguments: { name: 'x', input: {} } });
    expect(structured(refused)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ines@example.com (role auditor)') });
  });

  it('maps a group to its role', async () => {
    const client = await connect(await issuer.sign({ preferred_username: 'rhea', groups: ['g-other', 'g-reviewers'] }));
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('review_function');
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each([
    ['expired beyond the clock skew', { exp: now() - 120 }, /expired/],
    ['for another audience', { aud: 'api://someone-else' }, /another audience/],
    ['from another issuer', { iss: 'https://evil.example' }, /another issuer/],
    ['not valid yet', { nbf: now() + 600 }, /not valid yet/],
    ['without exp', { exp: undefined }, /exp/],
  ])('refuses a token %s with 401 invalid_token', async (_label, claims, reason) => {
    const { status, challenge } = await refusal(await issuer.sign({ preferred_username: 'mallory', roles: ['author'], ...claims }));
    expect(status).toBe(401);
    expect(challenge).toMatch(/^Bearer error="invalid_token"/);
    expect(challenge).toMatch(reason);
  });

  it('accepts a token expired within the clock skew', async () => {
    expect((await refusal(await issuer.sign({ preferred_username: 'sam', roles: ['author'], exp: now() - 5 }))).status).toBe(200);
  });

  it('refuses alg none, an HS256 token, and a key the issuer does not publish', async () => {
    expect((await refusal(unsigned({ iss: issuer.url, aud: AUDIENCE, sub: 'x', preferred_username: 'mallory', roles: ['author'], exp: now() + 300 }))).status).toBe(401);
    const { SignJWT } = await import('jose');
    const hs256 = await new SignJWT({ preferred_username: 'mallory', roles: ['author'] }).setProtectedHeader({ alg: 'HS256', kid: 'key-1' }).setIssuer(issuer.url).setAudience(AUDIENCE).setExpirationTime('5m').sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
    expect(await refusal(hs256)).toMatchObject({ status: 401, challenge: expect.stringMatching(/algorithm/) });
    const stray = await issuer.strayKey();
    expect(await refusal(await issuer.sign({ preferred_username: 'mallory', roles: ['author'] }, { key: stray }))).toMatchObject({ status: 401, challenge: expect.stringMatching(/key the issuer does not publish/) });
    const forgedKid = await issuer.sign({ preferred_username: 'mallory', roles: ['author'] }, { key: { ...stray, kid: 'key-1' } });
    expect((await refusal(forgedKid)).status).toBe(401);
  });

  it('follows a key rotation: a token with the new key is accepted, one with the dropped key is refused', async () => {
    const before = await issuer.sign({ preferred_username: 'kim', roles: ['author'] });
    expect((await refusal(before)).status).toBe(200);
    await issuer.rotate();
    expect((await refusal(await issuer.sign({ preferred_username: 'kim', roles: ['author'] }))).status).toBe(200);
    expect((await refusal(before)).status).toBe(401);
  });

  it('refuses a genuine token without a role, or with two, as 403 insufficient_scope', async () => {
    for (const claims of [{ preferred_username: 'nora' }, { preferred_username: 'nora', roles: ['admin', 'source'] }, { preferred_username: 'nora', roles: ['author'], groups: ['g-reviewers'] }]) {
      const { status, challenge } = await refusal(await issuer.sign(claims));
      expect(status).toBe(403);
      expect(challenge).toMatch(/^Bearer error="insufficient_scope"/);
    }
    expect((await refusal(await issuer.sign({ roles: ['author'] }))).status).toBe(403);
  });

  it('keeps Joinery tokens as the alternative', async () => {
    const client = await connect(tokens.create({ name: 'otto', role: 'operator', lifetimeMs: 3_600_000 }).token);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('run_function');
  });
});

describe('discovery', () => {
  it('answers 401 with a challenge naming the protected-resource metadata, which names the issuer', async () => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(initialize) });
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    const metadataAddress = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
    expect(metadataAddress).toBe(`${new URL(server.url).origin}/.well-known/oauth-protected-resource/mcp`);
    for (const address of [metadataAddress ?? '', `${new URL(server.url).origin}/.well-known/oauth-protected-resource`]) {
      const metadata = await (await fetch(address)).json();
      expect(metadata).toMatchObject({ resource: server.url, authorization_servers: [issuer.url], bearer_methods_supported: ['header'] });
    }
  });
});
