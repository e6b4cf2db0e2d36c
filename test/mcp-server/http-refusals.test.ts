// Over HTTP, through the SDK Client, a refusal is a tool result the model can read, never an HTTP error
// the client throws: a tool the role may not call is isError FORBIDDEN (status 200), an input over a
// tool's limit is isError INVALID_INPUT naming it, and tools/list shows each role only its own tools.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSqliteTokenStore, type TokenRole } from '../../core/tokens/index.ts';
import { serveHttp, type RunningHttpServer } from '../../mcp-server/index.ts';
import { TOOLS } from '../../mcp-server/tools/index.ts';
import { createHarness, structured } from './harness.ts';
import { SAMPLE_NAME, sampleFixtures } from './sample-function.ts';

const harness = createHarness();
const tokens = createSqliteTokenStore(harness.db);
let server: RunningHttpServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await serveHttp({ deps: harness.deps, tokens, port: 0 });
  await harness.publishApproved({ author: 'someone', reviewer: 'rita' });
});
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => {});
  await server.close();
  await harness.close();
});

async function connectAs(name: string, role: TokenRole): Promise<Client> {
  const { token } = tokens.create({ name, role, lifetimeMs: 3_600_000 });
  const client = new Client({ name: 'refusals-test', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}

describe('refusals over HTTP are tool results', () => {
  it('an author calling review_function gets isError FORBIDDEN as a result, and the refusal is audited', async () => {
    const author = await connectAs('ada', 'author');
    const result = await author.callTool({ name: 'review_function', arguments: { name: SAMPLE_NAME, version: 1, decision: 'approve' } });
    expect(result.isError).toBe(true);
    expect(structured(result)).toEqual({ code: 'FORBIDDEN', message: 'ada (role author) may not call review_function; it needs the role reviewer' });
    expect(harness.registry.listAudit({ allowed: false }).map((entry) => [entry.actor, entry.action])).toContainEqual(['ada', 'review_function']);
  });

  it('a source over the tool limit (but under the transport limit) is INVALID_INPUT, not HTTP 413', async () => {
    const author = await connectAs('ada-big', 'author');
    const result = await author.callTool({ name: 'save_draft', arguments: { name: 'bigDraft', source: `// ${'x'.repeat(600 * 1024)}`, fixtures: sampleFixtures() } });
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('tools/list over HTTP', () => {
  it.each([['auditor'], ['author'], ['reviewer'], ['operator']] as Array<[TokenRole]>)('shows the %s exactly the tools its role may call', async (role) => {
    const client = await connectAs(`lister-${role}`, role);
    const { tools } = await client.listTools();
    const expected = TOOLS.filter((tool) => (tool.roles as readonly string[]).includes(role)).map((tool) => tool.name);
    expect(tools.map((tool) => tool.name).sort()).toEqual([...expected].sort());
  });

  it('the auditor sees the read tools and executions, and nothing that writes or runs', async () => {
    const { tools } = await (await connectAs('audra', 'auditor')).listTools();
    const names = tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['list_functions', 'get_function', 'list_executions', 'get_execution']));
    for (const name of ['run_function', 'review_function', 'publish_function', 'save_draft', 'activate_version']) expect(names).not.toContain(name);
  });
});
