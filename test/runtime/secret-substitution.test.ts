// At egress each placeholder becomes its value, encoded for where it stands, and only for bound hosts; a
// placeholder the function transformed is refused with the way to write it; a dry run substitutes nothing.

import { describe, expect, it } from 'vitest';
import { JoineryError } from '../../core/errors.ts';
import type { OutgoingRequest } from '../../core/execution/types.ts';
import { createSecretPlaceholders, isSecretPlaceholder } from '../../core/runtime/index.ts';
import { substituteSecrets } from '../../core/runtime/secret-substitution.ts';

const VALUES: Record<string, string> = { API_KEY: 'a b&c=d~e/f?g+h%i', SLACK_PATH: 'T0/B0/xyz', API_KEY_2: 'second' };
const placeholders = createSecretPlaceholders({ names: Object.keys(VALUES), nonce: '0123456789abcdef' });
const key = placeholders.of('API_KEY');
const scope = { placeholders, boundHosts: () => ['api.example.com'], secretValue: (name: string) => VALUES[name] ?? '' };
const request = (overrides: Partial<OutgoingRequest>): OutgoingRequest => ({ method: 'POST', url: 'https://api.example.com/', headers: {}, ...overrides });
const refusal = (run: () => unknown): JoineryError => {
  try {
    run();
  } catch (error) {
    if (error instanceof JoineryError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('substituteSecrets: the value goes in, encoded for where it stands', () => {
  it('percent-encodes in the path (keeping "/") and in the query; the host never changes', () => {
    const sent = substituteSecrets(request({ url: `https://api.example.com/hooks/${placeholders.of('SLACK_PATH')}?key=${key}&x=1` }), scope);
    expect(sent.url).toBe(`https://api.example.com/hooks/T0/B0/xyz?key=${encodeURIComponent(VALUES.API_KEY ?? '')}&x=1`);
    expect(new URL(sent.url).searchParams.get('key')).toBe(VALUES.API_KEY);
  });

  it('form-encodes in a form body and JSON-escapes in a JSON body; anything else as it is', () => {
    const form = substituteSecrets(request({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `client_secret=${key}&a=1` }), scope);
    expect(new URLSearchParams(form.body).get('client_secret')).toBe(VALUES.API_KEY);
    const json = substituteSecrets(request({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key, quote: `"${key}"` }) }), scope);
    expect(JSON.parse(json.body ?? '')).toEqual({ key: VALUES.API_KEY, quote: `"${VALUES.API_KEY}"` });
    expect(substituteSecrets(request({ body: `raw ${key}` }), scope).body).toBe(`raw ${VALUES.API_KEY}`);
  });

  it('decodes a Basic credential, puts the value in and encodes it again, at every alignment', () => {
    for (const user of ['u', 'us', 'use']) {
      const header = `Basic ${btoa(`${user}:${key}`)}`;
      const sent = substituteSecrets(request({ headers: { authorization: header } }), scope);
      expect(Buffer.from((sent.headers.authorization ?? '').slice(6), 'base64').toString('utf8')).toBe(`${user}:${VALUES.API_KEY}`);
    }
    expect(substituteSecrets(request({ headers: { 'x-api-key': key } }), scope).headers['x-api-key']).toBe(VALUES.API_KEY);
  });

  it('leaves a request without placeholders exactly as it was', () => {
    const plain = request({ url: 'https://api.example.com/a?b=1', headers: { authorization: 'Basic dTpw' }, body: 'x' });
    expect(substituteSecrets(plain, scope)).toEqual(plain);
  });

  it('in a dry run (no values) checks the same and changes nothing', () => {
    const withKey = request({ headers: { authorization: `Bearer ${key}` } });
    expect(substituteSecrets(withKey, { placeholders, boundHosts: scope.boundHosts })).toEqual(withKey);
    expect(() => substituteSecrets(request({ url: 'https://other.example.com/', headers: { authorization: `Bearer ${key}` } }), { placeholders, boundHosts: scope.boundHosts })).toThrow(/may only be sent/);
  });
});

describe('substituteSecrets: refusals', () => {
  it('refuses a placeholder bound elsewhere, wherever it stands, naming the secret and its hosts', () => {
    const elsewhere = 'https://hooks.example.net/x';
    for (const attempt of [
      request({ url: `${elsewhere}?k=${key}` }),
      request({ url: elsewhere, body: JSON.stringify({ key }) }),
      request({ url: elsewhere, headers: { 'x-key': key } }),
      request({ url: elsewhere, headers: { authorization: `Basic ${btoa(`user:${key}`)}` } }),
    ]) {
      const error = refusal(() => substituteSecrets(attempt, scope));
      expect(error.code).toBe('EGRESS_DENIED');
      expect(error.message).toBe('secret "API_KEY" may only be sent to api.example.com; this request goes to hooks.example.net');
    }
  });

  it('refuses a transformed placeholder with the way to write it: upper-cased, reversed, base64 or hex outside Basic', () => {
    for (const transformed of [key.toUpperCase(), [...key].reverse().join(''), btoa(key), btoa(`x${key}`), Buffer.from(key).toString('hex'), key.slice(0, -2)]) {
      const error = refusal(() => substituteSecrets(request({ headers: { 'x-token': transformed } }), scope));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toContain("auth: { bearer: 'NAME' }");
    }
  });

  it('refuses a value with a line break in a header, without echoing it', () => {
    const error = refusal(() => substituteSecrets(request({ headers: { 'x-key': key } }), { ...scope, secretValue: () => 'evil\r\nx-injected: 1' }));
    expect(error.message).toBe('a secret cannot go into header "x-key": its value has a line break or NUL');
  });
});

describe('placeholders', () => {
  it('are made of URI-unreserved characters only, with a fresh nonce per run', () => {
    const first = createSecretPlaceholders({ names: ['GRAPH_TOKEN'] }).of('GRAPH_TOKEN');
    const second = createSecretPlaceholders({ names: ['GRAPH_TOKEN'] }).of('GRAPH_TOKEN');
    expect(first).not.toBe(second);
    for (const placeholder of [first, second]) {
      expect(placeholder).toMatch(/^[A-Za-z0-9._~-]+$/);
      expect([encodeURIComponent(placeholder), escape(placeholder), new URLSearchParams({ p: placeholder }).get('p'), JSON.parse(JSON.stringify(placeholder))]).toEqual(Array(4).fill(placeholder));
      expect(isSecretPlaceholder(placeholder, 'GRAPH_TOKEN')).toBe(true);
      expect(isSecretPlaceholder(placeholder, 'TOKEN')).toBe(false);
    }
    expect(isSecretPlaceholder('a-real-token-value', 'GRAPH_TOKEN')).toBe(false);
  });

  it('find the longest declared name and render readably', () => {
    const both = createSecretPlaceholders({ names: ['GRAPH', 'GRAPH_TOKEN'], nonce: 'fedcba9876543210' });
    expect(both.namesIn(`${both.of('GRAPH_TOKEN')} ${both.of('GRAPH')}_X`)).toEqual(['GRAPH_TOKEN', 'GRAPH']);
    expect(both.render(`Bearer ${both.of('GRAPH_TOKEN')}`)).toBe('Bearer [secret:GRAPH_TOKEN]');
  });
});
