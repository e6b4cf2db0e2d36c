// Scoring: pure unit tests with made-up judgements, then the runner end to end with a fake author whose
// functions go through the real checker and sandbox against real hidden fixtures.

import { afterAll, describe, expect, it } from 'vitest';
import { ZERO_USAGE } from '../../agent/index.ts';
import type { TestReport } from '../../core/fixtures/index.ts';
import type { CheckResult } from '../../core/pipeline/index.ts';
import { parseCases, runEvals, scoreCase, totalsByFamily, totalsOf, type AuthoredCase, type CaseAuthor, type EvalCase, type EvalProgress } from '../../evals/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';

const person = (firstName: string, lastName: string) => ({ employeeId: 'E1', firstName, lastName, department: 'Sales', employmentType: 'employee', startDate: '2026-12-01' });
const input = (firstName: string, lastName: string) => ({ type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person: person(firstName, lastName) });
const jsmithTaken = { users: [{ id: 'u1', username: 'jsmith', email: 'j@example.com', displayName: 'J', employeeId: 'E9', department: 'Sales', status: 'active', groups: [] }] };
const hiddenTests = [
  { name: 'plain', input: input('John', 'Smith'), expect: { output: { username: 'jsmith' } } },
  { name: 'another name', input: input('Ann', 'Lee'), expect: { output: { username: 'alee' } } },
  { name: 'a clash gets 1', input: input('John', 'Smith'), directory: jsmithTaken, expect: { output: { username: 'jsmith1' } } },
];

