// Fixtures for the email family, derived from the parameters; expected addresses come from the reference
// (email-reference.ts), never from running the template.

import type { FixtureTest } from '../../../core/fixtures/index.ts';
import type { DirectoryUser, Person } from '../../../core/sdk/index.ts';
import { directoryUser, joinedEvent } from '../fixture-builders.ts';
import { splitOf } from './email-examples.ts';
import type { Recognition } from '../recognizer.ts';
import { expectedEmail, type EmailParams, type HeldAddress } from './email-reference.ts';

interface Scenario {
  name: string;
  who: Partial<Person>;
  held?: Array<HeldAddress & { status?: DirectoryUser['status'] }>;
}

const MAX_FIXTURES = 16;
const LONG_LAST_NAME = 'Wolfeschlegelsteinhausenbergerdorff-Welchevoralternwarengewissenhaft';

function personOf(who: Partial<Person>): Person {
  return joinedEvent(who).person;
}

/** The address this person would get with nothing taken, or undefined when that is an error. */
function baseAddress(p: EmailParams, who: Partial<Person>): string | undefined {
  const expected = expectedEmail(p, personOf(who), []);
  return typeof expected === 'string' ? expected : undefined;
}

function clashScenarios(p: EmailParams): Scenario[] {
  const john = { firstName: 'John', lastName: 'Smith' };
  const base = baseAddress(p, john);
  if (!base) return [];
  const first = expectedEmail(p, personOf(john), [{ email: base, employeeId: 'E9001' }]);
  const long = { firstName: 'Hubert', lastName: LONG_LAST_NAME };
  const longBase = baseAddress(p, long);
  return [
    { name: 'a taken address (held in another case) gets the first number', who: john, held: [{ email: base.toUpperCase(), employeeId: 'E9001' }] },
    ...(typeof first === 'string' ? [{ name: 'a disabled user still holds an address: the next number', who: john, held: [{ email: base, employeeId: 'E9001' }, { email: first, employeeId: 'E9002', status: 'disabled' as const }] }] : []),
    { name: 'the address already held by the same employee is kept', who: john, held: [{ email: base, employeeId: 'E1001' }] },
    ...(longBase ? [{ name: 'a long name with a clash stays within the limit', who: long, held: [{ email: longBase, employeeId: 'E9001' }] }] : []),
  ];
}

function parameterScenarios(p: EmailParams): Scenario[] {
  const scenarios: Scenario[] = [
    { name: 'a contractor', who: { firstName: 'Carla', lastName: 'Diaz', employmentType: 'contractor' } },
    { name: p.usePreferredName ? 'the preferred name wins (Robert "Bob" Smith)' : 'the legal first name is used, not the preferred name', who: { firstName: 'Robert', preferredName: 'Bob', lastName: 'Smith' } },
    { name: 'a very long name is cut to the limit', who: { firstName: 'Hubert', lastName: LONG_LAST_NAME } },
    { name: 'a name with no Latin letters is an error (Иван Петров)', who: { firstName: 'Ivan', lastName: 'Петров' } },
  ];
  if (/\{middle/.test(p.pattern)) scenarios.push({ name: 'the middle initial is part of the address', who: { firstName: 'John', middleName: 'Quincy', lastName: 'Smith' } });
  const base = baseAddress(p, { firstName: 'John', lastName: 'Smith' });
  if (p.fallbackPatterns.length > 0 && base) {
    scenarios.push({ name: 'a taken address falls back to the next layout', who: { firstName: 'John', middleName: 'Quincy', lastName: 'Smith' }, held: [{ email: base, employeeId: 'E9001' }] });
    scenarios.push({ name: 'without a middle name a taken address is numbered', who: { firstName: 'John', lastName: 'Smith' }, held: [{ email: base, employeeId: 'E9001' }] });
  }
  const letters = Object.keys(p.transliterations);
  if (letters.length > 0) scenarios.push({ name: `the requirement's own spellings (${letters.map((letter) => `${letter}→${p.transliterations[letter]}`).join(', ')})`, who: { firstName: 'Jürgen', lastName: `Str${letters.join('')}m` } });
  return scenarios;
}

function exampleScenarios(p: EmailParams, recognition: Recognition): Scenario[] {
  return recognition.examples.map((example, index) => {
    const who = splitOf(example);
    const numbered = /[._-]?\d+$/.test(example.output.split('@')[0]!);
    const base = numbered ? baseAddress(p, who) : undefined;
    return { name: `example ${index + 1} from the requirement: ${example.input} → ${example.output}`, who, ...(base ? { held: [{ email: base, employeeId: 'E9001' }] } : {}) };
  });
}

const NAME_SCENARIOS: Scenario[] = [
  { name: 'ø and å are transliterated (Søren Ødegård)', who: { firstName: 'Søren', lastName: 'Ødegård' } },
  { name: "apostrophes and spaces are removed (Mary Ann O'Brien)", who: { firstName: 'Mary Ann', lastName: "O'Brien" } },
  { name: 'a hyphenated last name (Zoë Müller-Lüdenscheidt)', who: { firstName: 'Zoë', lastName: 'Müller-Lüdenscheidt' } },
  { name: 'ł and ß (Łukasz Weiß)', who: { firstName: 'Łukasz', lastName: 'Weiß' } },
  { name: 'æ and a háček (Ægir Dvořák)', who: { firstName: 'Ægir', lastName: 'Dvořák' } },
];

export function emailFixtures(p: EmailParams, recognition: Recognition): FixtureTest[] {
  const scenarios = [
    { name: 'plain name (John Smith)', who: { firstName: 'John', lastName: 'Smith' } },
    ...exampleScenarios(p, recognition),
    ...clashScenarios(p),
    ...parameterScenarios(p),
    ...NAME_SCENARIOS,
  ].slice(0, MAX_FIXTURES);
  return scenarios.map((scenario, index) => {
    const expected = expectedEmail(p, personOf(scenario.who), scenario.held ?? []);
    const users = (scenario.held ?? []).map((holder, userIndex) => directoryUser(`holder${userIndex + 1}`, userIndex, { email: holder.email, employeeId: holder.employeeId, status: holder.status ?? 'active' }));
    return {
      name: scenario.name,
      input: joinedEvent(scenario.who, {}, `evt-${index + 1}`),
      ...(users.length > 0 ? { directory: { users } } : {}),
      expect: typeof expected === 'string' ? { output: { email: expected } } : { error: expected.error },
    } as FixtureTest;
  });
}
