// Fixtures for a mapping rule: one person per exception (meeting a rule that grants what it takes away)
// and per rule, several rules at once (each item once, in order), the baseline alone, condition values in
// other case and spacing, a near-miss title, and the requirement's own examples. Expected outputs come from
// the reference (expected-mapping.ts); the text's literal examples are taken as written.

import type { FixtureTest } from '../../../../core/fixtures/index.ts';
import { joinedEvent } from '../../fixture-builders.ts';
import type { Recognition } from '../../recognizer.ts';
import { expectedOutcome } from './expected-selection.ts';
import { literalExample } from './mapping-literals.ts';
import { mappingMoveFixtures } from './mapping-move-fixtures.ts';
import { describe, merge, neutralDepartment, personFor, type Who } from './mapping-people.ts';
import type { MappingHints, MappingRule } from './mapping-rule.ts';
import { selectionScenarios, withOwnFields } from './selection-fixtures.ts';

const MIN_FIXTURES = 8;
const MAX_FIXTURES = 16;
/** Joiners of every kind, for rules too short to suggest enough of their own. */
const VARIED: Who[] = [
  { department: 'Engineering', employmentType: 'employee', location: 'London', title: 'Software Engineer' },
  { department: 'Sales', employmentType: 'contractor', location: 'Berlin', title: 'Account Executive' },
  { department: 'Finance', employmentType: 'intern', location: 'Remote', title: 'Finance Intern' },
  { department: 'HR', employmentType: 'employee', title: 'Head of People' },
  { department: 'Marketing', employmentType: 'employee', location: 'New York', title: 'Marketing Manager' },
];
type Scenario = { name: string; who: Who; expect?: Record<string, unknown> };

function scenarios(rule: MappingRule, hints: MappingHints): Scenario[] {
  const list: Scenario[] = [];
  const push = (name: string, who: Who | undefined) => { if (who) list.push({ name: `${name}: ${describe(who)}`, who }); };
  const person = (condition: Parameters<typeof personFor>[0]) => personFor(condition, rule, hints);
  const { grants, exceptions } = rule;
  for (const exception of exceptions) {
    const named = (item: string) => exception.items.some((other) => other.toLowerCase() === item.toLowerCase());
    const takes = (items: string[]) => items.some((item) => named(item) || (exception.pattern !== undefined && new RegExp(exception.pattern, 'i').test(item)));
    const granting = [...grants, { when: {}, items: rule.baseline }]
      .filter((grant) => takes(grant.items))
      .map((grant) => merge(grant.when, exception.when))
      .map((both) => both && person(both))
      .find(Boolean);
    if (granting) push('an exception beats the rule that grants it', granting);
    else push('an exception with nothing to take away', person(exception.when));
  }
  // Two rules (or the baseline and a rule) giving the same item: it comes out once, in its place.
  const pairs = grants.flatMap((left, index) => [{ when: {}, items: rule.baseline }, ...grants.slice(0, index)].map((right) => ({ left, right })));
  const shared = pairs
    .map(({ left, right }) => (left.items.some((item) => right.items.includes(item)) ? merge(left.when, right.when) : undefined))
    .map((both) => both && person(both))
    .find(Boolean);
  push('several rules give the same item: it is listed once, in order', shared);
  for (const grant of grants) push('a rule applies', person(grant.when));
  push('nobody matched: only what everyone gets', { department: neutralDepartment(rule), employmentType: 'employee', title: 'Associate' });
  const byPlace = grants.find((grant) => grant.when.department || grant.when.location);
  const placed = byPlace && person(byPlace.when);
  if (placed) {
    push('names compare case-insensitively after trimming', { ...placed, ...(placed.department ? { department: `  ${placed.department.toUpperCase()} ` } : {}), ...(byPlace.when.location && placed.location ? { location: placed.location.toLowerCase().replace(/ /g, '  ') } : {}) });
  }
  const costed = grants.find((grant) => grant.when.costCenter);
  const withCost = costed && person(costed.when);
  if (withCost?.costCenter) push('a cost centre compares after trimming', { ...withCost, costCenter: ` ${withCost.costCenter.toLowerCase()} ` });
  const listed = grants.find((grant) => Array.isArray(grant.when.department) || Array.isArray(grant.when.location));
  if (listed) {
    const last = (value: string | string[] | undefined) => (Array.isArray(value) ? value.at(-1) : value);
    push('a rule that lists several values matches any of them', person({ ...listed.when, department: last(listed.when.department), location: last(listed.when.location) }));
  }
  const titled = grants.find((grant) => grant.when.titlePattern);
  const nearMiss = titled?.when.titlePattern && hints.titles?.get(titled.when.titlePattern)?.nearMiss;
  if (titled && nearMiss) push('a title that only looks like it', { ...person(titled.when), title: nearMiss });
  const [left, right] = [grants.find((grant) => grant.when.department), grants.find((grant) => grant.when.location || grant.when.titlePattern)];
  const both = left && right && merge(left.when, right.when);
  if (both) push('two rules at once', person(both));
  for (const type of ['intern', 'contractor'] as const) push(`${type === 'intern' ? 'an' : 'a'} ${type} with no rule of their own`, { department: neutralDepartment(rule), employmentType: type });
  // Enough joiners to pin the behaviour even for a short rule: other employment types under each rule,
  // and fields set to values no rule names.
  for (const grant of grants.filter((candidate) => candidate.when.employmentType === undefined)) {
    for (const type of ['contractor', 'intern'] as const) push(`a rule applies to ${type}s too`, person({ ...grant.when, employmentType: type }));
  }
  push('a location, title and cost centre no rule names', { department: neutralDepartment(rule), employmentType: 'employee', location: 'Reykjavik', title: 'Office Coordinator', costCenter: '9999' });
  for (const who of VARIED) if (list.length < MIN_FIXTURES) push('another joiner', who);
  return list;
}

/** The fixtures of a rule; `literals` are the text's examples taken as written (`input → output`). */
export function mappingFixtures(rule: MappingRule, hints: MappingHints = {}, literals: Recognition['examples'] = []): FixtureTest[] {
  if (rule.mode === 'diff') return mappingMoveFixtures(rule, hints, literals);
  const asWritten = literals.map((literal) => literalExample(rule, literal));
  const described = (hints.examples ?? []).flatMap((condition) => {
    const who = personFor(condition, rule, hints);
    return who ? [{ name: describe(who), who }] : [];
  });
  const numbered = (scenario: Scenario, index: number) => ({ ...scenario, name: `example ${index + 1} from the requirement: ${scenario.name}` });
  const fromExamples = [...asWritten, ...described].map(numbered);
  const all: Scenario[] = [...fromExamples, ...selectionScenarios(rule, hints), ...scenarios(rule, hints)];
  const firstOf = (scenario: Scenario) => all.findIndex((other) => JSON.stringify(other.who) === JSON.stringify(scenario.who));
  const unique = all.filter((scenario, index) => scenario.expect !== undefined || firstOf(scenario) === index).slice(0, MAX_FIXTURES);
  return unique.map((scenario, index) => {
    const event = { ...joinedEvent(withOwnFields(rule, scenario.who), {}, `evt-${index + 1}`), type: rule.trigger ?? 'user.joined' };
    return { name: scenario.name, input: event, expect: scenario.expect ? { output: scenario.expect } : expectedOutcome(rule, event.person) } as FixtureTest;
  });
}