function casesOf(ids: Array<[string, string]>): EvalCase[] {
  const parsed = parseCases({ cases: ids.map(([id, family]) => ({ id, family, requirement: `requirement of ${id}`, tests: hiddenTests })) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.cases;
}

const authored = (overrides: Partial<AuthoredCase> = {}): AuthoredCase => ({ ok: true, stop: 'finished', reason: 'done', source: 'source', turns: 3, usage: { inputTokens: 100, outputTokens: 20, cacheReadTokens: 5, cacheWriteTokens: 0 }, costUsd: 0.01, ...overrides });
const check = (ok: boolean): CheckResult => ({ ok, problems: ok ? [] : [{ stage: 'type-check', text: "3:7 Property 'nme' does not exist", line: 3, column: 7 }], durationMs: 1 });
function report(passedNames: string[]): TestReport {
  const results = hiddenTests.map((test) => {
    const passed = passedNames.includes(test.name);
    return { name: test.name, passed, failures: passed ? [] : ['output.username: expected "jsmith1", got "jsmith"'], outcome: { kind: 'returned' as const, value: {} }, logs: [], calls: [], durationMs: 1, warnings: [] };
  });
  return { passed: passedNames.length, failed: results.length - passedNames.length, durationMs: 3, results };
}

describe('scoreCase', () => {
  const [evalCase] = casesOf([['a-case', 'username']]);

  it('solved: the author finished and every hidden fixture passes', () => {
    const score = scoreCase({ evalCase: evalCase!, authored: authored(), judgement: { check: check(true), report: report(['plain', 'another name', 'a clash gets 1']) }, wallMs: 42 });
    expect(score).toMatchObject({ outcome: 'solved', solved: true, hidden: { passed: 3, total: 3, share: 1 }, turns: 3, tokens: 125, costUsd: 0.01, wallMs: 42, failed: [] });
  });

  it('wrong: the author finished but a hidden fixture fails; the failure is named', () => {
    const score = scoreCase({ evalCase: evalCase!, authored: authored(), judgement: { check: check(true), report: report(['plain', 'another name']) }, wallMs: 1 });
    expect(score).toMatchObject({ outcome: 'wrong', solved: false, hidden: { passed: 2, total: 3 } });
    expect(score.hidden.share).toBeCloseTo(2 / 3);
    expect(score.failed).toEqual([{ test: 'a clash gets 1', failures: ['output.username: expected "jsmith1", got "jsmith"'] }]);
  });

  it('unfinished: a draft that passes everything is still not solved when the author did not finish', () => {
    const score = scoreCase({ evalCase: evalCase!, authored: authored({ ok: false, stop: 'turn-limit' }), judgement: { check: check(true), report: report(['plain', 'another name', 'a clash gets 1']) }, wallMs: 1 });
    expect(score).toMatchObject({ outcome: 'unfinished', solved: false, hidden: { share: 1 }, author: { ok: false, stop: 'turn-limit' } });
  });

  it('no-function: nothing written, nothing passed', () => {
    const score = scoreCase({ evalCase: evalCase!, authored: authored({ ok: false, stop: 'gave-up', source: undefined, usage: ZERO_USAGE }), wallMs: 1 });
    expect(score).toMatchObject({ outcome: 'no-function', solved: false, hidden: { passed: 0, total: 3, share: 0 }, tokens: 0 });
  });

  it('a function that fails its check passes no fixture and says why', () => {
    const score = scoreCase({ evalCase: evalCase!, authored: authored(), judgement: { check: check(false) }, wallMs: 1 });
    expect(score).toMatchObject({ outcome: 'wrong', hidden: { passed: 0, share: 0 }, checkProblems: ["type-check: 3:7 Property 'nme' does not exist"] });
  });
});

describe('totals', () => {
  it('adds up the run and each family in the order families first appear', () => {
    const [a, b, c] = casesOf([['a', 'username'], ['b', 'email'], ['c', 'username']]);
    const scores = [
      scoreCase({ evalCase: a!, authored: authored(), judgement: { check: check(true), report: report(['plain', 'another name', 'a clash gets 1']) }, wallMs: 10 }),
      scoreCase({ evalCase: b!, authored: authored(), judgement: { check: check(true), report: report(['plain']) }, wallMs: 20 }),
      scoreCase({ evalCase: c!, authored: authored({ ok: false, source: undefined }), wallMs: 30 }),
    ];
    const totals = totalsOf(scores);
    expect(totals).toMatchObject({ cases: 3, solved: 1, wrong: 1, unfinished: 0, noFunction: 1, turns: 9, tokens: 375, wallMs: 60 });
    expect(totals.solvedShare).toBeCloseTo(1 / 3);
    expect(totals.fixtureShare).toBeCloseTo((1 + 1 / 3 + 0) / 3);
    expect(totals.costUsd).toBeCloseTo(0.03);
    expect(totalsByFamily(scores).map((family) => [family.family, family.cases, family.solved])).toEqual([['username', 2, 1], ['email', 1, 0]]);
    expect(totalsOf([])).toMatchObject({ cases: 0, solvedShare: 0, fixtureShare: 0 });
  });
});

describe('runEvals with the real checker and sandbox', () => {
  const toolchain = createRealToolchain();
  afterAll(() => toolchain.close());

  const fn = (body: string) => `import { defineFunction } from '@joinery/sdk';

export default defineFunction({
  name: 'scored-function',
  description: 'Test function for the eval runner.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
${body}
  },
});
`;
  const SOURCES: Record<string, string | undefined> = {
    correct: fn(`    const base = (event.person.firstName[0] + event.person.lastName).toLowerCase();
    for (let number = 0; ; number += 1) {
      const username = number === 0 ? base : base + number;
      if (!(await ctx.directory.isUsernameTaken(username))) return { username };
    }`),
    'no-clash-handling': fn('    return { username: (event.person.firstName[0] + event.person.lastName).toLowerCase() };'),
    'type-error': fn('    return { username: event.person.nme };'),
    nothing: undefined,
  };
  const author: CaseAuthor = {
    provider: 'fake',
    model: 'fixed-sources',
    async author(evalCase, onProgress) {
      onProgress('writing');
      const source = SOURCES[evalCase.id];
      return { ok: source !== undefined, stop: source === undefined ? 'gave-up' : 'finished', reason: 'fixed', source, turns: 1, usage: ZERO_USAGE, costUsd: 0 };
    },
  };

  it('judges each function with the hidden fixtures only and scores it', async () => {
    const events: EvalProgress[] = [];
    const run = await runEvals({ cases: casesOf(Object.keys(SOURCES).map((id) => [id, 'username'])), author, toolchain, onProgress: (event) => events.push(event), _internal: { now: () => 0 } });
    expect(run.cases.map((score) => [score.id, score.outcome, score.hidden.passed])).toEqual([
      ['correct', 'solved', 3],
      ['no-clash-handling', 'wrong', 2],
      ['type-error', 'wrong', 0],
      ['nothing', 'no-function', 0],
    ]);
    expect(run.cases[1]!.failed.map((failure) => failure.test)).toEqual(['a clash gets 1']);
    expect(run.cases[2]!.checkProblems.join('\n')).toContain("'nme'");
    expect(run).toMatchObject({ provider: 'fake', model: 'fixed-sources', totals: { cases: 4, solved: 1, wrong: 2, noFunction: 1 } });
    expect(events.filter((event) => event.caseId === 'correct').map((event) => event.message)).toEqual(['authoring', 'writing', 'solved']);
    expect(events.filter((event) => event.score !== undefined).map((event) => `${event.index}/${event.total}`)).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });
});
