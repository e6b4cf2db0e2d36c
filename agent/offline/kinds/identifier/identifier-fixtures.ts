// Fixtures for an identifier rule: hard names, clashes, limits, contractors, and every example the admin
// wrote, taken literally from the text (input → output), so a misread rule fails its own tests.

import type { FixtureTest } from '../../../../core/fixtures/index.ts';
import type { DirectoryUser, Person } from '../../../../core/sdk/index.ts';
import { directoryUser, joinedEvent, splitFullName } from '../../fixture-builders.ts';
import { expectedIdentifier, type Expected } from './expected-identifier.ts';
import type { IdentifierRule } from './identifier-rule.ts';
import { heldScenarios, type Scenario, valueFrom } from './identifier-scenarios.ts';

/** An example of the text; `who` when the reading already knows how its name splits. */
export interface IdentifierExample {
  input: string;
  output: string;
  who?: Partial<Person>;
}

const HARD_NAMES: Scenario[] = [
  { name: 'plain name', who: { firstName: 'John', lastName: 'Smith' } },
  { name: 'ø and å are transliterated (Søren Ødegård)', who: { firstName: 'Søren', lastName: 'Ødegård' } },
  { name: 'ß becomes ss (Hans Weiß)', who: { firstName: 'Hans', lastName: 'Weiß' } },
  { name: 'ł becomes l (Łukasz Michałowski)', who: { firstName: 'Łukasz', lastName: 'Michałowski' } },
  { name: 'æ becomes ae and accents are dropped (Zoë Kjær)', who: { firstName: 'Zoë', lastName: 'Kjær' } },
  { name: "apostrophes are removed (Patrick O'Brien)", who: { firstName: 'Patrick', lastName: "O'Brien" } },
  { name: 'hyphenated last name (Mary Smith-Jones)', who: { firstName: 'Mary', lastName: 'Smith-Jones' } },
  { name: 'multi-part last name (Anna van der Berg)', who: { firstName: 'Anna', lastName: 'van der Berg' } },
  { name: 'a long name is cut to the limit', who: { firstName: 'Maria', lastName: 'Christopher-Alexanderson-Montgomery' } },
  { name: 'a contractor', who: { firstName: 'Carla', lastName: 'Diaz', employmentType: 'contractor' } },
  { name: 'a name with no letters left', who: { firstName: 'John', lastName: '---' } },
];

export function identifierFixtures(rule: IdentifierRule, examples: IdentifierExample[]): FixtureTest[] {
  const scenarios = [...HARD_NAMES, ...ruleScenarios(rule), ...heldScenarios(rule)];
  examples.forEach((example, index) => {
    const taken = exampleTaken(rule, example) ?? [];
    const name = `example ${index + 1} from the requirement: ${example.input} → ${example.output}`;
    const who = example.who ?? exampleName(rule, example.input);
    scenarios.push({ name, who, literal: literalValue(rule, example.output), ...(taken.length > 0 ? { taken } : {}) });
  });
  return scenarios.map((scenario, index) => {
    const who = { employeeId: 'E1001', ...scenario.who };
    const taken = [...(scenario.taken ?? []), ...(scenario.retired ?? []), ...(scenario.disabled ?? [])];
    const own = (scenario.own ?? []).map((value) => ({ employeeId: who.employeeId, username: value, email: value }));
    const expected: Expected =
      scenario.literal !== undefined ? { output: literalOutput(rule, scenario.literal) } : expectedIdentifier(rule, person(who), taken, own);
    const directory = directoryOf(rule, scenario, who.employeeId);
    return {
      name: scenario.name,
      input: joinedEvent(who, {}, `evt-${index + 1}`),
      ...(directory ? { directory } : {}),
      // An email rule's errors are the template's words; a username's are checked as errors only.
      expect: 'output' in expected ? { output: expected.output } : { error: rule.output === 'email' ? expected.error : '' },
    } as FixtureTest;
  });
}

/** The users and retired values a scenario needs: holders of a username, or of an address. */
function directoryOf(rule: IdentifierRule, scenario: Scenario, employeeId: string): FixtureTest['directory'] | undefined {
  const email = rule.output === 'email';
  const holders: Array<{ value: string; overrides: Partial<DirectoryUser> }> = [
    ...(scenario.taken ?? []).map((value) => ({ value, overrides: {} })),
    ...(scenario.disabled ?? []).map((value) => ({ value, overrides: { status: 'disabled' as const } })),
    ...(scenario.own ?? []).map((value) => ({ value, overrides: { employeeId } })),
  ];
  if (holders.length === 0 && !scenario.retired) return undefined;
  const users = holders.map(({ value, overrides }, index) =>
    email ? directoryUser(`holder${index + 1}`, index, { email: value, ...overrides }) : directoryUser(value, index, overrides));
  return email ? { users, retiredEmails: scenario.retired ?? [] } : { users, retiredUsernames: scenario.retired ?? [] };
}

