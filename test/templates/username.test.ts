// The username template passes its own fixture file, and holds its promises for every naughty name.

import { describe, expect, it } from 'vitest';
import { createTestHost, formatTestReport } from '../../core/fixtures/index.ts';
import { createInProcessRunner } from '../helpers/in-process-context.ts';
import { importedModules, loadTemplate, runTemplateFixtures } from './template-harness.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const naughtyStrings = NAUGHTY_STRINGS;

describe('templates/username', () => {
  it('declares a joiner function with no egress and no secrets, importing only the SDK', async () => {
    const { definition, source } = await loadTemplate('username');
    expect(definition).toMatchObject({ name: 'generate-username', trigger: 'user.joined', egress: [], secrets: [] });
    expect(importedModules(source)).toEqual(['@joinery/sdk']);
  });

  it('passes every test of its fixture file', async () => {
    const template = await loadTemplate('username');
    expect(template.tests.length).toBeGreaterThanOrEqual(12);
    const report = await runTemplateFixtures(template);
    expect(report.failed, formatTestReport(report)).toBe(0);
    expect(report.passed).toBe(template.tests.length);
  });

  it('fails a fixture that expects the wrong name, saying what differs', async () => {
    const template = await loadTemplate('username');
    const wrong = { ...template.tests[0]!, expect: { output: { username: 'jsmith9' } } };
    const report = await runTemplateFixtures(template, [wrong]);
    expect(report.results[0]?.failures).toEqual(['output.username: expected "jsmith9", got "jsmith"']);
  });

  it('returns 1-20 lowercase ASCII letters and digits, or a clear error, for every naughty name', async () => {
    const { definition, tests } = await loadTemplate('username');
    const runner = createInProcessRunner({ definition });
    const outcomes = [];
    for (const name of naughtyStrings) {
      const input = { ...tests[0]!.input, person: { ...tests[0]!.input.person, firstName: name, lastName: `${name}${name}` } };
      const { host } = createTestHost({ name, input, directory: { users: [], retiredUsernames: ['a'] } });
      outcomes.push({ name, outcome: (await runner.run({ bundle: '', event: input }, host)).outcome });
    }
    const broken = outcomes.filter(({ outcome }) =>
      outcome.kind === 'returned'
        ? !/^[a-z0-9]{1,20}$/.test((outcome.value as { username: string }).username)
        : !(outcome.kind === 'threw' && /has no letters or digits after transliteration/.test(outcome.message)),
    );
    expect(broken).toEqual([]);
    expect(outcomes.filter(({ outcome }) => outcome.kind === 'returned').length).toBeGreaterThan(100);
  });
});
