// Secret values must never be written, in any field or any encoding a log line or a JSON body gives them.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedactor, createSqliteRegistry, redactCredentialHeaders, REDACTED, type Registry } from '../../core/registry/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { sampleExecution } from './sample-execution.ts';
import { samplePublishInput } from './sample-publish-input.ts';

describe('createRedactor', () => {
  it('replaces the value, its JSON-escaped forms and its URL-encoded form', () => {
    const secret = 'p"a\\ss/wörd?&';
    const redactor = createRedactor([secret]);
    const once = JSON.stringify(secret).slice(1, -1);
    const twice = JSON.stringify(once).slice(1, -1);
    for (const text of [secret, once, twice, encodeURIComponent(secret), `x${secret}y${once}z`]) {
      expect(redactor.text(text)).not.toContain('wörd');
      expect(redactor.text(text)).not.toContain('w%C3%B6rd');
    }
    expect(redactor.text(`a ${secret} b`)).toBe(`a ${REDACTED} b`);
  });

  it('reaches a secret inside JSON that was put in a string, twice over', () => {
    const secret = 'tap-"+drkzqAD"';
    const inner = JSON.stringify({ body: JSON.stringify({ temporaryAccessPass: secret }) });
    const text = createRedactor([secret]).json({ log: inner, list: [{ deeper: inner }] });
    expect(text).not.toContain('drkzqAD');
    expect(JSON.parse(text)).toEqual({ log: expect.stringContaining(REDACTED), list: [{ deeper: expect.stringContaining(REDACTED) }] });
  });

  it('redacts values shorter than four characters, keys, numbers and booleans', () => {
    const redactor = createRedactor(['ab', '7', 'x']);
    expect(JSON.parse(redactor.json({ ab: 1, pin: 4711, ok: true, word: 'crab' }))).toEqual({
      [REDACTED]: 1, pin: `4${REDACTED}11`, ok: true, word: `cr${REDACTED}`,
    });
    expect(redactor.text('x')).toBe(REDACTED);
  });

  it('never mangles its own marker, even when a secret is a letter of it', () => {
    const redactor = createRedactor(['e', 'd']);
    expect(redactor.text('ed [redacted]')).toBe(`${REDACTED}${REDACTED} ${REDACTED}`);
  });

  it('redacts the longer of two overlapping secrets whole', () => {
    expect(createRedactor(['abc', 'abcdef']).text('xabcdefx')).toBe(`x${REDACTED}x`);
  });

  it('stays valid JSON when a secret spans JSON syntax', () => {
    for (const secret of ['1,2', '":"', '{"a"']) {
      const text = createRedactor([secret]).json({ a: [1, 2], b: 'c', d: ':' });
      expect(() => JSON.parse(text)).not.toThrow();
      expect(text).not.toContain(secret);
    }
  });

  it('ignores empty values and leaves text alone when there is nothing to redact', () => {
    expect(createRedactor(['']).text('abc')).toBe('abc');
    expect(createRedactor().json({ a: undefined, b: [undefined] })).toBe('{"b":[null]}');
    expect(createRedactor().json(undefined)).toBe('null');
  });
});

