// https through the pinned address: SNI and the certificate check stay on the URL's host name, and TLS
// failures come back as clean messages. The CA is test-only and trusted through _internal.tlsCa.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEgressFetch } from '../../sandbox/egress/index.ts';
import { expectDenied, expectNetworkError } from './expectations.ts';
import { startUpstream, type Upstream } from './upstream-server.ts';

const read = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');
const ca = read('ca.pem');

let upstream: Upstream;

beforeAll(async () => {
  upstream = await startUpstream({ tls: { key: read('upstream-test.key.pem'), cert: read('upstream-test.cert.pem') } });
});

afterAll(async () => {
  await upstream.close();
});

function tlsFetch(tlsCa?: string) {
  return createEgressFetch({
    allowedHosts: [`upstream.test:${upstream.port}`, `other.test:${upstream.port}`, `127.0.0.1:${upstream.port}`],
    allowPrivateNetworks: true,
    _internal: { lookup: async () => [{ address: '127.0.0.1', family: 4 }], ...(tlsCa === undefined ? {} : { tlsCa }) },
  });
}

describe('egress fetch over TLS', () => {
  it('connects to the pinned address with SNI and certificate checks on the host name', async () => {
    const before = upstream.requests.length;
    const response = await tlsFetch(ca)({ method: 'GET', url: `https://upstream.test:${upstream.port}/json`, headers: {} });
    expect(response.status).toBe(200);
    const seen = upstream.requests[before];
    expect(seen?.servername).toBe('upstream.test');
    expect(seen?.headers.host).toBe(`upstream.test:${upstream.port}`);
  });

  it('rejects a certificate for another name', async () => {
    await expectNetworkError(
      tlsFetch(ca)({ method: 'GET', url: `https://other.test:${upstream.port}/json`, headers: {} }),
      /^TLS certificate of "other.test" does not match its name$/,
    );
    await expectNetworkError(
      tlsFetch(ca)({ method: 'GET', url: `https://127.0.0.1:${upstream.port}/json`, headers: {} }),
      /^TLS certificate of "127.0.0.1" does not match its name$/,
    );
  });

  it('rejects a certificate from an untrusted issuer', async () => {
    await expectNetworkError(
      tlsFetch()({ method: 'GET', url: `https://upstream.test:${upstream.port}/json`, headers: {} }),
      /^TLS connection to "upstream.test" failed \([A-Z_]+\)$/,
    );
  });

  it('refuses a redirect from https down to http when http is not allowed', async () => {
    const to = encodeURIComponent(`http://upstream.test:${upstream.port}/json`);
    await expectDenied(
      tlsFetch(ca)({ method: 'GET', url: `https://upstream.test:${upstream.port}/redirect?to=${to}`, headers: {} }),
      /^redirect to a "http:" URL is not allowed \(only https:\)$/,
    );
  });
});
