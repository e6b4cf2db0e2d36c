// The matcher's semantics (contract.md, "A fixture file") and the failure lines a reviewer reads.

import { describe, expect, it } from 'vitest';
import { matchTest, type FixtureExpectation, type RunObservation } from '../../core/fixtures/index.ts';
import type { OutgoingRequest, RunOutcome } from '../../core/execution/types.ts';
import { fixture } from './fixture-builders.ts';

function judge(expectation: FixtureExpectation | undefined, observation: Partial<RunObservation> = {}) {
  return matchTest(fixture({ expect: expectation }), {
    outcome: { kind: 'returned', value: null },
    logs: [],
    calls: [],
    ...observation,
  });
}

const returned = (value: unknown): { outcome: RunOutcome } => ({ outcome: { kind: 'returned', value } });
const post = (url: string, extra: Partial<OutgoingRequest> = {}): OutgoingRequest => ({ method: 'POST', url, headers: {}, ...extra });

describe('outcome', () => {
  it('passes a test without expectations when the function returns', () => {
    expect(judge(undefined)).toEqual({ passed: true, failures: [] });
  });

  it('fails a function that did not return, describing what happened', () => {
    const cases: [RunOutcome, string][] = [
      [{ kind: 'threw', message: 'boom', position: { line: 3, column: 5 } }, 'threw "boom" (line 3, column 5)'],
      [{ kind: 'timed-out', limit: 'wall', limitMs: 5000 }, 'timed out: over the wall-time limit of 5000 ms'],
      [{ kind: 'out-of-memory', memoryLimitMb: 64 }, 'ran out of memory: over the 64 MB limit'],
      [{ kind: 'crashed', message: 'executor exited' }, 'crashed: executor exited'],
    ];
    for (const [outcome, failure] of cases) expect(judge({ output: { a: 1 } }, { outcome })).toEqual({ passed: false, failures: [failure] });
  });

  it('expect.error: the function must throw a message containing the text, in any case', () => {
    const threw = (message: string): { outcome: RunOutcome } => ({ outcome: { kind: 'threw', message } });
    expect(judge({ error: 'NO LETTERS' }, threw('lastName "李" has no letters or digits')).passed).toBe(true);
    expect(judge({ error: 'no letters' }, threw('quota exceeded')).failures).toEqual([
      'error: expected the function to throw a message containing "no letters", got "quota exceeded"',
    ]);
    expect(judge({ error: 'no letters' }, returned({ username: 'x' })).failures).toEqual([
      'error: expected the function to throw a message containing "no letters", but it returned {"username":"x"}',
    ]);
    expect(judge({ error: 'x' }, { outcome: { kind: 'timed-out', limit: 'cpu', limitMs: 2000 } }).failures).toEqual([
      'error: expected the function to throw a message containing "x", but it timed out: over the cpu-time limit of 2000 ms',
    ]);
  });
});

describe('expect.output', () => {
  it('matches objects as subsets and reports each difference by path', () => {
    expect(judge({ output: { username: 'jsmith2' } }, returned({ username: 'jsmith2', attempts: 3 })).passed).toBe(true);
    expect(judge({ output: { a: { b: 1 } } }, returned({ a: { b: 1, c: 2 }, d: 3 })).passed).toBe(true);
    expect(judge({ output: { username: 'jsmith2', mail: 'j@x' } }, returned({ username: 'jsmith1' })).failures).toEqual([
      'output.username: expected "jsmith2", got "jsmith1"',
      'output.mail: missing (expected "j@x")',
    ]);
    expect(judge({ output: { 'first-name': 'a' } }, returned({ 'first-name': 'b' })).failures).toEqual([
      'output["first-name"]: expected "a", got "b"',
    ]);
  });

  it('requires arrays to be equal: same length, same order, objects inside them exact', () => {
    expect(judge({ output: { groups: ['a', 'b'] } }, returned({ groups: ['a', 'b'] })).passed).toBe(true);
    expect(judge({ output: { groups: ['a', 'b'] } }, returned({ groups: ['a', 'b', 'c'] })).failures).toEqual([
      'output.groups: expected 2 items, got 3: expected ["a","b"], got ["a","b","c"]',
    ]);
    expect(judge({ output: { groups: ['a', 'b'] } }, returned({ groups: ['b', 'a'] })).failures).toEqual([
      'output.groups[0]: expected "a", got "b"',
      'output.groups[1]: expected "b", got "a"',
    ]);
    expect(judge({ output: [{ name: 'vpn' }] }, returned([{ name: 'vpn', id: 1 }])).failures).toEqual([
      'output[0].id: unexpected (got 1)',
    ]);
    expect(judge({ output: [{}] }, returned([{ any: 'thing' }])).passed).toBe(false);
  });

  it('compares primitives and null exactly, and types strictly', () => {
    expect(judge({ output: 5 }, returned(5)).passed).toBe(true);
    expect(judge({ output: null }, returned(null)).passed).toBe(true);
    expect(judge({ output: '5' }, returned(5)).failures).toEqual(['output: expected "5", got 5']);
    expect(judge({ output: { a: 1 } }, returned([1])).failures).toEqual(['output: expected {"a":1}, got [1]']);
    expect(judge({ output: null }, returned(undefined)).failures).toEqual(['output: expected null, got undefined']);
  });
});

