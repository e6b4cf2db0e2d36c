// The Streamable HTTP entry point with bearer tokens of each role: 401 without a (live) token, an isError
// FORBIDDEN result (status 200, audited) for a tool the role may not call, 200 for the right one,
// four eyes across tokens, the Host-header check, sessions bound to their token, and errors without stacks.

import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSqliteTokenStore, type TokenRole } from '../../core/tokens/index.ts';
import { serveHttp, type RunningHttpServer } from '../../mcp-server/index.ts';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleEvent, sampleFixtures, sampleSource } from './sample-function.ts';

const harness = createHarness();
const tokens = createSqliteTokenStore(harness.db);
let server: RunningHttpServer;
const issued: Record<string, string> = {};
const clients: Client[] = [];

beforeAll(async () => {
  server = await serveHttp({ deps: harness.deps, tokens, port: 0 });
  for (const [name, role] of [['audrey', 'auditor'], ['alice', 'author'], ['rita', 'reviewer'], ['otto', 'operator']] as Array<[string, TokenRole]>) {
    issued[name] = tokens.create({ name, role, lifetimeMs: 3_600_000 }).token;
  }
  await harness.publishApproved({ author: 'someone', reviewer: 'rita' });
});
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => {});
  await server.close();
  await harness.close();
});

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: 'http-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } };

describe('authentication', () => {
  it('answers 401 without a token, with a malformed one, and with an unknown one', async () => {
    for (const authorization of [undefined, 'Basic abc', 'Bearer not-a-token', `Bearer jny_0123456789abcdef_${'A'.repeat(43)}`]) {
      const response = await post(initialize, authorization ? { authorization } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    }
  });

  it('answers 401 for a revoked token', async () => {
    const { token } = tokens.create({ name: 'temp', role: 'auditor', lifetimeMs: 3_600_000 });
    expect((await post(initialize, { authorization: `Bearer ${token}` })).status).toBe(200);
    tokens.revoke('temp');
    expect((await post(initialize, { authorization: `Bearer ${token}` })).status).toBe(401);
  });

  it('refuses a foreign Host header with 403 before looking at the token (DNS rebinding)', async () => {
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json', authorization: `Bearer ${issued.audrey}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
      request.end(JSON.stringify(initialize));
    });
    expect(status).toBe(403);
  });
});

