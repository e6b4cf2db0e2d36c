// Access tokens are kept until shortly before they expire, requested once however many calls wait for
// them, and a failed request is not kept: the next call asks again.

import { describe, expect, it } from 'vitest';
import { createOAuthTokenCache, DEFAULT_TOKEN_LIFETIME_SECONDS, TOKEN_RENEWAL_MARGIN_SECONDS } from '../../core/runtime/index.ts';
import { readTokenResponse } from '../../core/runtime/oauth-client-credentials.ts';

function counter(expiresInSeconds = 3600) {
  let issued = 0;
  const obtain = async () => ({ accessToken: `token-${++issued}`, expiresInSeconds });
  return { obtain, issued: () => issued };
}

describe('createOAuthTokenCache', () => {
  it('keeps a token until the renewal margin before it expires, per key', async () => {
    let now = 0;
    const cache = createOAuthTokenCache({ _internal: { now: () => now } });
    const tokens = counter();
    expect(await cache.get('graph', tokens.obtain)).toBe('token-1');
    now = (3600 - TOKEN_RENEWAL_MARGIN_SECONDS) * 1000 - 1;
    expect(await cache.get('graph', tokens.obtain)).toBe('token-1');
    expect(await cache.get('okta', tokens.obtain)).toBe('token-2');
    now += 1;
    expect(await cache.get('graph', tokens.obtain)).toBe('token-3');
  });

  it('renews a short-lived token at half its lifetime', async () => {
    let now = 0;
    const cache = createOAuthTokenCache({ _internal: { now: () => now } });
    const tokens = counter(60);
    await cache.get('graph', tokens.obtain);
    now = 29_999;
    await cache.get('graph', tokens.obtain);
    now = 30_000;
    await cache.get('graph', tokens.obtain);
    expect(tokens.issued()).toBe(2);
  });

  it('asks once for calls made side by side, and again after a failure', async () => {
    const cache = createOAuthTokenCache();
    const tokens = counter();
    const together = await Promise.all([1, 2, 3].map(() => cache.get('graph', tokens.obtain)));
    expect(together).toEqual(['token-1', 'token-1', 'token-1']);
    const failing = createOAuthTokenCache();
    await expect(failing.get('graph', async () => { throw new Error('HTTP 401'); })).rejects.toThrow('HTTP 401');
    expect(await failing.get('graph', tokens.obtain)).toBe('token-2');
  });
});

describe('readTokenResponse', () => {
  const response = (status: number, body: unknown) => ({ status, headers: {}, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('reads the access token and its lifetime; a missing expires_in gets the default', () => {
    expect(readTokenResponse('graph', response(200, { access_token: 'abc', token_type: 'Bearer', expires_in: 3599 }))).toEqual({ accessToken: 'abc', expiresInSeconds: 3599 });
    expect(readTokenResponse('graph', response(200, { access_token: 'abc', expires_in: '120' }))).toEqual({ accessToken: 'abc', expiresInSeconds: 120 });
    expect(readTokenResponse('graph', response(200, { access_token: 'abc' }))).toEqual({ accessToken: 'abc', expiresInSeconds: DEFAULT_TOKEN_LIFETIME_SECONDS });
  });

  it('names the status and the OAuth error for a refusal, and refuses what is not a bearer token', () => {
    expect(() => readTokenResponse('graph', response(401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' })))
      .toThrow('OAuth client "graph": the token endpoint answered HTTP 401 invalid_client: AADSTS7000215: Invalid client secret provided.');
    expect(() => readTokenResponse('graph', response(502, '<html>bad gateway</html>'))).toThrow('answered HTTP 502');
    expect(() => readTokenResponse('graph', response(200, { token_type: 'Bearer' }))).toThrow('without an access_token');
    expect(() => readTokenResponse('graph', response(200, { access_token: 'abc', token_type: 'mac' }))).toThrow('only bearer tokens');
  });
});
