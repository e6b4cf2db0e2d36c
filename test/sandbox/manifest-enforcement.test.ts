// The sandbox holds each run to the secrets and egress hosts its bundle declares, whatever the host
// capabilities behind it would allow: every refusal is an error inside the guest, which it can catch.
// Through the executor, with an ordinary run after each case.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createExecutor } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from './helpers/bundle-function.ts';
import { createFakeHost, fakePlaceholder } from './helpers/fake-host.ts';

const runner = createExecutor();
afterAll(() => runner.close());
afterEach(async () => {
  const source = functionSource({ run: "return await ctx.directory.isUsernameTaken('jsmith');" });
  const result = await runner.run({ ...(await bundleFunction(source)), event: {} }, createFakeHost({ taken: ['jsmith'] }));
  expect(result.outcome).toEqual({ kind: 'returned', value: true });
});

const EGRESS = ['graph.microsoft.com', 'api.example.com:8443'];
const GRAPH_ME = 'https://graph.microsoft.com/v1.0/me';

const hostWithEverything = () =>
  createFakeHost({
    secrets: { GRAPH_TOKEN: 'declared-token', ADMIN_PASSWORD: 'undeclared-value' },
    responses: {
      [`GET ${GRAPH_ME}`]: { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"id":"u1"}' },
      'POST https://graph.microsoft.com/v1.0/users': { status: 201, headers: {}, body: '{"created":true}' },
      'GET https://api.example.com:8443/ok': { status: 204, headers: {}, body: '' },
      'GET http://127.0.0.1/': { status: 200, headers: {}, body: 'metadata' },
    },
  });

async function run(body: string, host = hostWithEverything(), event: unknown = {}) {
  const source = functionSource({ run: body, egress: EGRESS, secrets: ['GRAPH_TOKEN'] });
  return runner.run({ ...(await bundleFunction(source)), event }, host);
}

