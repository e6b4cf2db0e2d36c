// The mapping kind in mode `diff` (a move): the function generated from the mover-groups reading passes
// its fixtures and the hand-written template's in the real sandbox, and the fixtures catch a function that
// removes a baseline group, treats fields absent from `previous` as empty, ignores an exclusion or re-adds
// groups the move did not change.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { testFunction } from '../../../core/pipeline/index.ts';
import { MOVER_DEFAULTS, MOVER_READING_DEFAULTS, moverGroupsMapping } from '../../../agent/offline/families/mover-groups/mover-groups-mapping.ts';
import { mappingFixtures } from '../../../agent/offline/kinds/mapping/mapping-fixtures.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { mappingSource } from '../../../agent/offline/kinds/mapping/mapping-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Fields = Record<string, unknown>;
type Fixture = { name: string; input: { type: string; person: Fields; previous?: Fields }; expect: { output: Record<string, string[]> } };
const fixturesOf = (rule: MappingRule, literals: Array<{ input: string; output: string }> = []) => mappingFixtures(rule, {}, literals) as unknown as Fixture[];
const named = (fixtures: Fixture[], start: string) => fixtures.filter((fixture) => fixture.name.startsWith(start));
const run = (source: string, rule: MappingRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));
/** Interns never hold MFA-Required, a baseline group: becoming an intern must not remove it. */
const INTERNS_WITHOUT_MFA = moverGroupsMapping({ ...MOVER_READING_DEFAULTS, excludedGroups: { contractor: ['VPN-Users'], intern: ['MFA-Required'] } });

describe('mapping kind, mode diff', () => {
  it('derives a department move, a location move, a move losing an excluded group, a group kept through the move and no previous', () => {
    const fixtures = fixturesOf(MOVER_DEFAULTS);
    expect(fixtures.every((fixture) => fixture.input.type === 'user.moved')).toBe(true);
    const toSales = { add: ['CRM-Users', 'Sales'], remove: ['Engineering', 'GitHub-Users', 'VPN-Users'] };
    expect(named(fixtures, 'Engineering → Sales')[0]?.expect.output).toEqual(toSales);
    expect(named(fixtures, 'London → Berlin')[0]?.expect.output).toEqual({ add: ['Office-Berlin'], remove: ['Office-London'] });
    expect(named(fixtures, 'an employee who becomes a contractor in Engineering')[0]?.expect.output).toEqual({ add: [], remove: ['VPN-Users'] });
    const kept = named(fixtures, 'a group both placements give is kept')[0];
    expect(kept?.input).toMatchObject({ person: { department: 'Sales', location: 'Remote' }, previous: { department: 'Engineering' } });
    expect(kept?.expect.output).toEqual({ add: ['CRM-Users', 'Sales'], remove: ['Engineering', 'GitHub-Users'] });
    const none = named(fixtures, 'user.moved without previous values')[0];
    expect(none?.input.previous).toBeUndefined();
    expect(none?.expect.output).toEqual({ add: [], remove: [] });
    expect(named(fixtures, 'leaving Finance keeps its baseline groups')[0]?.expect.output.remove).not.toContain('MFA-Required');
  });

  it('takes a literal example as written: the person after, what changed under "previous", the groups added', () => {
    const [example] = fixturesOf(MOVER_DEFAULTS, [{ input: '{"department": "Sales", "previous": {"department": "Engineering"}}', output: 'Sales, CRM-Users' }]);
    expect(example?.name).toMatch(/^example 1 from the requirement/);
    expect(example?.input).toMatchObject({ person: { department: 'Sales' }, previous: { department: 'Engineering' } });
    expect(example?.expect.output).toEqual({ add: ['Sales', 'CRM-Users'], remove: ['Engineering', 'GitHub-Users', 'VPN-Users'] });
  });

  it('the generated functions pass every fixture in the real sandbox', async () => {
    for (const rule of [MOVER_DEFAULTS, INTERNS_WITHOUT_MFA]) expect(await run(mappingSource(rule), rule)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('behaves as the hand-written template: the function generated from its defaults passes its fixtures', async () => {
    const fixturesText = readFileSync(new URL('../../../templates/mover-groups/mover-groups.fixtures.json', import.meta.url), 'utf8');
    const result = await testFunction({ source: mappingSource(MOVER_DEFAULTS), fixturesText, toolchain });
    expect(result.report?.results.filter((test) => !test.passed).map((test) => test.name)).toEqual([]);
    expect(result.report?.results.length).toBeGreaterThan(10);
  }, 60_000);

  it('the fixtures catch a removed baseline group, absent fields read as empty, an ignored exclusion and re-added groups', async () => {
    const source = mappingSource(MOVER_DEFAULTS);
    const fixtures = fixturesOf(MOVER_DEFAULTS);
    const baselineRemoved = mappingSource(INTERNS_WITHOUT_MFA).replace(' && !PARAMS.baseline.includes(item)', '');
    const internFixture = named(fixturesOf(INTERNS_WITHOUT_MFA), 'an employee who becomes an intern')[0];
    expect(internFixture?.expect.output.remove).toEqual([]);
    expect((await run(baselineRemoved, INTERNS_WITHOUT_MFA)).failed).toContain(internFixture?.name);
    const absentAsEmpty = source.replace('heldBy({ ...person, ...previous })', "heldBy({ department: '', employmentType: '', ...previous })");
    expect((await run(absentAsEmpty, MOVER_DEFAULTS)).failed).toContain(named(fixtures, 'London → Berlin')[0]?.name);
    const exclusionIgnored = source.replace('return ordered(candidates.filter((item) => !isRemoved(item, person)));', 'return ordered(candidates);');
    const excluded = named(fixtures, 'a contractor moving into Engineering does not get VPN-Users').map((fixture) => fixture.name);
    expect(excluded).toHaveLength(1);
    expect((await run(exclusionIgnored, MOVER_DEFAULTS)).failed).toEqual(expect.arrayContaining(excluded));
    const readded = source.replace('const add = after.filter((item) => !before.includes(item));', 'const add = after;');
    expect((await run(readded, MOVER_DEFAULTS)).failed).toContain(named(fixtures, 'a department that differs only in case')[0]?.name);
    for (const mutant of [absentAsEmpty, exclusionIgnored, readded]) expect(mutant).not.toBe(source);
    expect(baselineRemoved).not.toBe(mappingSource(INTERNS_WITHOUT_MFA));
  }, 120_000);
});
