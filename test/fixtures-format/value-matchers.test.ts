// `$contains` / `$regex` in expect.output and expect.calls[].body, expect.outputExact, expect.errorExclude,
// form bodies compared as fields, and fixtures written before matchers keeping their meaning.

import { describe, expect, it } from 'vitest';
import { matchTest, parseFixtures, type FixtureExpectation, type RunObservation } from '../../core/fixtures/index.ts';
import type { OutgoingRequest, RunOutcome } from '../../core/execution/types.ts';
import { fixture, joinerInput } from './fixture-builders.ts';

function judge(expectation: FixtureExpectation, observation: Partial<RunObservation> = {}) {
  return matchTest(fixture({ expect: expectation }), { outcome: { kind: 'returned', value: null }, logs: [], calls: [], ...observation });
}

const returned = (value: unknown): { outcome: RunOutcome } => ({ outcome: { kind: 'returned', value } });
const threw = (message: string, stack?: string): { outcome: RunOutcome } => ({
  outcome: { kind: 'threw', message, ...(stack === undefined ? {} : { stack }) },
});
const URL = 'https://login.example.com/token';
const post = (body: string, headers: Record<string, string> = {}): { calls: OutgoingRequest[] } => ({ calls: [{ method: 'POST', url: URL, headers, body }] });
const FORM = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' };

describe('$contains and $regex in expect.output', () => {
  it.each([
    [{ username: { $contains: 'smith' } }, { username: 'jsmith2' }],
    [{ username: { $regex: '^j[a-z]+\\d?$' } }, { username: 'jsmith2' }],
    [{ groups: { $contains: 'vpn' } }, { groups: ['all-staff', 'vpn'] }],
    [{ message: { $regex: 'Zoë' } }, { message: 'Welcome, Zoë' }],
    [[{ $regex: '^a' }, 'b'], ['abc', 'b']],
  ])('%j matches %j', (output, value) => {
    expect(judge({ output }, returned(value))).toEqual({ passed: true, failures: [] });
  });

  it.each([
    [{ username: { $contains: 'doe' } }, { username: 'jsmith' }, 'output.username: expected a string containing "doe", got "jsmith"'],
    [{ username: { $regex: '^x' } }, { username: 'jsmith' }, 'output.username: expected a string matching /^x/u, got "jsmith"'],
    [{ groups: { $contains: 'vpn' } }, { groups: ['all'] }, 'output.groups: expected an array containing "vpn", got ["all"]'],
    [{ count: { $contains: '1' } }, { count: 1 }, 'output.count: expected a string or an array containing "1", got 1'],
    [{ username: { $regex: 'a' } }, {}, 'output.username: missing (expected {"$regex":"a"})'],
  ])('%j against %j fails with a line that says why', (output, value, failure) => {
    expect(judge({ output }, returned(value)).failures).toEqual([failure]);
  });

  it('treats other objects with $ keys as plain objects, as before', () => {
    expect(judge({ output: { filter: { $contains: 'a', other: 1 } } }, returned({ filter: { $contains: 'a', other: 1 } })).passed).toBe(true);
    expect(judge({ output: { filter: { $regex: 5 } } }, returned({ filter: { $regex: 5 } })).passed).toBe(true);
    expect(judge({ output: { filter: { $equals: 'a' } } }, returned({ filter: 'a' })).passed).toBe(false);
  });

  it('keeps an old fixture passing when its expected value is literally a matcher-shaped object', () => {
    // Written before matchers: the function returns the very object; it still matches, in output and in calls.
    expect(judge({ output: { query: { $contains: 'x' } } }, returned({ query: { $contains: 'x' } })).passed).toBe(true);
    expect(judge({ outputExact: { query: { $regex: '(' } } }, returned({ query: { $regex: '(' } })).passed).toBe(true);
    const jsonBody = post(JSON.stringify({ $contains: 'x' }), { 'content-type': 'application/json' });
    expect(judge({ calls: [{ method: 'POST', url: URL, body: { $contains: 'x' } }] }, jsonBody).passed).toBe(true);
  });
});

describe('expect.outputExact', () => {
  it('holds objects to exactly their keys, at every depth, and still allows matchers', () => {
    expect(judge({ outputExact: { username: 'jsmith', meta: { n: 1 } } }, returned({ username: 'jsmith', meta: { n: 1 } })).passed).toBe(true);
    expect(judge({ outputExact: { username: 'jsmith' } }, returned({ username: 'jsmith', debug: true })).failures).toEqual([
      'output.debug: unexpected (got true)',
    ]);
    expect(judge({ outputExact: { meta: { n: 1 } } }, returned({ meta: { n: 1, extra: 2 } })).failures).toEqual(['output.meta.extra: unexpected (got 2)']);
    expect(judge({ outputExact: { username: { $regex: '^j' } } }, returned({ username: 'jo' })).passed).toBe(true);
    expect(judge({ outputExact: 'x' }, returned('x')).passed).toBe(true);
  });
});

