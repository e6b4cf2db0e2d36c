// Approvals as a mapping rule (select "first", a resolver for "manager"): the generated function passes
// its fixtures and the hand-written template's in the real sandbox, and the fixtures catch a function that
// does not resolve the manager, ignores the missing-manager policy, keeps duplicates or lets an employment
// type's chain add to the department's instead of replacing it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import { APPROVALS_DEFAULTS, APPROVALS_READING_DEFAULTS, approvalsMapping } from '../../../agent/offline/families/approvals/approvals-mapping.ts';
import { mappingFixtures } from '../../../agent/offline/kinds/mapping/mapping-fixtures.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { mappingSource } from '../../../agent/offline/kinds/mapping/mapping-source.ts';
import { testFunction } from '../../../core/pipeline/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

/** Interns follow their own chain; contractors add vendor management after their department's; no manager: skip. */
const TYPED = approvalsMapping({
  ...APPROVALS_READING_DEFAULTS,
  employmentTypeChains: { intern: ['manager', 'early-careers@acme.com'] },
  employmentTypeExtraSteps: { contractor: ['vendors@acme.com'] },
  missingManager: 'skip',
  fallbackApprover: '',
});
const STRICT = approvalsMapping({ ...APPROVALS_READING_DEFAULTS, missingManager: 'error', fallbackApprover: '' });

type Fixture = { name: string; expect: { output?: Record<string, unknown>; error?: string } };
const fixturesOf = (rule: MappingRule) => mappingFixtures(rule) as unknown as Fixture[];
const run = (source: string, rule: MappingRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));
const named = (rule: MappingRule, start: string) => fixturesOf(rule).filter((fixture) => fixture.name.startsWith(start)).map((fixture) => fixture.name);
/** A mutant of the generated function; the test fails if the text to change is gone. */
function mutant(rule: MappingRule, from: string, to: string): string {
  const source = mappingSource(rule);
  expect(source).toContain(from);
  return source.replace(from, to);
}

describe('approvals as a mapping rule', () => {
  it('reads into a mapping rule whose defaults are the hand-written template\'s parameters', () => {
    const template = templates.find((entry) => entry.family === 'approvals');
    expect(readTemplateParams(template?.source ?? '')).toEqual(APPROVALS_READING_DEFAULTS);
    expect(APPROVALS_DEFAULTS).toMatchObject({ select: 'first', resolve: { item: 'manager', field: 'managerEmail', missing: 'fallback' } });
  });

  it('derives fixtures for the manager padded, missing, blank and also named, a chain that replaces, and an addition', () => {
    expect(named(APPROVALS_DEFAULTS, 'no manager: ')).toHaveLength(1);
    expect(named(APPROVALS_DEFAULTS, 'a manager who is also a named approver is asked once')).toHaveLength(1);
    expect(named(TYPED, 'the first rule that holds replaces a later one: intern in Finance')).toHaveLength(1);
    expect(named(TYPED, 'an addition comes after the chosen rule')).toHaveLength(1);
    const missing = fixturesOf(STRICT).find((fixture) => fixture.name.startsWith('no manager'));
    expect(missing?.expect).toEqual({ error: 'managerEmail is missing' });
  });

  it('the generated functions pass their fixtures in the real sandbox', async () => {
    for (const rule of [APPROVALS_DEFAULTS, TYPED, STRICT]) expect(await run(mappingSource(rule), rule)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('behaves as the hand-written template: the function generated from its defaults passes its fixtures', async () => {
    const fixturesText = readFileSync(new URL('../../../templates/approvals/approvals.fixtures.json', import.meta.url), 'utf8');
    const result = await testFunction({ source: mappingSource(APPROVALS_DEFAULTS), fixturesText, toolchain });
    expect(result.report?.results.filter((test) => !test.passed).map((test) => test.name)).toEqual([]);
    expect(result.report?.results.length).toBeGreaterThan(5);
  }, 60_000);

  it('the fixtures catch a manager not resolved, the missing-manager policy ignored, duplicates kept and a type chain not replacing', async () => {
    const unresolved = mutant(APPROVALS_DEFAULTS, 'return [{ item: own, role: resolver.item }];', 'return [{ item: fold(item), role: resolver.item }];');
    expect((await run(unresolved, APPROVALS_DEFAULTS)).failed).toEqual(expect.arrayContaining(named(APPROVALS_DEFAULTS, 'a rule applies')));
    const ignored = "if (resolver.missing === 'skip') return [];";
    for (const rule of [APPROVALS_DEFAULTS, STRICT]) {
      expect((await run(mutant(rule, ignored, "if ((resolver.missing as string) !== '') return [];"), rule)).failed).toContain(named(rule, 'no manager: ')[0]);
    }
    const unique = 'const unique = steps.filter((step, index) => steps.findIndex((other) => other.item === step.item) === index);';
    const duplicates = mutant(APPROVALS_DEFAULTS, unique, 'const unique = [...steps];');
    expect((await run(duplicates, APPROVALS_DEFAULTS)).failed).toContain(named(APPROVALS_DEFAULTS, 'a manager who is also a named approver is asked once')[0]);
    const adding = mutant(TYPED, "const picked = PARAMS.select === 'first' ? holding.slice(0, 1) : holding;", 'const picked = holding;');
    const replaced = named(TYPED, 'the first rule that holds replaces a later one: intern in Finance');
    expect(replaced).toHaveLength(1);
    expect((await run(adding, TYPED)).failed).toEqual(expect.arrayContaining(replaced));
  }, 180_000);
});
