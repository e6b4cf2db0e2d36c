// Requests refused before anything is sent: scheme, credentials, allowlist, IP literals in every spelling,
// private DNS answers, methods and malformed headers. No socket is opened; DNS is injected or forbidden.

import { describe, expect, it } from 'vitest';
import { JoineryError } from '../../core/errors.ts';
import { checkEgressUrl, createEgressFetch, type ResolvedAddress } from '../../sandbox/egress/index.ts';
import { expectDenied, expectInvalid, noDns } from './expectations.ts';

const LITERALS = ['127.0.0.1', '[::1]', '169.254.169.254', '0.0.0.0', '10.0.0.1', '100.64.0.1', '224.0.0.1', '255.255.255.255', '[::ffff:7f00:1]', '[fe80::1]', '[fc00::1]', '[64:ff9b::a9fe:a9fe]'];

function fetchWith(options: Partial<Parameters<typeof createEgressFetch>[0]> = {}) {
  return createEgressFetch({ allowedHosts: ['api.example.com', ...LITERALS], _internal: { lookup: noDns }, ...options });
}

function answering(...addresses: string[]) {
  return async (): Promise<ResolvedAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

describe('egress fetch: URL policy', () => {
  it('refuses a host that is not in egress', async () => {
    await expectDenied(fetchWith()({ method: 'GET', url: 'https://evil.example/x', headers: {} }), /^host "evil.example" is not in egress$/);
    await expectDenied(fetchWith()({ method: 'GET', url: 'https://api.example.com.evil.example/', headers: {} }), /not in egress/);
  });

  it.each(LITERALS)('refuses the private or reserved literal %s even when it is declared', async (host) => {
    await expectDenied(fetchWith()({ method: 'GET', url: `https://${host}/`, headers: {} }), /is a private or reserved address$/);
  });

  it.each([
    ['decimal', 'http://2130706433/'],
    ['hexadecimal', 'http://0x7f000001/'],
    ['octal', 'http://0177.0.0.1/'],
    ['short', 'http://127.1/'],
    ['mapped IPv6', 'http://[::ffff:127.0.0.1]/'],
  ])('reads the %s spelling of 127.0.0.1 as loopback', async (_spelling, url) => {
    const egressFetch = fetchWith({ allowHttp: true });
    await expectDenied(egressFetch({ method: 'GET', url, headers: {} }), /private or reserved address|not in egress/);
    const onlyLoopback = createEgressFetch({ allowedHosts: ['127.0.0.1', '[::ffff:7f00:1]'], allowHttp: true, _internal: { lookup: noDns } });
    await expectDenied(onlyLoopback({ method: 'GET', url, headers: {} }), /is a private or reserved address$/);
  });

  it.each(['https://user@api.example.com/', 'https://a:b@api.example.com/', 'https://:secret@api.example.com/'])(
    'refuses credentials in the URL: %s',
    async (url) => {
      await expectDenied(fetchWith()({ method: 'GET', url, headers: {} }), /credentials/);
    },
  );

  it.each(['file:///etc/passwd', 'data:text/plain,hello', 'ftp://api.example.com/', 'javascript:alert(1)', 'ws://api.example.com/', 'blob:https://api.example.com/x'])(
    'refuses the scheme of %s',
    async (url) => {
      await expectDenied(fetchWith({ allowHttp: true })({ method: 'GET', url, headers: {} }), /^URL scheme ".*" is not allowed \(only https: and http:\)$/);
    },
  );

  it('refuses http: unless allowed', async () => {
    await expectDenied(fetchWith()({ method: 'GET', url: 'http://api.example.com/', headers: {} }), 'URL scheme "http:" is not allowed (only https:)');
  });

  it('reports a string that is not a URL as invalid input', async () => {
    await expectInvalid(fetchWith()({ method: 'GET', url: 'not a url', headers: {} }), /^invalid URL "not a url"$/);
    await expectInvalid(fetchWith()({ method: 'GET', url: 42 as unknown as string, headers: {} }), /URL must be a string/);
  });
});

describe('egress fetch: DNS answers', () => {
  it.each([
    ['private', ['10.0.0.5']],
    ['loopback', ['127.0.0.1']],
    ['metadata', ['169.254.169.254']],
    ['one private among public', ['8.8.8.8', '192.168.1.10']],
    ['mapped loopback', ['::ffff:127.0.0.1']],
    ['NAT64 of private', ['64:ff9b::a00:5']],
    ['unique local', ['fd00::1']],
    ['not an address', ['not-an-ip']],
  ])('refuses a name that resolves to a %s address', async (_kind, addresses) => {
    const egressFetch = fetchWith({ _internal: { lookup: answering(...addresses) } });
    await expectDenied(
      egressFetch({ method: 'GET', url: 'https://api.example.com/users', headers: {} }),
      /^host "api.example.com" resolves to a private or reserved address$/,
    );
  });

  it('refuses private DNS answers for hosts outside an allowPrivateNetworks list', async () => {
    const egressFetch = createEgressFetch({
      allowedHosts: ['api.example.com', 'hr.corp.example'],
      allowPrivateNetworks: ['hr.corp.example'],
      _internal: { lookup: answering('10.0.0.5') },
    });
    await expectDenied(egressFetch({ method: 'GET', url: 'https://api.example.com/', headers: {} }), /resolves to a private/);
  });
});

describe('egress fetch: methods, headers and body', () => {
  it.each(['TRACE', 'CONNECT', 'OPTIONS', 'FOO'])('refuses the method %s', async (method) => {
    await expectDenied(fetchWith()({ method, url: 'https://api.example.com/', headers: {} }), /is not allowed \(GET, POST, PUT, PATCH, DELETE, HEAD\)$/);
  });

  it.each([
    ['a CR LF in a value', { 'x-a': 'one\r\nx-injected: two' }, /characters not allowed/],
    ['a NUL in a value', { 'x-a': 'a\u0000b' }, /characters not allowed/],
    ['a character beyond Latin-1', { 'x-a': 'Zoë 東京' }, /characters not allowed/],
    ['a space in a name', { 'x a': 'value' }, /header name "x a" is not valid/],
    ['a colon in a name', { 'x:a': 'value' }, /is not valid/],
    ['a non-string value', { 'x-a': 5 }, /must be a string, not \(number\)/],
  ])('refuses %s', async (_case, headers, message) => {
    const request = { method: 'GET', url: 'https://api.example.com/', headers: headers as Record<string, string> };
    await expectInvalid(fetchWith()(request), message);
  });

  it('refuses a body on GET and HEAD', async () => {
    await expectInvalid(fetchWith()({ method: 'GET', url: 'https://api.example.com/', headers: {}, body: 'x' }), 'a GET request cannot have a body');
    await expectInvalid(fetchWith()({ method: 'head', url: 'https://api.example.com/', headers: {}, body: 'x' }), 'a HEAD request cannot have a body');
  });
});

describe('allowlist entries', () => {
  it.each(['https://api.example.com', 'api.example.com:0', 'api.example.com/v1', 'user@api.example.com', '*.', '*', '*.127.0.0.1', 'a.*.example.com', '', ' api.example.com', 'api example.com'])(
    'rejects the entry %j when the client is created',
    (entry) => {
      expect(() => createEgressFetch({ allowedHosts: [entry] })).toThrow(JoineryError);
      expect(() => createEgressFetch({ allowedHosts: [entry] })).toThrow(/is not a host name/);
    },
  );

  it('rejects bad limits when the client is created', () => {
    expect(() => createEgressFetch({ allowedHosts: [], timeoutMs: 0 })).toThrow(/timeoutMs must be an integer of at least 1/);
    expect(() => createEgressFetch({ allowedHosts: [], maxRedirects: -1 })).toThrow(/maxRedirects/);
    expect(() => createEgressFetch({ allowedHosts: [], maxResponseBytes: Number.NaN })).toThrow(/maxResponseBytes/);
  });
});

describe('checkEgressUrl', () => {
  const allowed = (url: string, allowedHosts: string[]) => checkEgressUrl(url, { allowedHosts }).href;
  const refused = (url: string, allowedHosts: string[]) => () => checkEgressUrl(url, { allowedHosts });

  it('compares hosts case-insensitively, without the trailing dot, and drops the fragment', () => {
    expect(allowed('https://API.Example.COM./v1?q=1#frag', ['api.example.com'])).toBe('https://api.example.com/v1?q=1');
    expect(allowed('https://api.example.com/', ['API.EXAMPLE.COM.'])).toBe('https://api.example.com/');
  });

  it('compares international names in their ASCII form', () => {
    expect(allowed('https://BÜCHER.example/', ['bücher.example'])).toBe('https://xn--bcher-kva.example/');
    expect(allowed('https://xn--bcher-kva.example/', ['bücher.example'])).toBe('https://xn--bcher-kva.example/');
  });

  it('matches *.example.com against subdomains at any depth, never the apex or look-alikes', () => {
    expect(allowed('https://acme.example.com/', ['*.example.com'])).toBe('https://acme.example.com/');
    expect(allowed('https://a.b.example.com/', ['*.example.com'])).toBe('https://a.b.example.com/');
    for (const url of ['https://example.com/', 'https://evilexample.com/', 'https://example.com.evil.net/', 'https://acme.example.co/']) {
      expect(refused(url, ['*.example.com'])).toThrow(/is not in egress/);
    }
  });

  it('refuses everything when egress is empty', () => {
    expect(refused('https://api.example.com/', [])).toThrow('host "api.example.com" is not in egress');
  });

  it('honours allowPrivateNetworks for literals, as a flag or as a list', () => {
    expect(checkEgressUrl('http://127.0.0.1:8080/', { allowedHosts: ['127.0.0.1:8080'], allowHttp: true, allowPrivateNetworks: true }).host).toBe('127.0.0.1:8080');
    expect(checkEgressUrl('https://[::1]/', { allowedHosts: ['[::1]'], allowPrivateNetworks: ['[::1]'] }).hostname).toBe('[::1]');
    expect(() => checkEgressUrl('https://[::1]/', { allowedHosts: ['[::1]', '10.0.0.1'], allowPrivateNetworks: ['10.0.0.1'] })).toThrow(/private or reserved/);
  });
});