describe('egress', () => {
  it('lets a declared host through, with JSON bodies and a usable response', async () => {
    const host = hostWithEverything();
    const result = await run(`
      const me = await ctx.http.fetch('${GRAPH_ME}', { headers: { Authorization: 'Bearer ' + await ctx.secrets.get('GRAPH_TOKEN') } });
      const created = await ctx.http.fetch('https://graph.microsoft.com/v1.0/users', { method: 'post', body: { displayName: 'Zoë' } });
      const port = await ctx.http.fetch('https://API.example.com:8443/ok');
      return { status: me.status, ok: me.ok, headers: me.headers, json: await me.json(), text: await created.text(), port: port.status, frozen: Object.isFrozen(me) };`, host);
    expect(result.outcome).toEqual({
      kind: 'returned',
      value: { status: 200, ok: true, headers: { 'content-type': 'application/json' }, json: { id: 'u1' }, text: '{"created":true}', port: 204, frozen: true },
    });
    const fetches = host.calls.filter((call) => call.method === 'fetch').map((call) => call.argument);
    expect(fetches).toEqual([
      { method: 'GET', url: GRAPH_ME, headers: { authorization: `Bearer ${fakePlaceholder('GRAPH_TOKEN')}` } },
      { method: 'POST', url: 'https://graph.microsoft.com/v1.0/users', headers: { 'content-type': 'application/json' }, body: '{"displayName":"Zoë"}' },
      { method: 'GET', url: 'https://api.example.com:8443/ok', headers: {} },
    ]);
  });

  const refused: Array<[string, RegExp]> = [
    ['https://evil.example.net/steal', /host "evil\.example\.net" is not in egress/],
    ['https://graph.microsoft.com.evil.net/', /is not in egress/],
    ['https://api.example.com/ok', /^host "api\.example\.com" on port 443 is not in egress$/],
    ['https://graph.microsoft.com:22/', /^host "graph\.microsoft\.com" on port 22 is not in egress$/],
    ['http://127.0.0.1/', /host "127\.0\.0\.1" is not in egress/],
    ['http://[::1]/', /host "\[::1\]" is not in egress/],
    ['http://169.254.169.254/latest/meta-data/', /host "169\.254\.169\.254" is not in egress/],
    ['http://2130706433/', /host "127\.0\.0\.1" is not in egress/],
    ['http://0x7f000001/', /host "127\.0\.0\.1" is not in egress/],
    ['https://user:pass@graph.microsoft.com/v1.0/me', /credentials/],
    ['https://user@graph.microsoft.com/v1.0/me', /credentials/],
    ['file:///etc/passwd', /"file:" scheme is not allowed/],
    ['data:text/plain,hello', /"data:" scheme is not allowed/],
    ['/relative/path', /not a valid absolute URL/],
  ];

  it.each(refused)('refuses %s inside the guest, where it can be caught', async (url, message) => {
    const host = hostWithEverything();
    const result = await run(`try { await ctx.http.fetch(${JSON.stringify(url)}); return 'sent'; } catch (error) { return (error as Error).message; }`, host);
    expect(result.outcome).toMatchObject({ kind: 'returned', value: expect.stringMatching(message) });
    expect(host.calls.filter((call) => call.method === 'fetch')).toEqual([]);
  });

  it('ends the run as threw when the refusal is not caught', async () => {
    const result = await run(`await ctx.http.fetch('http://169.254.169.254/'); return 'sent';`);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: 'Error: host "169.254.169.254" is not in egress', position: { line: expect.any(Number) } });
  });

  it('refuses bad methods, headers and bodies', async () => {
    const result = await run(`
      const attempts = [
        () => ctx.http.fetch('${GRAPH_ME}', { method: 'GET /x HTTP/1.1' }),
        () => ctx.http.fetch('${GRAPH_ME}', { headers: { 'bad name': 'x' } }),
        () => ctx.http.fetch('${GRAPH_ME}', { headers: { 'x-injected': 'a\\r\\nHost: evil' } }),
        () => ctx.http.fetch('${GRAPH_ME}', { headers: { 'x-number': 1 as any } }),
        () => ctx.http.fetch('${GRAPH_ME}', { body: () => 1 }),
      ];
      const messages: string[] = [];
      for (const attempt of attempts) { try { await attempt(); messages.push('sent'); } catch (error) { messages.push((error as Error).message); } }
      return messages;`);
    expect(result.outcome).toMatchObject({ kind: 'returned' });
    const messages = (result.outcome as { value: string[] }).value;
    expect(messages).toHaveLength(5);
    for (const message of messages) expect(message).not.toBe('sent');
  });

  it('turns a host fetch failure into a guest error without host details', async () => {
    const result = await run(`try { await ctx.http.fetch('${GRAPH_ME}/missing'); } catch (error) { return { message: (error as Error).message, stack: (error as Error).stack }; }`);
    expect(result.outcome).toMatchObject({ kind: 'returned', value: { message: `unexpected request GET ${GRAPH_ME}/missing` } });
    expect(JSON.stringify(result.outcome)).not.toMatch(/\/work\/|node_modules|fake-host/);
  });
});