describe('roles over HTTP', () => {
  it('200 for the right role: the auditor reads, the operator runs', async () => {
    const auditor = await connect(issued.audrey!);
    expect(structured(await auditor.callTool({ name: 'list_functions', arguments: {} })).functions).toHaveLength(1);
    const operator = await connect(issued.otto!);
    const run = structured(await operator.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } }));
    expect(run.execution).toMatchObject({ caller: 'otto', dryRun: true, outcome: { kind: 'returned' } });
  });

  it('the wrong role gets an isError FORBIDDEN result with status 200, not an HTTP error, audited', async () => {
    const auditor = await connect(issued.audrey!);
    const refused = await auditor.callTool({ name: 'run_function', arguments: { name: SAMPLE_NAME, input: sampleEvent(), dry_run: true } });
    expect(refused.isError).toBe(true);
    expect(structured(refused)).toMatchObject({ code: 'FORBIDDEN' });

    const opened = await post(initialize, { authorization: `Bearer ${issued.alice}` });
    const sessionId = opened.headers.get('mcp-session-id') ?? '';
    const raw = await post({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'activate_version', arguments: { name: SAMPLE_NAME, version: 1 } } }, { authorization: `Bearer ${issued.alice}`, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18', accept: 'application/json, text/event-stream' });
    expect(raw.status).toBe(200);
    expect(await raw.text()).toContain('alice (role author) may not call activate_version; it needs the role reviewer or operator');
    const denials = harness.registry.listAudit({ allowed: false });
    expect(denials.map((entry) => [entry.actor, entry.action])).toEqual(expect.arrayContaining([['audrey', 'run_function'], ['alice', 'activate_version']]));
    expect(denials.find((entry) => entry.actor === 'alice')?.detail).toMatchObject({ reason: 'role', role: 'author' });
  });

  it('an author cannot approve their own version: not as author, and not as reviewer under the same name', async () => {
    const author = await connect(issued.alice!);
    const published = structured(await author.callTool({ name: 'publish_function', arguments: { source: sampleSource({ suffixStart: 2 }), fixtures: sampleFixtures({ suffixStart: 2 }) } }));
    expect(published.published).toMatchObject({ version: 2, author: 'alice' });
    const asAuthor = await author.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 2, decision: 'approve' } });
    expect(asAuthor.isError).toBe(true);
    expect(structured(asAuthor)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('may not call review_function') });

    tokens.revoke('alice');
    const reviewerAlice = await connect(tokens.create({ name: 'alice', role: 'reviewer', lifetimeMs: 3_600_000 }).token);
    const ownReview = await reviewerAlice.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 2, decision: 'approve' } });
    expect(ownReview.isError).toBe(true);
    expect(structured(ownReview)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('they authored it') });

    const rita = await connect(issued.rita!);
    expect(structured(await rita.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 2, decision: 'approve' } }))).toMatchObject({ review: { reviewer: 'rita' }, activeVersion: 2 });
    // Both the version and the review record that the name came from a bearer token (issue 9, defect 8).
    expect(harness.registry.getVersion(SAMPLE_NAME, 2)?.actorSource).toBe('mcp-token');
    expect(harness.registry.listReviews(SAMPLE_NAME, 2)[0]?.actorSource).toBe('mcp-token');
  });
});

describe('sessions and errors', () => {
  it('binds a session to the token that opened it', async () => {
    const opened = await post(initialize, { authorization: `Bearer ${issued.audrey}` });
    const sessionId = opened.headers.get('mcp-session-id')!;
    expect(sessionId).toBeTruthy();
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };
    const stolen = await post(list, { authorization: `Bearer ${issued.otto}`, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' });
    expect(stolen.status).toBe(404);
    const own = await post(list, { authorization: `Bearer ${issued.audrey}`, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' });
    expect(own.status).toBe(200);
  });

  it('answers malformed and oversized bodies in JSON-RPC, without a stack', async () => {
    const malformed = await post('{"jsonrpc": ', { authorization: `Bearer ${issued.audrey}` });
    expect(malformed.status).toBe(400);
    const oversized = await post({ ...initialize, padding: 'x'.repeat(4 * 1024 * 1024 + 1) }, { authorization: `Bearer ${issued.audrey}` });
    expect(oversized.status).toBe(413);
    for (const response of [malformed, oversized]) {
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ jsonrpc: '2.0', error: { code: expect.any(Number) } });
      expect(text).not.toMatch(/\s+at \S+ \(|node_modules|\/(home|work|tmp)\//);
    }
  });
});

describe('session limits', () => {
  it('closes a token\'s least recently used session past its share, and sessions left idle', async () => {
    const limited = await serveHttp({ deps: harness.deps, tokens, port: 0, maxSessionsPerToken: 2, idleMs: 300 });
    try {
      const open = async () => (await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${issued.audrey}` }, body: JSON.stringify(initialize) })).headers.get('mcp-session-id')!;
      const alive = async (sessionId: string) => (await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', authorization: `Bearer ${issued.audrey}`, 'mcp-session-id': sessionId, 'mcp-protocol-version': '2025-06-18' }, body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'ping' }) })).status;
      const [first, second] = [await open(), await open()];
      expect(await alive(second)).toBe(200);
      await open();
      expect(await alive(first)).toBe(404);
      expect(await alive(second)).toBe(200);
      // Left alone (every request refreshes it), the session is swept after idleMs.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await alive(second)).toBe(404);
    } finally {
      await limited.close();
    }
  });
});