describe('expect.calls', () => {
  const url = 'https://graph.microsoft.com/v1.0/users/u1/authentication/temporaryAccessPassMethods';

  it('requires exactly these requests in this order, method in any case and URL exact', () => {
    const calls = [post(url), { method: 'get', url: 'https://a.example/b', headers: {} }];
    expect(judge({ calls: [{ method: 'post', url }, { method: 'GET', url: 'https://a.example/b' }] }, { calls }).passed).toBe(true);
    expect(judge({ calls: [{ method: 'POST', url: 'https://a.example/b/' }] }, { calls: [post('https://a.example/b')] }).failures).toEqual([
      'calls[0]: expected POST https://a.example/b/, got POST https://a.example/b',
    ]);
  });

  it('reports missing and unexpected requests with the counts', () => {
    expect(judge({ calls: [{ method: 'POST', url }, { method: 'POST', url: 'https://a.example/' }] }, { calls: [post(url)] }).failures).toEqual([
      'calls: expected 2, got 1',
      'calls[1]: expected POST https://a.example/, but no request was made',
    ]);
    expect(judge({ calls: [{ method: 'POST', url }] }, { calls: [post(url), post('https://evil.example/x')] }).failures).toEqual([
      'calls: expected 1, got 2',
      'calls[1]: unexpected POST https://evil.example/x',
    ]);
    expect(judge({ calls: [] }, { calls: [post(url)] }).passed).toBe(false);
  });

  it('matches headers as a subset with case-insensitive names and exact values', () => {
    const calls = [post(url, { headers: { Authorization: 'Bearer t', 'X-Extra': '1' } })];
    expect(judge({ calls: [{ method: 'POST', url, headers: { authorization: 'Bearer t' } }] }, { calls }).passed).toBe(true);
    expect(judge({ calls: [{ method: 'POST', url, headers: { AUTHORIZATION: 'bearer t', accept: 'x' } }] }, { calls }).failures).toEqual([
      'calls[0].headers.authorization: expected "bearer t", got "Bearer t"',
      'calls[0].headers.accept: missing (expected "x")',
    ]);
  });

  it('compares a JSON body as JSON (subset, any key order) and other bodies as text', () => {
    const calls = [post(url, { body: '{"lifetimeInMinutes":60,"isUsableOnce":true}' })];
    expect(judge({ calls: [{ method: 'POST', url, body: { isUsableOnce: true } }] }, { calls }).passed).toBe(true);
    expect(judge({ calls: [{ method: 'POST', url, body: '{ "isUsableOnce": true }' }] }, { calls }).passed).toBe(true);
    expect(judge({ calls: [{ method: 'POST', url, body: { isUsableOnce: false } }] }, { calls }).failures).toEqual([
      'calls[0].body.isUsableOnce: expected false, got true',
    ]);
    const form = [post(url, { body: 'grant_type=client_credentials' })];
    expect(judge({ calls: [{ method: 'POST', url, body: 'grant_type=client_credentials' }] }, { calls: form }).passed).toBe(true);
    expect(judge({ calls: [{ method: 'POST', url, body: 'grant_type=password' }] }, { calls: form }).failures).toEqual([
      'calls[0].body: expected "grant_type=password", got "grant_type=client_credentials"',
    ]);
    expect(judge({ calls: [{ method: 'POST', url, body: { a: 1 } }] }, { calls: [post(url)] }).failures).toEqual([
      'calls[0].body: expected {"a":1}, got no body',
    ]);
  });
});

describe('expect.logsExclude and expect.outputExclude', () => {
  const logs = [
    { level: 'info' as const, message: 'created TAP', atMs: 1 },
    { level: 'debug' as const, message: 'response', data: { nested: [{ pass: 'say "hi" +drkzqAD' }] }, atMs: 2 },
  ];

  it('finds excluded text in any log message or its data, quotes included', () => {
    expect(judge({ logsExclude: ['+drkzqAD', 'TAP', 'say "hi"'] }, { logs }).failures).toEqual([
      'logsExclude: "+drkzqAD" appears in logs[1].data.nested[0].pass',
      'logsExclude: "TAP" appears in logs[0].message',
      'logsExclude: "say \\"hi\\"" appears in logs[1].data.nested[0].pass',
    ]);
    expect(judge({ logsExclude: ['secret-value'] }, { logs }).passed).toBe(true);
  });

  it('cannot vouch for log entries the runner dropped', () => {
    expect(judge({ logsExclude: ['x'] }, { logs, logsDropped: 3 }).failures).toEqual([
      'logsExclude: 3 log entries were dropped at the log limit and could not be checked',
    ]);
    expect(judge(undefined, { logs, logsDropped: 3 }).passed).toBe(true);
  });

  it('finds excluded text anywhere in the returned value, keys and numbers included', () => {
    const output = { user: { username: 'jsmith', tap: 'abc123' }, abcKey: 1, code: 4242 };
    expect(judge({ outputExclude: ['abc123', 'abcKey', '4242', 'zzz'] }, returned(output)).failures).toEqual([
      'outputExclude: "abc123" appears in output.user.tap',
      'outputExclude: "abcKey" appears in output.abcKey',
      'outputExclude: "4242" appears in output',
    ]);
  });
});