describe('expect.errorExclude', () => {
  it('fails when a listed string is in the thrown message or stack, and checks nothing when the function returned', () => {
    expect(judge({ error: 'refused', errorExclude: ['+drkzqAD'] }, threw('Graph refused the pass')).passed).toBe(true);
    expect(judge({ error: 'refused', errorExclude: ['+drkzqAD'] }, threw('Graph refused the pass +drkzqAD')).failures).toEqual([
      'errorExclude: "+drkzqAD" appears in the error message',
    ]);
    expect(judge({ errorExclude: ['abc'] }, threw('boom', 'Error: boom\n    at abc (fn.ts:3:5)')).failures).toEqual([
      'threw "boom"',
      'errorExclude: "abc" appears in the error\'s stack',
    ]);
    expect(judge({ errorExclude: ['abc'] }, returned({ pass: 'abc' })).passed).toBe(true);
  });
});

describe('request bodies', () => {
  it('applies a matcher given as the whole body to the body text as sent', () => {
    const expected = { method: 'POST', url: URL, body: { $contains: 'grant_type=client_credentials' } };
    expect(judge({ calls: [expected] }, post('grant_type=client_credentials&client_id=app', FORM)).passed).toBe(true);
    expect(judge({ calls: [expected] }, post('grant_type=password', FORM)).failures).toEqual([
      'calls[0].body: expected a string containing "grant_type=client_credentials", got "grant_type=password"',
    ]);
  });

  it('applies matchers inside a JSON body', () => {
    const expected = { method: 'POST', url: URL, body: { text: { $regex: 'Pass: \\S+' } } };
    expect(judge({ calls: [expected] }, post(JSON.stringify({ text: 'Pass: abc', channel: 'x' }))).passed).toBe(true);
  });

  it('compares an object against a form-encoded body as its fields (a subset), repeated names as lists', () => {
    const expected = { method: 'POST', url: URL, body: { grant_type: 'client_credentials', scope: ['a', 'b'], client_id: { $regex: '^app' } } };
    expect(judge({ calls: [expected] }, post('grant_type=client_credentials&scope=a&scope=b&client_id=app-1&client_secret=s', FORM)).passed).toBe(true);
    expect(judge({ calls: [expected] }, post('grant_type=password&scope=a&scope=b&client_id=app', FORM)).failures).toEqual([
      'calls[0].body.grant_type: expected "client_credentials", got "password"',
    ]);
    // Without a form content type, the text is compared as before.
    expect(judge({ calls: [{ method: 'POST', url: URL, body: { a: '1' } }] }, post('a=1')).passed).toBe(false);
    expect(judge({ calls: [{ method: 'POST', url: URL, body: 'a=1&b=2' }] }, post('a=1&b=2', FORM)).passed).toBe(true);
  });
});

describe('reading matchers and the new fields from a file', () => {
  const withExpect = (expectation: unknown) => parseFixtures([{ name: 't', input: joinerInput(), expect: expectation }]);

  it('reads a $regex that cannot run, and fails its fixture with a line naming the pattern', () => {
    expect(withExpect({ output: { username: { $regex: '(' } } }).ok).toBe(true);
    expect(judge({ output: { username: { $regex: '[z-a]' } } }, returned({ username: 'x' })).failures).toEqual([
      expect.stringMatching(/^output\.username: \$regex "\[z-a\]": not a valid pattern \(.*Range out of order/),
    ]);
    expect(judge({ output: { $regex: 'x'.repeat(501) } }, returned('x')).failures).toEqual([expect.stringContaining('longer than 500 characters')]);
  });

  it('fails a fixture whose pattern backtracks for too long, instead of hanging the host', () => {
    const result = judge({ output: { $regex: '^(a+)+$' } }, returned(`${'a'.repeat(40)}!`));
    expect(result.failures).toEqual([expect.stringMatching(/^output: \$regex "\^\(a\+\)\+\$" took over 100 ms on "a+!": simplify the pattern$/)]);
  });

  it('accepts outputExact and errorExclude, and refuses outputExact with output or error', () => {
    expect(withExpect({ outputExact: { a: 1 } }).ok).toBe(true);
    expect(withExpect({ error: 'x', errorExclude: ['secret'] }).ok).toBe(true);
    const both = { path: '$[0].expect', message: 'set either "output" or "outputExact", not both' };
    expect(withExpect({ output: {}, outputExact: {} })).toMatchObject({ ok: false, errors: [both] });
    const returnsOrThrows = { message: expect.stringContaining('"outputExact" or "error"') };
    expect(withExpect({ outputExact: {}, error: 'x' })).toMatchObject({ ok: false, errors: [returnsOrThrows] });
    expect(withExpect({ errorExclude: [''] })).toMatchObject({ ok: false, errors: [{ path: '$[0].expect.errorExclude[0]' }] });
  });
});
