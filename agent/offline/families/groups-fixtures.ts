// Fixtures for the groups and apps families, derived from the settled rules: one person per rule and per
// exception (an exception meets a rule that grants what it withholds), nobody matched, case and spacing,
// a near-miss title, two rules at once, and the requirement's own examples. Expected values come from
// the reference (groups-reference.ts).

import type { FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { joinedEvent } from '../fixture-builders.ts';
import type { Statement } from './groups-grammar.ts';
import { expectedAssignment, holds } from './groups-reference.ts';
import type { Settled } from './groups-settle.ts';
import type { Condition, Subject } from './groups-subjects.ts';

export interface OutputKeys { kept: string; removed: string }
type Titles = Map<string, NonNullable<Subject['titles']>>;
type Who = Partial<Person>;

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
const EMPLOYMENT_TYPES = ['employee', 'contractor', 'intern'];
const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : value?.[0]);

function mentioned(settled: Settled, field: 'department' | 'location'): string[] {
  const unless = (condition: Condition) => (condition.unless === undefined ? [] : Array.isArray(condition.unless) ? condition.unless : [condition.unless]);
  const values = (condition: Condition): string[] => [first(condition[field]) ?? '', ...(Array.isArray(condition[field]) ? (condition[field] as string[]) : []), ...unless(condition).flatMap(values)];
  return [...settled.grants, ...settled.withholds].flatMap((grant) => values(grant.when)).map((value) => value.toLowerCase());
}

function neutralDepartment(settled: Settled): string {
  const used = mentioned(settled, 'department');
  return ['Facilities', 'Logistics', 'Treasury', 'Procurement'].find((name) => !used.includes(name.toLowerCase())) ?? 'Unlisted';
}

/** A person for whom the condition holds, or undefined when none can be built. */
function personFor(condition: Condition, titles: Titles, settled: Settled): Who | undefined {
  const type = first(condition.employmentType) ?? 'employee';
  if (!EMPLOYMENT_TYPES.includes(type)) return undefined;
  const who: Who = { department: first(condition.department) ?? neutralDepartment(settled), employmentType: type as Person['employmentType'] };
  const location = first(condition.location);
  if (location) who.location = location;
  const costCenter = first(condition.costCenter);
  if (costCenter) who.costCenter = costCenter;
  if (condition.titlePattern) who.title = titles.get(condition.titlePattern)?.matching ?? titleFor(condition.titlePattern);
  return holds(condition, joinedEvent(who).person) ? who : undefined;
}

/** A title for a pattern no subject described: its first alternative, cleaned. */
function titleFor(pattern: string): string {
  return `Senior ${pattern.replace(/\\b|[\^$()?:]/g, '').split('|')[0]!.replace(/\\/g, '').replace(/s$/, '')}`;
}

/** Both conditions at once, or undefined when they ask for different values of one field. */
function merge(left: Condition, right: Condition): Condition | undefined {
  const merged: Condition = { ...left };
  for (const [field, value] of Object.entries(right) as Array<[keyof Condition, never]>) {
    if (merged[field] !== undefined && JSON.stringify(merged[field]) !== JSON.stringify(value)) return undefined;
    merged[field] = value;
  }
  return merged;
}

function describe(who: Who): string {
  return [who.employmentType, who.department && `in ${who.department}`, who.location && `at ${who.location}`, who.title && `titled "${who.title}"`, who.costCenter && `cost centre ${who.costCenter}`].filter(Boolean).join(' ');
}

