// The scenarios of an identifier rule's fixtures, and those that show what an address rule adds: a value
// this same employee already holds comes back as it is, a disabled user still holds theirs, the admin's
// own spellings, the middle name a first pattern may leave out, the legal name over a preferred one.

import type { Person } from '../../../../core/sdk/index.ts';
import { joinedEvent, splitFullName } from '../../fixture-builders.ts';
import { expectedIdentifier, type Expected } from './expected-identifier.ts';
import type { IdentifierRule } from './identifier-rule.ts';

export interface Scenario {
  name: string;
  who: Partial<Person>;
  /** Held by other (active) users. */
  taken?: string[];
  retired?: string[];
  /** Held by other users who are disabled: still theirs. */
  disabled?: string[];
  /** Held by this same employee (reuseOwn returns it). */
  own?: string[];
  /** Set for the admin's own examples: the output written in the requirement, not computed. */
  literal?: string;
}

/** The username or address a result carries, or undefined for an error. */
export function valueFrom(rule: IdentifierRule, expected: Expected): string | undefined {
  const value = 'output' in expected ? expected.output[rule.output] : undefined;
  return typeof value === 'string' ? value : undefined;
}

export function heldScenarios(rule: IdentifierRule): Scenario[] {
  const john = { firstName: 'John', lastName: 'Smith' };
  const base = valueFrom(rule, expectedIdentifier(rule, person(john), []));
  const scenarios: Scenario[] = [];
  if (rule.reuseOwn && base !== undefined) {
    scenarios.push({ name: 'the value this same employee already holds is kept', who: john, own: [base] });
    const next = valueFrom(rule, expectedIdentifier(rule, person(john), [base]));
    if (next !== undefined) scenarios.push({ name: 'a disabled user still holds a value: the next one', who: john, taken: [base], disabled: [next] });
  }
  const letters = Object.keys(rule.transliterations);
  if (letters.length > 0) {
    const spelt = letters.map((letter) => `${letter}→${rule.transliterations[letter]}`).join(', ');
    scenarios.push({ name: `the requirement's own spellings (${spelt})`, who: { firstName: 'Jürgen', lastName: `Str${letters.join('')}m` } });
  }
  if (rule.tidySeparators && /\{m/.test(rule.pattern)) {
    scenarios.push({ name: 'the middle name is part of it', who: { firstName: 'John', middleName: 'Quincy', lastName: 'Smith' } });
  }
  if (rule.output === 'email' && !rule.usePreferredName) {
    scenarios.push({ name: 'the legal first name is used, not the preferred name', who: { firstName: 'Robert', preferredName: 'Bob', lastName: 'Smith' } });
  }
  return scenarios;
}

function person(overrides: Partial<Person>): Person {
  return { ...joinedEvent(splitFullName('x y')).person, ...overrides };
}
