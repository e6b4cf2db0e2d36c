// OAuth 2.0 client credentials at egress and dry runs, end to end: real isolates, a registry in a database
// file, a loopback token endpoint and API. The host gets a token once, reuses it until shortly before it
// expires and never lets the function, a record or the database see it; a dry run needs no secret at all.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthTokenCache } from '../../core/runtime/index.ts';
import { startLoopbackApi, type LoopbackApi } from './helpers/loopback-api.ts';
import { createSecretRunSetup, definition, type SecretRunSetup } from './helpers/secret-run-setup.ts';
import { formsIn } from './helpers/secret-forms.ts';

const CLIENT_SECRET = 'Q~8Xy.ab_cd~EfGh1234567890-zz~Kq';

let setup: SecretRunSetup;
let api: LoopbackApi;

const origin = (host: string) => `http://${host}.example.test:${api.port}`;
/** An egress entry for the loopback API: without a port, only 443 (or 80) would be reachable. */
const host = (name: string) => `${name}.example.test:${api.port}`;

beforeAll(async () => {
  setup = createSecretRunSetup();
  api = await startLoopbackApi();
});

afterAll(async () => {
  await api.close();
  await setup.close();
});

const oauthSource = () => definition(`name: 'graph-with-client-credentials',
egress: ['${host('login')}', '${host('graph')}'],
secrets: [{ name: 'GRAPH_CLIENT_SECRET', hosts: ['${host('login')}'] }],
oauth: {
  graph: {
    tokenUrl: '${origin('login')}/token', clientId: 'app-1', clientSecret: 'GRAPH_CLIENT_SECRET',
    scope: 'https://graph.example.test/.default', hosts: ['${host('graph')}'],
  },
}`, `
  const first = (await (await ctx.http.fetch('${origin('graph')}/v1.0/users/a', { auth: { oauth: 'graph' } })).json()) as { headers?: Record<string, string> };
  const second = (await (await ctx.http.fetch('${origin('graph')}/v1.0/users/b', { auth: { oauth: 'graph' } })).json()) as { headers?: Record<string, string> };
  return { first: first.headers?.authorization ?? null, second: second.headers?.authorization ?? null };`);

describe('OAuth 2.0 client credentials at egress', () => {
  it('gets a token once, uses it for two calls and the next run, and gets a new one after it expires', async () => {
    setup.secrets.set('GRAPH_CLIENT_SECRET', CLIENT_SECRET);
    await setup.publishApproved(oauthSource());
    let clock = Date.parse('2026-11-20T09:00:00Z');
    const oauthTokens = createOAuthTokenCache({ _internal: { now: () => clock } });
    const before = api.requests.length;

    const first = await setup.run('graph-with-client-credentials', { oauthTokens });
    const second = await setup.run('graph-with-client-credentials', { oauthTokens });
    clock += 3600 * 1000;
    const third = await setup.run('graph-with-client-credentials', { oauthTokens });

    const seen = api.requests.slice(before);
    expect(seen.map((request) => `${request.method} ${request.path} ${request.headers.authorization ?? ''}`.trim())).toEqual([
      'POST /token', 'GET /v1.0/users/a Bearer access-token-1', 'GET /v1.0/users/b Bearer access-token-1',
      'GET /v1.0/users/a Bearer access-token-1', 'GET /v1.0/users/b Bearer access-token-1',
      'POST /token', 'GET /v1.0/users/a Bearer access-token-2', 'GET /v1.0/users/b Bearer access-token-2',
    ]);
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({
      grant_type: 'client_credentials', client_id: 'app-1', client_secret: CLIENT_SECRET, scope: 'https://graph.example.test/.default',
    });
    expect(seen[0]?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    // Neither the function nor any record ever holds the token or the client secret.
    expect(first.outcome).toEqual({ kind: 'returned', value: { first: 'Bearer [redacted]', second: 'Bearer [redacted]' } });
    expect(first.calls.map((call) => [call.method, call.headers.authorization ?? null, call.body ?? null])).toEqual([
      ['POST', null, 'grant_type=client_credentials&client_id=app-1&client_secret=[secret:GRAPH_CLIENT_SECRET]&scope=https%3A%2F%2Fgraph.example.test%2F.default'],
      ['GET', 'Bearer [oauth:graph]', null],
      ['GET', 'Bearer [oauth:graph]', null],
    ]);
    expect(second.calls).toHaveLength(2);
    const text = [first, second, third].map((execution) => JSON.stringify(execution)).join('\n') + setup.databaseBytes();
    expect(text).not.toMatch(/access-token-\d/);
    expect(formsIn(text, CLIENT_SECRET)).toEqual([]);
  });
});

describe('dry runs', () => {
  it('need no secret to be set: placeholders are recorded, nothing is substituted and nothing is sent', async () => {
    await setup.publishApproved(definition(`name: 'dry-run-without-secrets', egress: ['${host('graph')}'], secrets: ['DRY_GRAPH_TOKEN']`, `
    const token = await ctx.secrets.get('DRY_GRAPH_TOKEN');
    const response = await ctx.http.fetch('${origin('graph')}/v1.0/users/a', { method: 'PATCH', headers: { Authorization: 'Bearer ' + token }, body: { accountEnabled: false } });
    return { status: response.status };`));
    await setup.publishApproved(oauthSource().replace("name: 'graph-with-client-credentials'", "name: 'dry-run-with-client-credentials'").replace(/GRAPH_CLIENT_SECRET/g, 'DRY_CLIENT_SECRET'));
    expect(setup.secrets.get('DRY_GRAPH_TOKEN')).toBeUndefined();
    const before = api.requests.length;

    const bearer = await setup.run('dry-run-without-secrets', { dryRun: true });
    const oauth = await setup.run('dry-run-with-client-credentials', { dryRun: true });

    expect(bearer.outcome).toEqual({ kind: 'returned', value: { status: 202 } });
    expect(bearer.calls).toEqual([expect.objectContaining({ method: 'PATCH', headers: expect.objectContaining({ authorization: 'Bearer [secret:DRY_GRAPH_TOKEN]' }) })]);
    expect(oauth.outcome).toEqual({ kind: 'returned', value: { first: null, second: null } });
    expect(oauth.calls.map((call) => call.headers.authorization ?? call.body)).toEqual([
      expect.stringContaining('client_secret=[secret:DRY_CLIENT_SECRET]'), 'Bearer [oauth:graph]', 'Bearer [oauth:graph]',
    ]);
    expect(api.requests.length).toBe(before);
  });
});
