// Check limits at the MCP boundary (issue 9). Over HTTP: while an author's check_function works on the
// hostile function, other clients (and requests without a token) keep getting answers in milliseconds, and
// the check ends as a CHECK_FAILED error naming typeCheckTimeoutMs. Every tool that checks (check, test,
// save_draft, publish) answers a source over a limit with CHECK_FAILED naming it; save_draft keeps nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createSqliteTokenStore } from '../../core/tokens/index.ts';
import { serveHttp, type RunningHttpServer } from '../../mcp-server/index.ts';
import { hostileTypesSource } from '../helpers/hostile-types.ts';
import { createHarness, structured } from './harness.ts';
import { sampleFixtures, sampleSource } from './sample-function.ts';

const TIME_LIMIT_MS = 2_000;
const harness = createHarness({ checkLimits: { typeCheckTimeoutMs: TIME_LIMIT_MS } });
const tokens = createSqliteTokenStore(harness.db);
let server: RunningHttpServer;
const clients: Client[] = [];

beforeAll(async () => {
  server = await serveHttp({ deps: harness.deps, tokens, port: 0 });
});
afterAll(async () => {
  for (const client of clients) await client.close().catch(() => {});
  await server.close();
  await harness.close();
});

async function connect(name: string, role: 'author' | 'auditor'): Promise<Client> {
  const { token } = tokens.create({ name, role, lifetimeMs: 3_600_000 });
  const client = new Client({ name: `limits-${name}`, version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  clients.push(client);
  return client;
}

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
}

const listWithoutToken = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_functions', arguments: {} } };

describe('over HTTP, a hostile check_function', () => {
  it('leaves the server answering other clients in milliseconds, and fails with CHECK_FAILED naming the limit', async () => {
    const author = await connect('alice', 'author');
    const auditor = await connect('audrey', 'auditor');
    expect(structured(await author.callTool({ name: 'check_function', arguments: { source: sampleSource() } })).ok).toBe(true); // warm

    let running = true;
    const started = performance.now();
    const hostile = author.callTool({ name: 'check_function', arguments: { source: hostileTypesSource() } }).finally(() => (running = false));
    const listed: number[] = [];
    const refused: number[] = [];
    while (running) {
      listed.push(await timed(async () => expect(structured(await auditor.callTool({ name: 'list_functions', arguments: {} })).functions).toEqual([])));
      refused.push(await timed(async () => {
        const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify(listWithoutToken) });
        expect(response.status).toBe(401);
        await response.arrayBuffer();
      }));
    }
    const result = await hostile;
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIME_LIMIT_MS);
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({
      code: 'CHECK_FAILED',
      message: `type-check stopped after ${TIME_LIMIT_MS} ms (the limit, typeCheckTimeoutMs in config.json); simplify the types`,
      details: { problems: [{ stage: 'type-check', limit: 'typeCheckTimeoutMs' }] },
    });
    // A blocked event loop answers nothing until the check ends: one slow sample. A free one answers dozens.
    expect(listed.length).toBeGreaterThanOrEqual(10);
    const shown = (samples: number[]) => samples.map(Math.round).join(', ');
    expect(median(listed), `list_functions (ms): ${shown(listed)}`).toBeLessThan(50);
    expect(median(refused), `without a token (ms): ${shown(refused)}`).toBeLessThan(50);

    // The author's next check is answered as usual.
    expect(structured(await author.callTool({ name: 'check_function', arguments: { source: sampleSource() } })).ok).toBe(true);
  });
});

describe('every tool that checks', () => {
  // 300 KB: under the tools' 512 KB input limit, over the check's 256 KB (in memory: HTTP bodies stop at 100 KB).
  const oversized = `${sampleSource()}// ${'x'.repeat(300_000)}\n`;
  const limitText = /^(not published: )?fn\.ts is 30\d,\d{3} bytes; the limit is 262,144 bytes \(256 KB\); make the function smaller/;

  it.each([
    ['check_function', { source: oversized }],
    ['test_function', { source: oversized, fixtures: sampleFixtures() }],
    ['save_draft', { name: 'welcome-joiner', source: oversized, fixtures: sampleFixtures() }],
    ['publish_function', { source: oversized, fixtures: sampleFixtures() }],
  ])('%s answers a source over the size limit with CHECK_FAILED naming it', async (tool, input) => {
    const author = await harness.connect({ name: 'bob', role: 'author' });
    const result = await author.callTool({ name: tool, arguments: input });
    expect(result.isError).toBe(true);
    expect(structured(result)).toMatchObject({ code: 'CHECK_FAILED', message: expect.stringMatching(limitText) });
    expect(harness.deps.drafts.list('bob')).toEqual([]);
    expect(harness.registry.listFunctions()).toEqual([]);
  });
});