function scenarios(settled: Settled, titles: Titles): Array<{ name: string; who: Who }> {
  const list: Array<{ name: string; who: Who }> = [];
  const push = (name: string, who: Who | undefined) => { if (who) list.push({ name: `${name}: ${describe(who)}`, who }); };
  for (const withhold of settled.withholds) {
    const takes = (names: string[]) => names.some((name) => withhold.names.some((other) => other.toLowerCase() === name.toLowerCase()) || (withhold.pattern !== undefined && new RegExp(withhold.pattern, 'i').test(name)));
    const granting = settled.grants.find((grant) => takes(grant.names) && merge(grant.when, withhold.when)) ?? (takes(settled.baseline) ? { when: {} } : undefined);
    const name = granting ? 'an exception beats the rule that grants it' : 'an exception with nothing to take away';
    push(name, personFor(merge(granting?.when ?? {}, withhold.when) ?? withhold.when, titles, settled));
  }
  settled.grants.forEach((grant) => push('a rule applies', personFor(grant.when, titles, settled)));
  push('nobody matched: only what everyone gets', { department: neutralDepartment(settled), employmentType: 'employee', title: 'Associate' });
  const byPlace = settled.grants.find((grant) => grant.when.department || grant.when.location);
  const placed = byPlace && personFor(byPlace.when, titles, settled);
  if (placed) push('names compare case-insensitively after trimming', { ...placed, ...(placed.department ? { department: `  ${placed.department.toUpperCase()} ` } : {}), ...(byPlace.when.location && placed.location ? { location: placed.location.toLowerCase() } : {}) });
  const listed = settled.grants.find((grant) => Array.isArray(grant.when.department) || Array.isArray(grant.when.location));
  if (listed) {
    const last = (value: string | string[] | undefined) => (Array.isArray(value) ? value.at(-1) : value);
    push('a rule that lists several values matches any of them', personFor({ ...listed.when, department: last(listed.when.department), location: last(listed.when.location) }, titles, settled));
  }
  const titled = settled.grants.find((grant) => grant.when.titlePattern);
  const nearMiss = titled?.when.titlePattern && titles.get(titled.when.titlePattern)?.nearMiss;
  if (titled && nearMiss) push('a title that only looks like it', { ...personFor(titled.when, titles, settled), title: nearMiss });
  const [left, right] = [settled.grants.find((grant) => grant.when.department), settled.grants.find((grant) => grant.when.location || grant.when.titlePattern)];
  const both = left && right && merge(left.when, right.when);
  if (both) push('two rules at once', personFor(both, titles, settled));
  for (const type of ['intern', 'contractor'] as const) push(`${type === 'intern' ? 'an' : 'a'} ${type} with no rule of their own`, { department: neutralDepartment(settled), employmentType: type });
  // Enough joiners to pin the behaviour even for a short rule: other employment types under each rule,
  // and fields set to values no rule names.
  for (const grant of settled.grants.filter((candidate) => candidate.when.employmentType === undefined)) {
    for (const type of ['contractor', 'intern'] as const) push(`a rule applies to ${type}s too`, personFor({ ...grant.when, employmentType: type }, titles, settled));
  }
  push('a location, title and cost centre no rule names', { department: neutralDepartment(settled), employmentType: 'employee', location: 'Reykjavik', title: 'Office Coordinator', costCenter: '9999' });
  for (const who of VARIED) if (list.length < MIN_FIXTURES) push('another joiner', who);
  return list;
}

function examplePerson(statement: Statement, titles: Titles, settled: Settled): Who | undefined {
  return personFor(statement.subject.condition, titles, settled);
}

export function assignmentFixtures(settled: Settled, keys: OutputKeys, titles: Titles, examples: Statement[]): FixtureTest[] {
  const fromExamples = examples.flatMap((example, index) => {
    const who = examplePerson(example, titles, settled);
    return who ? [{ name: `example ${index + 1} from the requirement: ${describe(who)}`, who }] : [];
  });
  const all = [...fromExamples, ...scenarios(settled, titles)];
  const unique = all.filter((scenario, index) => all.findIndex((other) => JSON.stringify(other.who) === JSON.stringify(scenario.who)) === index).slice(0, MAX_FIXTURES);
  return unique.map((scenario, index) => {
    const event = joinedEvent(scenario.who, {}, `evt-${index + 1}`);
    const { kept, removed } = expectedAssignment(settled.baseline, settled.grants, settled.withholds, event.person);
    return { name: scenario.name, input: event, expect: { output: { [keys.kept]: kept, [keys.removed]: removed } } } as FixtureTest;
  });
}

