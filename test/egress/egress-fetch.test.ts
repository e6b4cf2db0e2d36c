// The live client against a real loopback upstream (allowed through allowPrivateNetworks and allowHttp):
// methods, bodies, headers both ways, the size cap, the deadline, network failures and address pinning.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressFetch, type ResolvedAddress } from '../../sandbox/egress/index.ts';
import { expectNetworkError, noDns } from './expectations.ts';
import { startUpstream, type RecordedRequest, type Upstream } from './upstream-server.ts';

let upstream: Upstream;
let closedPort: number;

beforeAll(async () => {
  upstream = await startUpstream();
  const closed = await startUpstream();
  closedPort = closed.port;
  await closed.close();
});

afterAll(async () => {
  await upstream.close();
});

function loopbackFetch(options: Partial<Parameters<typeof createEgressFetch>[0]> = {}) {
  return createEgressFetch({
    allowedHosts: [`127.0.0.1:${upstream.port}`, `127.0.0.1:${closedPort}`],
    allowPrivateNetworks: true,
    allowHttp: true,
    _internal: { lookup: noDns },
    ...options,
  });
}

function echoed(body: string): RecordedRequest {
  return JSON.parse(body) as RecordedRequest;
}

describe('egress fetch against a loopback upstream', () => {
  it('GETs JSON and hands back status, lower-cased joined headers and the body', async () => {
    const response = await loopbackFetch()({ method: 'GET', url: `${upstream.origin}/json`, headers: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ hello: 'world', unicode: 'Zoë 東京' });
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['set-cookie']).toBe('a=1, b=2');
    expect(response.headers['x-multi']).toBe('one, two');
  });

  it('POSTs a JSON body with the guest headers, and the client sets framing', async () => {
    const body = JSON.stringify({ isUsableOnce: true, name: 'Zoë' });
    const response = await loopbackFetch()({
      method: 'post',
      url: `${upstream.origin}/echo/users?x=1`,
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer test-token', 'X-Trace': 'abc' },
      body,
    });
    const seen = echoed(response.body);
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe('/echo/users?x=1');
    expect(seen.body).toBe(body);
    expect(seen.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer test-token',
      'x-trace': 'abc',
      'content-length': String(Buffer.byteLength(body)),
      host: `127.0.0.1:${upstream.port}`,
      'user-agent': 'joinery',
      'accept-encoding': 'identity',
    });
  });

  it('sends PUT, PATCH and DELETE, and HEAD without a body', async () => {
    const egressFetch = loopbackFetch();
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await egressFetch({ method, url: `${upstream.origin}/echo`, headers: {}, body: '{}' });
      expect(echoed(response.body).method).toBe(method);
    }
    const head = await egressFetch({ method: 'HEAD', url: `${upstream.origin}/json`, headers: {} });
    expect(head).toMatchObject({ status: 200, body: '' });
    const headOfLarge = await egressFetch({ method: 'HEAD', url: `${upstream.origin}/big`, headers: {} });
    expect(headOfLarge).toMatchObject({ status: 200, body: '', headers: { 'content-length': String(2 * 1024 * 1024) } });
  });

  it('drops guest framing headers and merges names that differ only in case', async () => {
    const response = await loopbackFetch()({
      method: 'POST',
      url: `${upstream.origin}/echo`,
      headers: { Host: 'evil.example', 'Content-Length': '999', Connection: 'upgrade', 'Transfer-Encoding': 'chunked', 'X-A': '1', 'x-a': '2' },
      body: 'hello',
    });
    const seen = echoed(response.body);
    expect(seen.headers.host).toBe(`127.0.0.1:${upstream.port}`);
    expect(seen.headers['content-length']).toBe('5');
    expect(seen.headers['transfer-encoding']).toBeUndefined();
    expect(seen.headers['x-a']).toBe('1, 2');
    expect(seen.body).toBe('hello');
  });

  it('returns error statuses as values', async () => {
    const response = await loopbackFetch()({ method: 'GET', url: `${upstream.origin}/status?code=404`, headers: {} });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toEqual({ error: 'as asked' });
  });

  it.each(['', '?chunked'])('rejects a 2 MB response (%s) with the size cap', async (query) => {
    await expectNetworkError(
      loopbackFetch()({ method: 'GET', url: `${upstream.origin}/big${query}`, headers: {} }),
      /^response larger than 1048576 bytes$/,
    );
  });

  it('accepts a response of exactly the cap, and honours a smaller cap', async () => {
    const exact = await loopbackFetch()({ method: 'GET', url: `${upstream.origin}/bytes?n=1048576&chunked`, headers: {} });
    expect(exact.body.length).toBe(1048576);
    await expectNetworkError(
      loopbackFetch({ maxResponseBytes: 10 })({ method: 'GET', url: `${upstream.origin}/bytes?n=11&chunked`, headers: {} }),
      'response larger than 10 bytes',
    );
  });

  it('ends an exchange the upstream never answers at the deadline', async () => {
    await expectNetworkError(
      loopbackFetch({ timeoutMs: 150 })({ method: 'GET', url: `${upstream.origin}/hang`, headers: {} }),
      /^request to "127.0.0.1" timed out after 150 ms$/,
    );
  });

  it('ends an exchange when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = loopbackFetch({ signal: controller.signal })({ method: 'GET', url: `${upstream.origin}/hang`, headers: {} });
    setTimeout(() => controller.abort(), 20);
    await expectNetworkError(pending, /^request to "127.0.0.1" was cancelled$/);
  });

  it('reports a refused connection cleanly', async () => {
    await expectNetworkError(
      loopbackFetch()({ method: 'GET', url: `http://127.0.0.1:${closedPort}/`, headers: {} }),
      /^connection to "127.0.0.1" was refused$/,
    );
  });

  it('reports a name that does not resolve cleanly', async () => {
    const egressFetch = loopbackFetch({
      allowedHosts: ['missing.test'],
      _internal: { lookup: async () => Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND missing.test'), { code: 'ENOTFOUND' })) },
    });
    await expectNetworkError(egressFetch({ method: 'GET', url: 'http://missing.test/', headers: {} }), /^host "missing.test" could not be resolved$/);
    const empty = loopbackFetch({ allowedHosts: ['missing.test'], _internal: { lookup: async () => [] } });
    await expectNetworkError(empty({ method: 'GET', url: 'http://missing.test/', headers: {} }), /^host "missing.test" could not be resolved$/);
  });
});