function ruleScenarios(rule: IdentifierRule): Scenario[] {
  const scenarios: Scenario[] = [];
  const john = { firstName: 'John', lastName: 'Smith' };
  const maria = { firstName: 'Maria', lastName: 'Christopher-Alexanderson-Montgomery' };
  const base = valueFrom(rule, expectedIdentifier(rule, person({ firstName: 'John', lastName: 'Smith' }), []));
  if (base !== undefined) {
    const next = valueFrom(rule, expectedIdentifier(rule, person({ firstName: 'John', lastName: 'Smith' }), [base]));
    scenarios.push({ name: rule.whenTaken === 'error' ? 'a taken name is an error' : 'a taken name gets the next candidate', who: john, taken: [base] });
    if (next !== undefined) scenarios.push({ name: 'retired names are never reused', who: john, taken: [base.toUpperCase()], retired: [next] });
  }
  const long = valueFrom(rule, expectedIdentifier(rule, person({ firstName: 'Maria', lastName: 'Christopher-Alexanderson-Montgomery' }), []));
  if (long !== undefined) scenarios.push({ name: 'a clash at the length limit never exceeds it', who: maria, taken: [long] });
  if (rule.usePreferredName) scenarios.push({ name: 'the preferred name wins', who: { firstName: 'Robert', preferredName: 'Bob', lastName: 'Smith' } });
  if (rule.fallbackPatterns.length > 0 && base !== undefined) {
    scenarios.push({ name: 'a taken name falls back to the next form', who: { firstName: 'John', middleName: 'Quincy', lastName: 'Smith' }, taken: [base] });
    scenarios.push({ name: 'without a middle name a taken name goes on', who: { firstName: 'John', lastName: 'Smith' }, taken: [base] });
  }
  if (rule.whenPartEmpty === 'other-part') {
    scenarios.push({ name: 'only a first name', who: { firstName: 'Sukarno', lastName: '' } });
    scenarios.push({ name: 'only a last name', who: { firstName: '', lastName: 'Sukarno' } });
  }
  if (rule.noNamePrefix) scenarios.push({ name: 'no letters in any name part', who: { firstName: '李', lastName: '明', employeeId: 'E10442' } });
  if (rule.rehireByEmployeeId) scenarios.push({ name: 'a new person is not a rehire', who: { firstName: 'John', lastName: 'Smith', employeeId: 'E5555' } });
  if (/\{id/.test(rule.pattern + rule.contractorPattern)) {
    scenarios.push({ name: 'an employee id', who: { employeeId: 'E1234' } });
    scenarios.push({ name: 'a contractor id', who: { employeeId: 'C-77', employmentType: 'contractor' } });
  }
  return scenarios;
}

/** An example's output as the function returns it: an address in lower case, its domain added when left out. */
function literalValue(rule: IdentifierRule, output: string): string {
  if (rule.output !== 'email') return output;
  return output.includes('@') ? output.toLowerCase() : `${output.toLowerCase()}@${rule.domain}`;
}

function literalOutput(rule: IdentifierRule, output: string): Record<string, unknown> {
  return rule.rehireByEmployeeId ? { [rule.output]: output, rehire: false } : { [rule.output]: output };
}

/** "John Quincy Smith" is first, middle and last when a pattern uses the middle name. */
export function exampleName(rule: IdentifierRule, fullName: string): Partial<Person> {
  const words = fullName.trim().split(/\s+/);
  const [first = '', middle = '', last = ''] = words;
  const usesMiddle = [rule.pattern, ...rule.fallbackPatterns].some((pattern) => /\{m/.test(pattern));
  if (words.length === 3 && usesMiddle) return { firstName: first, middleName: middle, lastName: last };
  if (words.length === 1) return { firstName: words[0] ?? '', lastName: '' };
  return splitFullName(fullName);
}

/** The names that must be taken for the example's output to come out (an example may show a fallback). */
export function exampleTaken(rule: IdentifierRule, example: IdentifierExample): string[] | undefined {
  const who = person(example.who ?? exampleName(rule, example.input));
  const wanted = literalValue(rule, example.output);
  const taken: string[] = [];
  for (let step = 0; step <= rule.fallbackPatterns.length + 3; step++) {
    const result = valueFrom(rule, expectedIdentifier(rule, who, taken));
    if (result === wanted) return taken;
    if (result === undefined) return undefined;
    taken.push(result);
  }
  return undefined;
}

function person(overrides: Partial<Person>): Person {
  return { ...joinedEvent(splitFullName('x y')).person, ...overrides };
}
