// The mapping kind: one generated function, one reference and one fixture builder for every
// condition → items rule (groups, apps). The generated function passes the fixtures in the real sandbox,
// and the fixtures catch a function that ignores an exception, matches case-sensitively or keeps duplicates.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testFunction } from '../../../core/pipeline/index.ts';
import { APPS_DEFAULTS } from '../../../agent/offline/families/apps/apps-mapping.ts';
import { GROUPS_DEFAULTS } from '../../../agent/offline/families/groups/groups-mapping.ts';
import { mappingFixtures } from '../../../agent/offline/kinds/mapping/mapping-fixtures.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { mappingSource } from '../../../agent/offline/kinds/mapping/mapping-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Fixture = { name: string; input: { person: Record<string, unknown> }; expect: { output: Record<string, string[]> } };
const fixturesOf = (rule: MappingRule, literals: Array<{ input: string; output: string }> = []) => mappingFixtures(rule, {}, literals) as unknown as Fixture[];
const run = (source: string, rule: MappingRule, literals: Array<{ input: string; output: string }> = []) =>
  runAgainstFixtures(toolchain, source, fixturesOf(rule, literals));
const named = (fixtures: Fixture[], start: string) => fixtures.filter((fixture) => fixture.name.startsWith(start));

/** Approvers in the order the rules list them: the kind is not tied to groups or apps. */
const APPROVERS: MappingRule = {
  functionName: 'joiner-approvers',
  item: 'approver',
  baseline: ['it-security@example.com'],
  grants: [
    { when: { department: ['Finance', 'Legal'] }, items: ['cfo@example.com', 'it-security@example.com'] },
    { when: { location: 'New York', costCenter: 'CC-100' }, items: ['us-office@example.com'] },
    { when: { titlePattern: '\\bdirector\\b' }, items: ['ceo@example.com', 'cfo@example.com'] },
  ],
  exceptions: [{ when: { employmentType: 'intern' }, items: ['CEO@example.com'] }, { when: { unless: { location: 'New York' } }, items: [], pattern: '^us-' }],
  output: { field: 'approvers', removedField: 'notAsked' },
  order: 'as-listed',
};

describe('mapping kind', () => {
  it('derives a fixture per rule and exception, the baseline alone, case and spacing, and a duplicate listed once in order', () => {
    const fixtures = fixturesOf(APPROVERS);
    expect(named(fixtures, 'a rule applies: ').length + named(fixtures, 'several rules').length).toBe(3);
    expect(named(fixtures, 'an exception')).toHaveLength(2);
    expect(named(fixtures, 'nobody matched')[0]?.expect.output).toEqual({ approvers: ['it-security@example.com'], notAsked: [] });
    expect(named(fixtures, 'names compare case-insensitively')[0]?.input.person.department).toBe('  FINANCE ');
    expect(named(fixtures, 'a cost centre compares after trimming')[0]?.input.person.costCenter).toBe(' cc-100 ');
    const twice = named(fixtures, 'several rules give the same item')[0];
    expect(twice?.expect.output.approvers).toEqual(['it-security@example.com', 'cfo@example.com']);
    expect(named(fixtures, 'an exception beats the rule')[0]?.expect.output).toMatchObject({ notAsked: ['ceo@example.com'] });
  });

  it('takes the text\'s examples as written', () => {
    const [example] = fixturesOf(GROUPS_DEFAULTS, [{ input: '{"department": "Sales", "location": "Berlin"}', output: 'Sales, All-Staff' }]);
    expect(example?.name).toMatch(/^example 1 from the requirement/);
    expect(example?.input.person).toMatchObject({ department: 'Sales', location: 'Berlin' });
    expect(example?.expect.output).toEqual({ groups: ['Sales', 'All-Staff'], excluded: [] });
  });

  it('the generated functions pass every fixture in the real sandbox', async () => {
    for (const rule of [GROUPS_DEFAULTS, APPS_DEFAULTS, APPROVERS]) expect(await run(mappingSource(rule), rule)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('behaves as the hand-written templates: the functions generated from their defaults pass their fixtures', async () => {
    const templates = [
      [new URL('../../../templates/groups/groups.fixtures.json', import.meta.url), GROUPS_DEFAULTS],
      [new URL('../../../templates/apps/apps.fixtures.json', import.meta.url), APPS_DEFAULTS],
    ] as const;
    for (const [fixtures, rule] of templates) {
      const fixturesText = readFileSync(fixtures, 'utf8');
      const result = await testFunction({ source: mappingSource(rule), fixturesText, toolchain });
      expect(result.report?.results.filter((test) => !test.passed).map((test) => test.name)).toEqual([]);
      expect(result.report?.results.length).toBeGreaterThan(5);
    }
  }, 60_000);

  it('the fixtures catch a function that ignores an exception, matches case-sensitively or keeps duplicates', async () => {
    const source = mappingSource(GROUPS_DEFAULTS);
    const fixtures = fixturesOf(GROUPS_DEFAULTS);
    const ignoring = source.replace('return PARAMS.exceptions.some(', 'return PARAMS.exceptions.slice(0, 0).some(');
    const beaten = named(fixtures, 'an exception beats the rule').map((fixture) => fixture.name);
    expect((await run(ignoring, GROUPS_DEFAULTS)).failed).toEqual(expect.arrayContaining(beaten));
    const caseSensitive = source.replace(".replace(/\\s+/g, ' ').toLowerCase()", '');
    expect((await run(caseSensitive, GROUPS_DEFAULTS)).failed).toContain(named(fixtures, 'names compare case-insensitively')[0]?.name);
    const duplicates = source.replace('const unique = [...new Set(items)];', 'const unique = [...items];');
    expect((await run(duplicates, GROUPS_DEFAULTS)).failed).toContain(named(fixtures, 'several rules give the same item')[0]?.name);
    const listed = mappingSource(APPROVERS).replace('const unique = [...new Set(items)];', 'const unique = [...items];');
    expect((await run(listed, APPROVERS)).failed).toContain(named(fixturesOf(APPROVERS), 'several rules give the same item')[0]?.name);
    for (const mutant of [ignoring, caseSensitive, duplicates]) expect(mutant).not.toBe(source);
    expect(listed).not.toBe(mappingSource(APPROVERS));
  }, 120_000);
});
