// Fixture tests run secrets as live runs do: the function gets placeholders, the fixture's values go in at
// egress for bound hosts only, and an OAuth token request is answered by the fixture's `http` list like
// any request (so the grant is really exercised). `expect.calls` sees the requests as sent.

import { describe, expect, it } from 'vitest';
import { runFixtures, type FixtureTest } from '../../core/fixtures/index.ts';
import type { FunctionDefinition } from '../../core/sdk/index.ts';
import { createInProcessRunner } from '../helpers/in-process-context.ts';
import { fixture } from './fixture-builders.ts';

const TOKEN_URL = 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token';
const USERS = 'https://graph.microsoft.com/v1.0/users';

const definition: FunctionDefinition = {
  name: 'graph-client-credentials',
  description: 'Reads two users with a client-credentials token.',
  trigger: 'manual',
  egress: ['graph.microsoft.com', 'login.microsoftonline.com'],
  secrets: [{ name: 'GRAPH_CLIENT_SECRET', hosts: ['login.microsoftonline.com'] }],
  oauth: { graph: { tokenUrl: TOKEN_URL, clientId: 'app-1', clientSecret: 'GRAPH_CLIENT_SECRET', scope: 'https://graph.microsoft.com/.default', hosts: ['graph.microsoft.com'] } },
  async run(event, ctx) {
    const statuses: number[] = [];
    for (const id of ['a', 'b']) statuses.push((await ctx.http.fetch(`${USERS}/${id}`, { auth: { oauth: 'graph' } })).status);
    if (event.type === 'manual' && event.id === 'leak') {
      await ctx.http.fetch(`${USERS}/c`, { headers: { 'x-secret': await ctx.secrets.get('GRAPH_CLIENT_SECRET') } });
    }
    return { statuses };
  },
};

async function run(test: FixtureTest) {
  const runner = createInProcessRunner({ definition });
  const described = await runner.describe({ bundle: '' });
  if (!described.ok) throw new Error(described.message);
  const [result] = (await runFixtures({ bundle: '', tests: [test], runner, manifest: described.manifest })).results;
  return result;
}

const tokenMock = { request: { method: 'POST', url: TOKEN_URL }, response: { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: 'fixture-access-token' } } };
const userMock = (id: string) => ({ request: { method: 'GET', url: `${USERS}/${id}` }, response: { status: 200, body: { id } } });

describe('fixture tests with OAuth client credentials', () => {
  it('answer the token request from the http list, once, and compare the calls as sent', async () => {
    const result = await run(fixture({
      input: { ...fixture().input, type: 'manual' },
      secrets: { GRAPH_CLIENT_SECRET: 'test~client~secret' },
      http: [tokenMock, userMock('a'), userMock('b')],
      expect: {
        output: { statuses: [200, 200] },
        calls: [
          { method: 'POST', url: TOKEN_URL, body: 'grant_type=client_credentials&client_id=app-1&client_secret=test%7Eclient%7Esecret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default' },
          { method: 'GET', url: `${USERS}/a`, headers: { authorization: 'Bearer fixture-access-token' } },
          { method: 'GET', url: `${USERS}/b`, headers: { authorization: 'Bearer fixture-access-token' } },
        ],
      },
    }));
    expect(result?.failures).toEqual([]);
    expect(result?.passed).toBe(true);
  });

  it('fail with the token endpoint\'s answer when the fixture refuses the grant', async () => {
    const result = await run(fixture({
      secrets: { GRAPH_CLIENT_SECRET: 'wrong' },
      http: [{ request: tokenMock.request, response: { status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } } }],
      expect: { error: 'OAuth client "graph": the token endpoint answered HTTP 401 invalid_client' },
    }));
    expect(result?.failures).toEqual([]);
  });

  it('hold a secret to its bound hosts, as a live run does', async () => {
    const result = await run(fixture({
      input: { ...fixture().input, type: 'manual', id: 'leak' },
      secrets: { GRAPH_CLIENT_SECRET: 'test-client-secret' },
      http: [tokenMock, userMock('a'), userMock('b'), userMock('c')],
      expect: { error: 'secret "GRAPH_CLIENT_SECRET" may only be sent to login.microsoftonline.com; this request goes to graph.microsoft.com', outputExclude: ['test-client-secret'] },
    }));
    expect(result?.failures).toEqual([]);
    expect(result?.calls.map((call) => call.url)).toEqual([TOKEN_URL, `${USERS}/a`, `${USERS}/b`]);
  });
});
