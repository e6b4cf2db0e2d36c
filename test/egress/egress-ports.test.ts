// Ports: an egress entry may name one (`host:8443`); without one only the scheme's default port is
// reachable (443 for https, 80 for http where plain http is allowed). The same rule holds for the egress
// client, its redirects, the dry run, the sandbox's own guard, and manifest validation.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoineryError } from '../../core/errors.ts';
import { validateManifest } from '../../core/pipeline/manifest.ts';
import { checkEgressUrl, createDryRunFetch, createEgressFetch } from '../../sandbox/egress/index.ts';
import { createInProcessRunner } from '../../sandbox/index.ts';
import { bundleFunction, functionSource } from '../sandbox/helpers/bundle-function.ts';
import { createFakeHost } from '../sandbox/helpers/fake-host.ts';
import { expectDenied, noDns } from './expectations.ts';
import { startUpstream, type Upstream } from './upstream-server.ts';

const allowed = (url: string, allowedHosts: string[], allowHttp = false) => checkEgressUrl(url, { allowedHosts, allowHttp }).href;
const refusal = (url: string, allowedHosts: string[], allowHttp = false) => {
  try {
    checkEgressUrl(url, { allowedHosts, allowHttp });
  } catch (error) {
    expect(error).toBeInstanceOf(JoineryError);
    expect((error as JoineryError).code).toBe('EGRESS_DENIED');
    return (error as Error).message;
  }
  throw new Error(`expected ${url} to be refused`);
};

describe('egress ports: the URL policy', () => {
  it.each([
    ['https://api.example.com:22/', ['api.example.com'], false, 'host "api.example.com" on port 22 is not in egress'],
    ['https://api.example.com:8443/', ['api.example.com'], false, 'host "api.example.com" on port 8443 is not in egress'],
    ['https://api.example.com:80/', ['api.example.com'], true, 'host "api.example.com" on port 80 is not in egress'],
    ['http://api.example.com:443/', ['api.example.com'], true, 'host "api.example.com" on port 443 is not in egress'],
    ['http://api.example.com:8080/', ['api.example.com'], true, 'host "api.example.com" on port 8080 is not in egress'],
    ['https://api.example.com/', ['api.example.com:8443'], false, 'host "api.example.com" on port 443 is not in egress'],
    ['https://api.example.com:9443/', ['api.example.com:8443'], false, 'host "api.example.com" on port 9443 is not in egress'],
    ['https://a.example.com/', ['*.example.com:8443'], false, 'host "a.example.com" on port 443 is not in egress'],
    ['https://other.example:8443/', ['api.example.com:8443'], false, 'host "other.example" is not in egress'],
  ] as const)('refuses %s with egress %j (http allowed: %s)', (url, hosts, allowHttp, message) => {
    expect(refusal(url, [...hosts], allowHttp)).toBe(message);
  });

  it.each([
    ['https://api.example.com/x', ['api.example.com'], false],
    ['https://api.example.com:443/x', ['api.example.com'], false],
    ['http://api.example.com/x', ['api.example.com'], true],
    ['http://api.example.com:80/x', ['api.example.com'], true],
    ['https://api.example.com:8443/x', ['api.example.com:8443'], false],
    ['http://api.example.com:8443/x', ['api.example.com:8443'], true],
    ['https://api.example.com/x', ['api.example.com:443'], false],
    ['https://api.example.com/x', ['api.example.com', 'api.example.com:8443'], false],
    ['https://api.example.com:8443/x', ['api.example.com', 'api.example.com:8443'], false],
    ['https://deep.a.example.com:8443/x', ['*.example.com:8443'], false],
    ['https://API.Example.COM.:8443/x', ['api.example.com:8443'], false],
  ] as const)('allows %s with egress %j (http allowed: %s)', (url, hosts, allowHttp) => {
    expect(() => allowed(url, [...hosts], allowHttp)).not.toThrow();
  });

  it('reads ports on IP literal entries, IPv6 included', () => {
    const options = { allowHttp: true, allowPrivateNetworks: true };
    expect(checkEgressUrl('http://127.0.0.1:8080/', { allowedHosts: ['127.0.0.1:8080'], ...options }).port).toBe('8080');
    expect(() => checkEgressUrl('http://127.0.0.1:8081/', { allowedHosts: ['127.0.0.1:8080'], ...options })).toThrow('host "127.0.0.1" on port 8081 is not in egress');
    expect(checkEgressUrl('https://[::1]:8443/', { allowedHosts: ['[::1]:8443'], ...options }).hostname).toBe('[::1]');
    expect(() => checkEgressUrl('https://[::1]/', { allowedHosts: ['[::1]:8443'], ...options })).toThrow('on port 443 is not in egress');
  });

  it.each(['api.example.com:0', 'api.example.com:65536', 'api.example.com:', 'api.example.com:abc', 'api.example.com:443:1', '::1:8443', 'https://api.example.com:8443'])(
    'refuses the egress entry %s',
    (entry) => {
      expect(() => checkEgressUrl('https://api.example.com/', { allowedHosts: [entry] })).toThrow(/is not a host name/);
    },
  );

  it('holds the dry run to the same ports', async () => {
    const dryRun = createDryRunFetch({ allowedHosts: ['api.example.com'] });
    await expectDenied(dryRun.fetch({ method: 'GET', url: 'https://api.example.com:22/', headers: {} }), 'host "api.example.com" on port 22 is not in egress');
    expect(dryRun.calls).toEqual([]);
  });
});

