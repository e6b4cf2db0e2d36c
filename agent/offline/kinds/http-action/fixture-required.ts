// The people of the fixtures about the values a request cannot do without: each one missing (refused
// before anything is called, and no other value stands in: the person has a personal address), each one
// padded and in mixed case (trimmed; lower-cased where the text says `:lower`), and each value checked for
// its shape written wrongly (an address without a domain, a username with a space).

import type { Person } from '../../../../core/sdk/index.ts';
import type { HttpActionRule } from './http-action-rule.ts';

export const ACCOUNT = { userPrincipalName: 'john.smith@example.com', email: 'john.smith@example.com', username: 'jsmith' };

interface Case {
  name: string;
  who: Partial<Person>;
  account?: Record<string, string>;
}

/** The account field behind each placeholder, and the value it has padded and in mixed case. */
const ACCOUNT_FIELDS: Record<string, { field: keyof typeof ACCOUNT; label: string; padded: string }> = {
  upn: { field: 'userPrincipalName', label: 'userPrincipalName', padded: '  John.Smith@Example.com ' },
  accountEmail: { field: 'email', label: 'account email', padded: '  John.Smith@Example.com ' },
  username: { field: 'username', label: 'username', padded: '  JSmith ' },
};
const PERSONAL = { personalEmail: 'johnny1987@gmail.com' } as Partial<Person>;

/** Whether a text of the rule's requests names the value without a text for when it is missing. */
function named(rule: HttpActionRule, name: string): boolean {
  const used = JSON.stringify(rule.steps.map((step) => [step.url, step.body]));
  return used.includes(`<${name}>`) || used.includes(`<${name}:lower>`);
}

export function requiredValues(rule: HttpActionRule, everyone: Partial<Person>): Case[] {
  const cases: Case[] = [];
  for (const [name, { field, label, padded }] of Object.entries(ACCOUNT_FIELDS).filter(([name]) => named(rule, name))) {
    const others = Object.fromEntries(Object.entries(ACCOUNT).filter(([key]) => key !== field));
    cases.push({ name: `no ${label}: refused before anything is called`, who: { ...everyone, ...PERSONAL }, account: others });
    const trimmed = `the ${label} with spaces around and in mixed case: trimmed${lowered(rule, name)}`;
    cases.push({ name: trimmed, who: everyone, account: { ...ACCOUNT, [field]: padded } });
  }
  if (named(rule, 'managerEmail')) cases.push({ name: 'no manager email: refused before anything is called', who: { ...everyone, managerEmail: null } });
  if (named(rule, 'employeeId')) {
    cases.push({ name: 'a blank employeeId: refused before anything is called', who: { ...everyone, employeeId: '  ' } });
    cases.push({ name: 'the employeeId with spaces around: trimmed', who: { ...everyone, employeeId: ' 4021 ' } });
  }
  for (const check of rule.checks ?? []) {
    const entry = Object.entries(ACCOUNT_FIELDS).find(([name]) => check.value.includes(`<${name}`))?.[1];
    if (!entry) continue;
    const wrong = check.shape === 'email' ? 'john.smith' : 'j smith';
    const what = check.shape === 'email' ? 'not an email address' : 'with a space';
    const name = `the ${entry.label} ${JSON.stringify(wrong)} (${what}): refused before anything is called`;
    cases.push({ name, who: everyone, account: { ...ACCOUNT, [entry.field]: wrong } });
  }
  return cases;
}

const lowered = (rule: HttpActionRule, name: string) => (JSON.stringify(rule).includes(`<${name}:lower`) ? ' and lower-cased' : '');
