import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isJoineryError } from '../../core/errors.ts';
import { loadCases, parseCases, parseCasesText } from '../../evals/index.ts';

const fixture = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  input: {
    type: 'user.joined',
    id: 'evt-1',
    occurredAt: '2026-11-20T09:00:00Z',
    person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Sales', employmentType: 'employee', startDate: '2026-12-01' },
  },
  expect: { output: { username: 'jsmith' } },
  ...extra,
});
const evalCase = (id: string, extra: Record<string, unknown> = {}) => ({ id, family: 'username', requirement: 'Usernames are first initial + last name', tests: [fixture('plain')], ...extra });

function problemsOf(value: unknown): Array<{ path: string; message: string }> {
  const parsed = parseCases(value);
  if (parsed.ok) throw new Error('expected problems');
  return parsed.problems;
}

function loadError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isJoineryError(error) && error.code === 'INVALID_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected INVALID_INPUT');
}

describe('the cases file format', () => {
  it('parses a valid file; offline defaults to true and the hidden tests are validated fixtures', () => {
    const parsed = parseCases({ cases: [evalCase('a-case'), evalCase('b-case', { offline: false, notes: 'mixed', reference: { template: 'username', params: { maxLength: 15 } } })] });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.cases.map((entry) => [entry.id, entry.offline])).toEqual([['a-case', true], ['b-case', false]]);
    expect(parsed.cases[0]!.tests[0]!.expect).toEqual({ output: { username: 'jsmith' } });
    expect(parsed.cases[1]!.reference).toEqual({ template: 'username', params: { maxLength: 15 } });
  });

  it('names unknown fields with their JSON path and the allowed names', () => {
    expect(problemsOf({ cases: [evalCase('a-case', { offlne: false })] })).toEqual([
      { path: '$.cases[0]', message: 'unknown field "offlne"; allowed here: id, family, requirement, tests, offline, notes, reference' },
    ]);
    expect(problemsOf({ cases: [], extra: 1 }).map((problem) => problem.path).sort()).toEqual(['$', '$.cases']);
  });

  it('reports problems inside the hidden fixtures at their path from the file root', () => {
    const broken = fixture('bad', { expect: { output: {}, expcet: 1 } });
    (broken.input.person as Record<string, unknown>).employmentType = 'freelancer';
    const problems = problemsOf({ cases: [evalCase('ok-case'), evalCase('bad-case', { tests: [fixture('fine'), broken] })] });
    expect(problems.map((problem) => problem.path)).toEqual(expect.arrayContaining(['$.cases[1].tests[1].input.person.employmentType', '$.cases[1].tests[1].expect.expcet']));
    expect(problems.find((problem) => problem.path.endsWith('employmentType'))!.message).toContain('"contractor"');
  });

  it('requires ids in kebab-case, a non-blank requirement and at least one test', () => {
    const problems = problemsOf({ cases: [{ id: 'Bad_Id', family: 'username', requirement: '  ', tests: [] }] });
    expect(problems.map((problem) => problem.path).sort()).toEqual(['$.cases[0].id', '$.cases[0].requirement', '$.cases[0].tests']);
    expect(problemsOf({ cases: [{ family: 'username', requirement: 'x', tests: [fixture('t')] }] })).toEqual([
      { path: '$.cases[0].id', message: 'required field is missing (expected string)' },
    ]);
  });

  it('rejects duplicate ids and a reference that is both a template and a source', () => {
    expect(problemsOf({ cases: [evalCase('same'), evalCase('same')] })).toEqual([{ path: '$.cases[1].id', message: 'duplicate case id "same": $.cases[0] has it too' }]);
    expect(problemsOf({ cases: [evalCase('a-case', { reference: { template: 'username', source: 'x.ts' } })] })[0]!.path).toBe('$.cases[0].reference');
  });

  it('reports invalid JSON', () => {
    const parsed = parseCasesText('{ "cases": [ }');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/^invalid JSON/);
  });
});

describe('loading cases from files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-cases-'));

  it('reads every .json file of a folder, sorted, and resolves reference sources next to the file', () => {
    const dir = join(folder, 'good');
    mkdirSync(join(dir, 'references'), { recursive: true });
    writeFileSync(join(dir, 'references', 'b.ts'), '// reference\n');
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ cases: [evalCase('b-case', { reference: { source: 'references/b.ts' } })] }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ cases: [evalCase('a-case')] }));
    writeFileSync(join(dir, 'notes.md'), 'not a cases file');
    const loaded = loadCases({ path: dir, cwd: folder });
    expect(loaded.files).toEqual([join('good', 'a.json'), join('good', 'b.json')]);
    expect(loaded.cases.map((entry) => entry.id)).toEqual(['a-case', 'b-case']);
    expect(loaded.cases[1]!.reference).toEqual({ source: join(dir, 'references', 'b.ts') });
  });

  it('lists every problem of every file with the file and the JSON path', () => {
    const dir = join(folder, 'bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.json'), JSON.stringify({ cases: [evalCase('dup'), evalCase('missing-ref', { reference: { source: 'nowhere.ts' } })] }));
    writeFileSync(join(dir, 'two.json'), JSON.stringify({ cases: [evalCase('dup')] }));
    writeFileSync(join(dir, 'three.json'), JSON.stringify({ cases: [evalCase('x', { family: 'Username' })] }));
    const message = loadError(() => loadCases({ path: dir, cwd: folder }));
    expect(message).toContain('3 problems');
    expect(message).toContain(`${join('bad', 'one.json')}: $.cases[1].reference.source: "nowhere.ts" does not exist`);
    expect(message).toContain(`${join('bad', 'two.json')}: $.cases[0].id: duplicate case id "dup": ${join('bad', 'one.json')} has it too`);
    expect(message).toContain(`${join('bad', 'three.json')}: $.cases[0].family: must be a kebab-case family name`);
  });

  it('refuses a missing path and an empty folder', () => {
    expect(loadError(() => loadCases({ path: 'nope', cwd: folder }))).toContain('"nope" does not exist');
    mkdirSync(join(folder, 'empty'), { recursive: true });
    expect(loadError(() => loadCases({ path: 'empty', cwd: folder }))).toContain('holds no .json cases files');
  });
});
