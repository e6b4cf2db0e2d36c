// Redirects are followed by hand, each hop re-checked: scheme, allowlist and addresses, with credentials
// kept on the original origin only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressFetch } from '../../sandbox/egress/index.ts';
import { expectDenied, expectNetworkError, noDns } from './expectations.ts';
import { startUpstream, type RecordedRequest, type Upstream } from './upstream-server.ts';

let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream();
});

afterAll(async () => {
  await upstream.close();
});

const loopbackOnly = async () => [{ address: '127.0.0.1', family: 4 as const }];

function loopbackFetch(options: Partial<Parameters<typeof createEgressFetch>[0]> = {}) {
  return createEgressFetch({
    allowedHosts: [`127.0.0.1:${upstream.port}`, `upstream.test:${upstream.port}`],
    allowPrivateNetworks: true,
    allowHttp: true,
    _internal: { lookup: loopbackOnly },
    ...options,
  });
}

function redirectUrl(to: string, status = 302, origin = upstream.origin): string {
  return `${origin}/redirect?status=${status}&to=${encodeURIComponent(to)}`;
}

function echoed(body: string): RecordedRequest {
  return JSON.parse(body) as RecordedRequest;
}

describe('egress fetch: redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i within the allowlist', async (status) => {
    const response = await loopbackFetch()({ method: 'GET', url: redirectUrl('/json', status), headers: {} });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ hello: 'world' });
  });

  it('turns a POST into a GET without body after a 303, as fetch does', async () => {
    const response = await loopbackFetch()({
      method: 'POST',
      url: redirectUrl('/echo', 303),
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    const seen = echoed(response.body);
    expect(seen).toMatchObject({ method: 'GET', body: '' });
    expect(seen.headers['content-type']).toBeUndefined();
  });

  it('keeps method and body after a 307', async () => {
    const response = await loopbackFetch()({ method: 'PUT', url: redirectUrl('/echo', 307), headers: {}, body: 'payload' });
    expect(echoed(response.body)).toMatchObject({ method: 'PUT', body: 'payload' });
  });

  it('keeps credentials on the same origin and drops them on another', async () => {
    const headers = { authorization: 'Bearer secret', 'x-api-key': 'secret', accept: 'application/json' };
    const same = await loopbackFetch()({ method: 'GET', url: redirectUrl('/echo'), headers });
    expect(echoed(same.body).headers).toMatchObject(headers);

    const crossOrigin = `http://upstream.test:${upstream.port}/echo`;
    const other = await loopbackFetch()({ method: 'GET', url: redirectUrl(crossOrigin), headers });
    const seen = echoed(other.body);
    expect(seen.headers.host).toBe(`upstream.test:${upstream.port}`);
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers['x-api-key']).toBeUndefined();
  });

  it('never resends a body to another origin: a 307 or 308 with a body across origins is not followed', async () => {
    const crossOrigin = `http://upstream.test:${upstream.port}/echo`;
    for (const status of [307, 308]) {
      const before = upstream.requests.length;
      await expectNetworkError(
        loopbackFetch()({ method: 'POST', url: redirectUrl(crossOrigin, status), headers: {}, body: 'client_secret=s3cr3t' }),
        /^"127\.0\.0\.1" redirected a request with a body to another origin \("upstream\.test"\); not followed$/,
      );
      expect(upstream.requests.slice(before).map((request) => request.path)).toEqual([expect.stringMatching(/^\/redirect/)]);
    }
    const sameOrigin = await loopbackFetch()({ method: 'POST', url: redirectUrl('/echo', 307), headers: {}, body: 'kept' });
    expect(echoed(sameOrigin.body)).toMatchObject({ method: 'POST', body: 'kept' });
  });

  it('refuses a redirect off the allowlist', async () => {
    await expectDenied(
      loopbackFetch()({ method: 'GET', url: redirectUrl('https://evil.example/steal'), headers: {} }),
      /^redirect to "evil.example" is not in egress$/,
    );
  });

  it('refuses a redirect to another scheme or to credentials', async () => {
    await expectDenied(loopbackFetch()({ method: 'GET', url: redirectUrl('file:///etc/passwd'), headers: {} }), /^redirect to a "file:" URL is not allowed/);
    await expectDenied(
      loopbackFetch()({ method: 'GET', url: redirectUrl(`http://user:pw@127.0.0.1:${upstream.port}/json`), headers: {} }),
      /^redirect to a URL with credentials/,
    );
  });

  it('refuses a redirect to 127.0.0.1 when private networks are not allowed', async () => {
    // Only upstream.test may be private, so the first hop reaches the loopback upstream and the second may not.
    const egressFetch = loopbackFetch({ allowPrivateNetworks: ['upstream.test'] });
    const first = `http://upstream.test:${upstream.port}`;
    await expectDenied(
      egressFetch({ method: 'GET', url: redirectUrl(`http://127.0.0.1:${upstream.port}/json`, 302, first), headers: {} }),
      /^redirect to "127.0.0.1" is a private or reserved address$/,
    );
    await expectDenied(
      egressFetch({ method: 'GET', url: redirectUrl(`http://[::ffff:7f00:1]:${upstream.port}/json`, 302, first), headers: {} }),
      /not in egress/,
    );
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    const egressFetch = loopbackFetch({ allowedHosts: [`upstream.test:${upstream.port}`, `internal.test:${upstream.port}`], allowPrivateNetworks: ['upstream.test'] });
    const first = `http://upstream.test:${upstream.port}`;
    await expectDenied(
      egressFetch({ method: 'GET', url: redirectUrl(`http://internal.test:${upstream.port}/json`, 302, first), headers: {} }),
      /^redirect to "internal.test" resolves to a private or reserved address$/,
    );
  });

  it('stops after maxRedirects hops', async () => {
    const twoHops = redirectUrl(redirectUrl('/json'));
    const response = await loopbackFetch({ maxRedirects: 2 })({ method: 'GET', url: twoHops, headers: {} });
    expect(response.status).toBe(200);
    await expectNetworkError(loopbackFetch({ maxRedirects: 1 })({ method: 'GET', url: twoHops, headers: {} }), /^too many redirects \(more than 1\)$/);
    await expectNetworkError(
      createEgressFetch({ allowedHosts: [`127.0.0.1:${upstream.port}`], allowPrivateNetworks: true, allowHttp: true, _internal: { lookup: noDns } })({
        method: 'GET',
        url: redirectUrl(redirectUrl(redirectUrl(redirectUrl('/json')))),
        headers: {},
      }),
      'too many redirects (more than 3)',
    );
  });

  it('hands back a redirect status without Location as it is', async () => {
    const response = await loopbackFetch()({ method: 'GET', url: `${upstream.origin}/status?code=302`, headers: {} });
    expect(response.status).toBe(302);
  });
});