describe('egress ports: live requests', () => {
  let upstream: Upstream;
  let other: Upstream;
  beforeAll(async () => {
    [upstream, other] = await Promise.all([startUpstream(), startUpstream()]);
  });
  afterAll(async () => {
    await Promise.all([upstream.close(), other.close()]);
  });
  const loopback = (allowedHosts: string[]) =>
    createEgressFetch({ allowedHosts, allowHttp: true, allowPrivateNetworks: true, _internal: { lookup: noDns } });

  it('reaches a listed port and nothing else on the same host', async () => {
    const egressFetch = loopback([`127.0.0.1:${upstream.port}`]);
    expect((await egressFetch({ method: 'GET', url: `${upstream.origin}/json`, headers: {} })).status).toBe(200);
    await expectDenied(egressFetch({ method: 'GET', url: `${other.origin}/json`, headers: {} }), `host "127.0.0.1" on port ${other.port} is not in egress`);
    await expectDenied(loopback(['127.0.0.1'])({ method: 'GET', url: `${upstream.origin}/json`, headers: {} }), `on port ${upstream.port} is not in egress`);
    expect(other.requests).toEqual([]);
  });

  it('refuses a redirect to a port that is not listed', async () => {
    const egressFetch = loopback([`127.0.0.1:${upstream.port}`]);
    const to = encodeURIComponent(`${other.origin}/json`);
    await expectDenied(egressFetch({ method: 'GET', url: `${upstream.origin}/redirect?to=${to}`, headers: {} }), `redirect to "127.0.0.1" on port ${other.port} is not in egress`);
    expect(other.requests).toEqual([]);
  });
});

describe('egress ports: the sandbox guard and manifest validation', () => {
  const runner = createInProcessRunner();
  afterAll(() => runner.close());
  const host = createFakeHost({ responses: { 'GET https://api.example.com:8443/x': { status: 200, headers: {}, body: 'ok' } } });
  async function fetchFrom(egress: string[], url: string) {
    const source = functionSource({ egress, run: `try { return (await ctx.http.fetch(${JSON.stringify(url)})).status; } catch (error) { return String(error); }` });
    return (await runner.run({ ...(await bundleFunction(source)), event: {} }, host)).outcome;
  }

  it('refuses an explicit port the function did not declare, before the host sees it', async () => {
    expect(await fetchFrom(['api.example.com'], 'https://api.example.com:22/x')).toEqual({ kind: 'returned', value: 'Error: host "api.example.com" on port 22 is not in egress' });
    expect(await fetchFrom(['api.example.com:8443'], 'https://api.example.com/x')).toEqual({ kind: 'returned', value: 'Error: host "api.example.com" on port 443 is not in egress' });
    expect(await fetchFrom(['api.example.com:8443'], 'https://api.example.com:8443/x')).toEqual({ kind: 'returned', value: 200 });
    expect(host.calls.map(({ argument }) => (argument as { url: string }).url)).toEqual(['https://api.example.com:8443/x']);
  });

  it('accepts host:port entries in a manifest and refuses ports out of range', () => {
    const manifest = (egress: string[]) => ({ name: 'f', description: 'd', trigger: 'manual', egress, secrets: [] });
    expect(validateManifest(manifest(['graph.microsoft.com', 'api.example.com:8443', 'api.example.com:443']))).toEqual([]);
    for (const entry of ['api.example.com:0', 'api.example.com:65536', 'api.example.com:', 'https://api.example.com:8443']) {
      expect(validateManifest(manifest([entry]))).toEqual([expect.stringContaining(`egress host "${entry}"`)]);
    }
  });
});