describe('createRedactor: every encoding the host can know', () => {
  // An Entra client secret: "~" is kept by encodeURIComponent but encoded by forms and escape().
  const secret = 'Q~8Xy.ab_cd~EfGh1234567890-zz~Kq';
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const urlSafe = (text: string) => text.replace(/\+/g, '-').replace(/\//g, '_');
  const forms: Array<[string, string]> = [
    ['form-encoded (URLSearchParams)', new URLSearchParams({ client_secret: secret }).toString().slice('client_secret='.length)],
    ['escape()', escape(secret)],
    ['encodeURI', encodeURI(secret)],
    ['upper case', secret.toUpperCase()],
    ['lower case', secret.toLowerCase()],
    ['hex', Buffer.from(secret).toString('hex')],
    ['upper-case hex', Buffer.from(secret).toString('hex').toUpperCase()],
    ['base64', base64(secret)],
    ['base64 in a Basic credential, offset 1', base64(`u:${secret}`)],
    ['base64 in a Basic credential, offset 2', base64(`us:${secret}`)],
    ['base64 in a Basic credential, offset 0', base64(`use:${secret}`)],
    ['url-safe base64, offset 1', urlSafe(base64(`u:${secret}>?`))],
    ['url-safe base64, offset 2', urlSafe(base64(`us:${secret}`))],
    ['lower-case percent escapes', escape(secret).toLowerCase()],
  ];

  it.each(forms)('redacts the %s form', (_label, form) => {
    const text = createRedactor([secret]).text(`before ${form} after`);
    expect(text).toContain(REDACTED);
    // No run of 12 characters of the form survives (its first and last few may belong to its neighbours).
    const survivors = Array.from({ length: form.length - 11 }, (_, index) => form.slice(index, index + 12)).filter((window) => text.includes(window));
    expect(survivors).toEqual([]);
  });

  it('leaves derived forms of short values alone: they would match unrelated text', () => {
    expect(createRedactor(['ab']).text('AB cd')).toBe('AB cd');
    expect(createRedactor(['ab']).text('ab cd')).toBe(`${REDACTED} cd`);
  });

  it('keeps the readable markers of placeholders and tokens, even when a value is a word of one', () => {
    expect(createRedactor(['secret', 'oauth']).text('[secret:GRAPH_TOKEN] [oauth:graph] secret')).toBe(`[secret:GRAPH_TOKEN] [oauth:graph] ${REDACTED}`);
  });
});

describe('redactCredentialHeaders', () => {
  it('keeps the scheme and the markers the host put there, and nothing else', () => {
    const headers = {
      authorization: 'Bearer [secret:GRAPH_TOKEN]',
      'proxy-authorization': `Basic ${Buffer.from('[secret:KEY]:x').toString('base64')}`,
      cookie: 'session=abc',
      'x-api-key': 'token-the-function-got-from-a-response',
      accept: 'application/json',
    };
    expect(redactCredentialHeaders({ method: 'GET', url: 'https://a.example.com/', headers }).headers).toEqual({
      authorization: 'Bearer [secret:GRAPH_TOKEN]',
      'proxy-authorization': 'Basic [secret:KEY]',
      cookie: REDACTED,
      'x-api-key': REDACTED,
      accept: 'application/json',
    });
  });
});

describe('recordExecution redaction', () => {
  let db: SqliteDatabase;
  let registry: Registry;
  beforeEach(() => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
    registry.publish(samplePublishInput());
  });
  afterEach(() => registry.close());

  it('stores no form of any secret in any column, even inside nested JSON strings, logs and calls', () => {
    const token = 'eyJ0b2tlbiI6Im"quoted"\\slash';
    const tap = 'Ab1';
    const nestedBody = JSON.stringify({ request: JSON.stringify({ authorization: `Bearer ${token}` }) });
    const record = registry.recordExecution(
      sampleExecution({
        eventId: `evt-${tap}`,
        input: { person: { firstName: 'John' }, note: nestedBody },
        outcome: { kind: 'threw', message: `upstream said ${JSON.stringify({ tap })}`, stack: `Error: ${token}` },
        logs: [
          { level: 'info', message: `TAP is ${tap}`, data: { raw: nestedBody, [tap]: tap }, atMs: 1 },
          { level: 'debug', message: 'response', data: JSON.stringify({ temporaryAccessPass: tap }), atMs: 2 },
        ],
        calls: [
          {
            method: 'POST',
            url: `https://graph.microsoft.com/v1.0/users?token=${encodeURIComponent(token)}`,
            headers: { authorization: `Bearer ${token}` },
            body: JSON.stringify({ note: `tap ${tap}`, nested: nestedBody }),
          },
        ],
        caller: `mcp:${tap}`,
      }),
      { redact: [token, tap] },
    );
    const rawRow = JSON.stringify(db.prepare('SELECT * FROM executions WHERE id = ?').get(record.id));
    for (const text of [rawRow, JSON.stringify(record)]) {
      expect(text).not.toContain('eyJ0b2tlbiI6Im');
      expect(text).not.toContain(tap);
    }
    expect(record.caller).toBe(`mcp:${REDACTED}`);
    expect(record.eventId).toBe(`evt-${REDACTED}`);
    expect(record.outcome).toMatchObject({ kind: 'threw', message: expect.stringContaining(REDACTED) });
    expect(record.logs[0]?.message).toBe(`TAP is ${REDACTED}`);
    expect(JSON.parse(record.calls[0]!.body!)).toMatchObject({ note: `tap ${REDACTED}` });
  });

  it('redacts audit entries the same way', () => {
    const entry = registry.recordAudit(
      { actor: 'bob', action: 'run_function', target: 'generate-username', allowed: false, detail: { header: 'Bearer sk-123' } },
      { redact: ['sk-123'] },
    );
    expect(entry.detail).toEqual({ header: `Bearer ${REDACTED}` });
  });
});
