// The fixture format of contract.md: every documented field is accepted, malformed files are refused with
// the JSON path of each problem, and naughty strings are just data.

import { describe, expect, it } from 'vitest';
import { parseFixtureFile, parseFixtures, type FixtureProblem } from '../../core/fixtures/index.ts';
import { directoryUser, fixture, joinerInput } from './fixture-builders.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const naughtyStrings = NAUGHTY_STRINGS;

/** The example of contract.md's "A fixture file", minus `error`: a test either returns or throws. */
const contractExample = {
  name: 'taken base gets a number',
  input: {
    type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z',
    person: { employeeId: 'E1001', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
  },
  directory: {
    users: [{ id: 'u1', username: 'jsmith', email: 'jsmith@example.com', displayName: 'J Smith', employeeId: 'E9', department: 'Sales', status: 'active', groups: [] }],
    retiredUsernames: ['jsmith1'],
  },
  secrets: { GRAPH_TOKEN: 'test-token' },
  http: [
    {
      request: { method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/u1/authentication/temporaryAccessPassMethods' },
      response: { status: 201, body: { temporaryAccessPass: 'abc' }, headers: {} },
    },
  ],
  expect: {
    output: { username: 'jsmith2' },
    calls: [{ method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/u1', body: { isUsableOnce: true }, headers: { authorization: 'Bearer test-token' } }],
    logsExclude: ['abc'],
    outputExclude: ['abc'],
  },
};

function problems(value: unknown): FixtureProblem[] {
  const result = typeof value === 'string' ? parseFixtureFile(value) : parseFixtures(value);
  if (result.ok) throw new Error('expected the fixtures to be refused');
  return result.errors;
}

describe('accepted fixtures', () => {
  it('accepts the contract example with every documented field, as an array and as { tests }', () => {
    const asArray = parseFixtureFile(JSON.stringify([contractExample]));
    const asObject = parseFixtureFile(JSON.stringify({ tests: [contractExample] }));
    expect(asArray).toEqual({ ok: true, tests: [contractExample] });
    expect(asObject).toEqual(asArray);
  });

  it('accepts expect.error, the optional event fields and extra input fields', () => {
    const input = {
      ...joinerInput({ middleName: null, preferredName: 'Jo', personalEmail: null, title: 'Eng', location: null, costCenter: 'CC1', managerEmail: 'm@example.com', endDate: null, pronouns: 'they' }),
      account: { username: 'jsmith', email: 'j@example.com', userPrincipalName: 'j@example.com' },
      previous: { department: 'Sales' },
      lastDay: '2026-12-31',
      requestedUsername: 'johnny',
    };
    const result = parseFixtures([{ name: 'throws', input, expect: { error: 'no letters' } }]);
    expect(result.ok && result.tests[0]?.input).toEqual(input);
  });

  it('accepts a response body that is text, and output values of any JSON type', () => {
    const tests = [null, 0, 'x', [1, 2], { a: [{}] }, false].map((output, index) =>
      fixture({ name: `output ${index}`, expect: { output }, http: [{ request: { method: 'get', url: 'http://example.com/a' }, response: { status: 200, body: 'plain' } }] }),
    );
    expect(parseFixtures(tests)).toEqual({ ok: true, tests });
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(parseFixtureFile(`\uFEFF${JSON.stringify([fixture()])}`).ok).toBe(true);
  });

  it('accepts every naughty string as names, usernames, retired names, secrets and test names', () => {
    const names = [...new Set(naughtyStrings.filter((text) => text.trim() !== ''))];
    const tests = naughtyStrings.map((text, index) =>
      fixture({
        name: names[index % names.length] === undefined ? `t${index}` : `${names[index % names.length]} #${index}`,
        input: joinerInput({ firstName: text, lastName: text, preferredName: text }),
        directory: { users: [directoryUser(text)], retiredUsernames: [text] },
        secrets: { [`S${index}`]: text },
        expect: { output: { username: text }, logsExclude: text === '' ? undefined : [text] },
      }),
    );
    const result = parseFixtureFile(JSON.stringify(tests));
    expect(result.ok).toBe(true);
    expect(result.ok && result.tests.map((test) => test.input.person.firstName)).toEqual(naughtyStrings);
    expect(result.ok && result.tests.map((test) => test.directory?.users?.[0]?.username)).toEqual(naughtyStrings);
  });
});

describe('refused fixtures name the JSON path', () => {
  it('reports a JSON syntax error with its line and column', () => {
    expect(problems('[\n  {\n    "name": "a",\n  }\n]')).toEqual([
      { path: '$', message: expect.stringMatching(/^invalid JSON at line 4, column 3: /) },
    ]);
    expect(problems('[\n  {"name": "ä" "input": {}}]')[0]?.message).toMatch(/^invalid JSON at line 2, column 16: /);
    expect(problems('[{"name": "a"')[0]?.message).toMatch(/^invalid JSON at line 1, column 14: /);
  });

  it('refuses an empty file, an empty list and a root that is not a list', () => {
    expect(problems('  \n')).toEqual([{ path: '$', message: 'the fixture file is empty' }]);
    expect(problems('[]')).toEqual([{ path: '$', message: 'must hold at least one test' }]);
    expect(problems('{"tests": []}')).toEqual([{ path: '$.tests', message: 'must hold at least one test' }]);
    expect(problems('"tests"')[0]?.path).toBe('$');
    expect(problems('{"test": []}')).toContainEqual({
      path: '$.test',
      message: 'unknown field "test" (did you mean "tests"?); allowed here: tests',
    });
  });

  it('refuses unknown fields with the likely intended one, so a typo never passes silently', () => {
    const { expect: expectation, ...rest } = contractExample;
    expect(problems([{ ...rest, expcet: expectation }])).toEqual([
      { path: '$[0].expcet', message: expect.stringMatching(/^unknown field "expcet" \(did you mean "expect"\?\); allowed here: name, input, /) },
    ]);
    const typoInCall = { ...contractExample, expect: { calls: [{ metod: 'GET', method: 'GET', url: 'https://a.example' }] } };
    expect(problems([typoInCall])[0]).toMatchObject({ path: '$[0].expect.calls[0].metod', message: expect.stringContaining('did you mean "method"?') });
    expect(problems([{ ...fixture(), directory: { users: [{ ...directoryUser('x'), Status: 'active' }] } }])[0]?.path).toBe('$[0].directory.users[0].Status');
  });

  it('names wrong types, missing fields and bad values by path', () => {
    const tests = [
      fixture({ name: 'one' }),
      fixture({ name: 'two' }),
      { ...fixture({ name: 'three' }), expect: { calls: [{ method: 5, url: 'https://a.example' }] } },
    ];
    expect(problems(tests)).toEqual([{ path: '$[2].expect.calls[0].method', message: 'expected string, got number 5' }]);

    const { person: _person, ...withoutPerson } = joinerInput();
    expect(problems({ tests: [fixture(), fixture({ name: 'b' }), { name: 'c', input: withoutPerson }] })).toEqual([
      { path: '$.tests[2].input.person', message: 'required field is missing (expected object)' },
    ]);

    const bad = {
      ...fixture(),
      input: joinerInput({ employmentType: 'freelancer' }),
      http: [{ request: { method: 'GET', url: '/relative' }, response: { status: 99.5 } }],
      secrets: { 'GRAPH-TOKEN': 1 },
      expect: { logsExclude: [''] },
    };
    expect(problems([bad])).toEqual([
      { path: '$[0].input.person.employmentType', message: 'expected one of "employee", "contractor", "intern", got string "freelancer"' },
      { path: '$[0].secrets["GRAPH-TOKEN"]', message: 'expected string, got number 1' },
      { path: '$[0].http[0].request.url', message: 'must be an absolute http(s) URL' },
      { path: '$[0].http[0].response.status', message: 'expected an integer, got number 99.5' },
      { path: '$[0].expect.logsExclude[0]', message: 'must not be empty (it would match every log line)' },
    ]);
  });

  it('refuses a blank name, duplicate names, and output together with error', () => {
    expect(problems([fixture({ name: '  ' })])).toEqual([{ path: '$[0].name', message: 'must not be blank' }]);
    expect(problems([fixture(), fixture({ name: 'b' }), fixture()])).toEqual([
      { path: '$[2].name', message: 'duplicate test name "a test": $[0] has it too' },
    ]);
    expect(problems([fixture({ expect: { output: 1, error: 'x' } })])).toEqual([
      { path: '$[0].expect', message: 'set either "output" or "error", not both: a function either returns or throws' },
    ]);
  });

  it('refuses values that are not JSON when given already parsed data', () => {
    expect(problems([fixture({ expect: { output: { at: Number.NaN } } })])).toEqual([
      { path: '$[0].expect.output', message: 'must be a JSON value (string, number, boolean, null, array or object)' },
    ]);
  });

  it('caps the number of problems it lists', () => {
    const errors = problems(Array.from({ length: 300 }, () => ({ name: 5 })));
    expect(errors).toHaveLength(101);
    expect(errors.at(-1)?.message).toMatch(/more problems not shown$/);
  });
});
