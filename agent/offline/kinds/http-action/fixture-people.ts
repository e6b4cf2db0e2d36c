// The people a fixture is about: someone a condition holds (or fails) for, a start date on a weekday, the
// fields a text gives a value for when missing or blank, and the person an example of the text names.

import type { Person } from '../../../../core/sdk/index.ts';
import { weekdayOf } from './expected-values.ts';
import type { Condition, HttpActionRule } from './http-action-rule.ts';

export const TYPES = ['employee', 'contractor', 'intern'];

/** A start date on the given weekday, from 2026-12-01 on. */
function dateOn(weekday: string): string {
  for (let day = 1; day <= 7; day++) {
    const date = `2026-12-0${day}`;
    if (weekdayOf(date) === weekday) return date;
  }
  return '2026-12-01';
}

/** The person fields that make a condition hold (or fail). */
export function satisfying(condition: Condition, hold: boolean): Partial<Person> {
  const listed = (value: string) => condition.values.some((wanted) => wanted.toLowerCase() === value.toLowerCase());
  const pick = (candidates: string[]) => candidates.find((candidate) => listed(candidate) === (hold !== condition.negate)) ?? '';
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const others = condition.field === 'startWeekday' ? days : condition.field === 'employmentType' ? TYPES : [];
  const value = pick([...condition.values, ...others, 'Other', 'Elsewhere']);
  if (condition.field === 'startWeekday') return { startDate: dateOn(value) };
  return { [condition.field]: value } as Partial<Person>;
}

export const matching = (conditions: Condition[]) => Object.assign({}, ...conditions.map((condition) => satisfying(condition, true))) as Partial<Person>;

/** A condition on a text field, which compares case-insensitively after trimming. */
export const loose = (condition: Condition) => ['department', 'location', 'title'].includes(condition.field);

/** The same person with each text written in capitals with spaces around. */
export const loosely = (who: Partial<Person>) => {
  const text = (field: string, value: unknown) => typeof value === 'string' && field !== 'employmentType' && field !== 'startDate';
  const written = Object.entries(who).map(([field, value]) => [field, text(field, value) ? ` ${String(value).toUpperCase()} ` : value]);
  return Object.fromEntries(written) as Partial<Person>;
};

/** Fields a person may lack, and the required texts that may still be blank, each with a sample value. */
const OPTIONAL: Partial<Record<keyof Person, string>> = { preferredName: 'Bill', title: 'Analyst', location: 'Lisbon', managerEmail: 'jane.doe@example.com' };
const REQUIRED_TEXT: Partial<Record<keyof Person, string>> = { department: 'Engineering', firstName: 'John', lastName: 'Smith', employeeId: 'E1001' };

/** Person fields a text gives a value for when missing or blank (`<location|(not set)>`): missing, then padded. */
export function missingOrPadded(rule: HttpActionRule, everyone: Partial<Person>): Array<{ name: string; who: Partial<Person> }> {
  const named = [...JSON.stringify(rule).matchAll(/<(\w+)\|[^<>]*>/g)].map((match) => match[1] ?? '');
  const fields = [...new Set(named)].filter((field): field is keyof Person => field in OPTIONAL || field in REQUIRED_TEXT);
  if (fields.length === 0) return [];
  const who = (value: (field: keyof Person) => string | null) => ({ ...everyone, ...Object.fromEntries(fields.map((field) => [field, value(field)])) });
  return [
    { name: `no ${fields.join(', ')}: the text given for each is used`, who: who((field) => (field in OPTIONAL ? null : '  ')) },
    { name: `${fields.join(', ')} with spaces around: trimmed`, who: who((field) => ` ${everyone[field] ?? OPTIONAL[field] ?? REQUIRED_TEXT[field]} `) },
  ];
}

export function describe(condition: Condition): string {
  const field = condition.field === 'startWeekday' ? 'start day' : condition.field;
  return `${field} ${condition.negate ? 'not ' : ''}${condition.values.join(' or ')}`;
}

/** "2026-03-09": a start date; "Ana Lima": a name; '{"department":"Design",…}': person fields (and the account's). */
export function exampleWho(input: string): Partial<Person> & { account?: Record<string, string> } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(input)) return { startDate: input };
  if (input.startsWith('{')) return JSON.parse(input) as Partial<Person> & { account?: Record<string, string> };
  const [firstName = 'John', ...rest] = input.trim().split(/\s+/);
  return rest.length > 0 ? { firstName, lastName: rest.join(' ') } : {};
}