describe('egress fetch pins the checked address', () => {
  it('resolves once, connects to that address, and keeps the name in the Host header', async () => {
    const asked: string[] = [];
    const rebinding = async (hostname: string): Promise<ResolvedAddress[]> => {
      asked.push(hostname);
      return [{ address: asked.length === 1 ? '127.0.0.1' : '192.0.2.1', family: 4 }];
    };
    const egressFetch = loopbackFetch({ allowedHosts: [`upstream.test:${upstream.port}`], _internal: { lookup: rebinding } });
    const response = await egressFetch({ method: 'GET', url: `http://upstream.test:${upstream.port}/echo`, headers: {} });
    expect(asked).toEqual(['upstream.test']);
    expect(echoed(response.body).headers.host).toBe(`upstream.test:${upstream.port}`);
  });

  it('allows private answers only for the hosts listed in allowPrivateNetworks', async () => {
    const egressFetch = createEgressFetch({
      allowedHosts: [`upstream.test:${upstream.port}`, `other.test:${upstream.port}`],
      allowPrivateNetworks: ['upstream.test'],
      allowHttp: true,
      _internal: { lookup: async () => [{ address: '127.0.0.1', family: 4 }] },
    });
    const response = await egressFetch({ method: 'GET', url: `http://upstream.test:${upstream.port}/json`, headers: {} });
    expect(response.status).toBe(200);
    await expect(egressFetch({ method: 'GET', url: `http://other.test:${upstream.port}/json`, headers: {} })).rejects.toThrow(
      'host "other.test" resolves to a private or reserved address',
    );
  });
});