describe('secrets', () => {
  it('reads a declared secret as its placeholder, never its value', async () => {
    expect((await run(`return await ctx.secrets.get('GRAPH_TOKEN');`)).outcome).toEqual({ kind: 'returned', value: fakePlaceholder('GRAPH_TOKEN') });
  });

  it('refuses a host that hands back a secret value instead of a placeholder', async () => {
    const leaky = { ...hostWithEverything(), getSecret: async () => 'declared-token' };
    const result = await run(`return await ctx.secrets.get('GRAPH_TOKEN');`, leaky);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining('secret values never enter a function') });
    expect(JSON.stringify(result)).not.toContain('declared-token');
  });

  it('sends a URLSearchParams body form-encoded, with the form content type', async () => {
    const host = createFakeHost({ responses: { 'POST https://graph.microsoft.com/v1.0/users': { status: 201, headers: {}, body: '{}' } } });
    const result = await run(`return (await ctx.http.fetch('https://graph.microsoft.com/v1.0/users', { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'a b~' }) })).status;`, host);
    expect(result.outcome).toEqual({ kind: 'returned', value: 201 });
    expect(host.calls.filter((call) => call.method === 'fetch').map((call) => call.argument)).toEqual([{
      method: 'POST', url: 'https://graph.microsoft.com/v1.0/users',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: 'grant_type=client_credentials&scope=a+b%7E',
    }]);
  });

  it('passes auth on to the host, checked against the declared secrets', async () => {
    const host = hostWithEverything();
    const result = await run(`
      await ctx.http.fetch('${GRAPH_ME}', { auth: { bearer: 'GRAPH_TOKEN' } });
      const refused: string[] = [];
      for (const auth of [{ bearer: 'ADMIN_PASSWORD' }, { basic: { username: 'u', password: 'GRAPH_TOKEN' } }, { oauth: 'graph' }, { bearer: 'GRAPH_TOKEN', oauth: 'x' }, 'GRAPH_TOKEN']) {
        try { await ctx.http.fetch('${GRAPH_ME}', { auth: auth as any }); } catch (error) { refused.push((error as Error).message); }
      }
      return refused;`, host);
    expect(result.outcome).toEqual({ kind: 'returned', value: [
      'fetch: auth.bearer: secret "ADMIN_PASSWORD" is not declared in secrets',
      "fetch: auth.basic.password \"GRAPH_TOKEN\" is the name of a secret; write { secret: 'GRAPH_TOKEN' } to send its value",
      'fetch: auth.oauth "graph" is not a client declared in oauth',
      expect.stringContaining('auth must be'),
      expect.stringContaining('auth must be'),
    ] });
    const fetches = host.calls.filter((call) => call.method === 'fetch').map((call) => call.argument);
    expect(fetches).toEqual([{ method: 'GET', url: GRAPH_ME, headers: {}, auth: { bearer: 'GRAPH_TOKEN' } }]);
  });

  it('refuses an undeclared secret before asking the host', async () => {
    const host = hostWithEverything();
    const result = await run(`return await ctx.secrets.get('ADMIN_PASSWORD');`, host);
    expect(result.outcome).toMatchObject({ kind: 'threw', message: 'Error: secret "ADMIN_PASSWORD" is not declared in secrets' });
    expect(host.calls).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('undeclared-value');
  });

  it('cannot reach an undeclared secret through any spelling or type', async () => {
    const host = hostWithEverything();
    const result = await run(`
      const found: unknown[] = [];
      for (const name of ['admin_password', ' ADMIN_PASSWORD', 'GRAPH_TOKEN\\u0000', ['ADMIN_PASSWORD'], { toString: () => 'ADMIN_PASSWORD' }]) {
        try { found.push(await ctx.secrets.get(name as any)); } catch (error) { found.push((error as Error).message); }
      }
      return found;`, host);
    expect(JSON.stringify(result)).not.toContain('undeclared-value');
    expect(host.calls.filter((call) => call.method === 'getSecret')).toEqual([]);
  });
});

describe('directory calls', () => {
  it('checks argument types on the host side', async () => {
    const result = await run(`
      const messages: string[] = [];
      for (const attempt of [() => ctx.directory.isUsernameTaken(42 as any), () => ctx.directory.isUsernameTaken(undefined as any), () => ctx.directory.findUsers({ email: 5 } as any), () => ctx.directory.findUsers('x' as any)]) {
        try { await attempt(); messages.push('answered'); } catch (error) { messages.push((error as Error).message); }
      }
      return messages;`);
    expect(result.outcome).toEqual({
      kind: 'returned',
      value: [
        'isUsernameTaken(username): username must be a string',
        'isUsernameTaken(username): username must be a string',
        'findUsers(filter): filter.email must be a string',
        'findUsers(filter): filter must be an object',
      ],
    });
  });
});
