// The offline author's reference for an identifier rule: given the rule, a person and the names already
// taken, what a correct function returns. A second implementation on purpose, written apart from the
// generated body, so fixtures computed here can catch a wrong one.

import type { DirectoryUser, Person } from '../../../../core/sdk/index.ts';
import type { IdentifierRule, NamePart } from './identifier-rule.ts';
import { parsePattern } from './identifier-rule.ts';

const DEFAULT_LETTERS: Record<string, string> = { æ: 'ae', ð: 'd', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ø: 'oe', œ: 'oe', ß: 'ss', þ: 'th', ŧ: 't' };

export type Expected = { output: Record<string, unknown> } | { error: string };

function foldName(rule: Pick<IdentifierRule, 'transliterations' | 'keepDigits'>, text: string): string {
  const spelt = [...text.normalize('NFC').toLowerCase()].map((character) => {
    const own = rule.transliterations[character];
    if (own !== undefined) return own;
    return [...character.normalize('NFKD')].filter((piece) => !/\p{M}/u.test(piece)).map((piece) => DEFAULT_LETTERS[piece] ?? piece).join('');
  });
  return spelt.join('').replace(rule.keepDigits ? /[^a-z0-9]/g : /[^a-z]/g, '');
}

export function expectedIdentifier(rule: IdentifierRule, person: Person, taken: string[], users: DirectoryUser[] = []): Expected {
  if (rule.rehireByEmployeeId) {
    const known = users.find((user) => user.employeeId === person.employeeId);
    if (known) return { output: { username: known.username, rehire: true } };
  }
  const bases = basesOf(rule, person);
  if ('error' in bases) return bases;
  const prefix = person.employmentType === 'contractor' ? rule.contractorPrefix : '';
  const fitToLimit = (base: string, suffix: string) => {
    if (rule.maxLength <= 0) return prefix + base + suffix;
    return prefix + base.slice(0, rule.maxLength - prefix.length - suffix.length).replace(/[._-]+$/, '') + suffix;
  };
  const takenKeys = new Set(taken.map((name) => name.toLowerCase()));
  const plain = bases.names.map((base) => fitToLimit(base, ''));
  const suffix = (index: number) => rule.separator + String(rule.firstSuffix + index).padStart(rule.suffixDigits, '0');
  const numbered = rule.whenTaken === 'number' ? Array.from({ length: 60 }, (_, index) => fitToLimit(bases.names[0] ?? '', suffix(index))) : [];
  const free = [...plain, ...numbered].find((candidate) => !takenKeys.has(candidate.toLowerCase()));
  if (free === undefined) return { error: rule.whenTaken === 'error' ? 'already taken' : 'no free username' };
  return { output: rule.rehireByEmployeeId ? { username: free, rehire: false } : { username: free } };
}

function basesOf(rule: IdentifierRule, person: Person): { names: string[] } | { error: string } {
  const firstSource = rule.usePreferredName && person.preferredName?.trim() ? person.preferredName : person.firstName;
  const lastParts = person.lastName.split(/[\s\u2010-\u2015-]+/).filter((part) => foldName(rule, part) !== '');
  const lastSource = rule.lastNamePart === 'first' ? (lastParts[0] ?? '') : rule.lastNamePart === 'last' ? (lastParts.at(-1) ?? '') : person.lastName;
  const names = { first: foldName(rule, firstSource), middle: foldName(rule, person.middleName ?? ''), last: foldName(rule, lastSource) };
  const digits = person.employeeId.replace(/[^0-9]/g, '');
  const patterns = [person.employmentType === 'contractor' && rule.contractorPattern ? rule.contractorPattern : rule.pattern, ...rule.fallbackPatterns];
  const parsed = patterns.map(parsePattern);
  const needsNames = parsed.some((parts) => parts.some((part) => part.kind === 'first' || part.kind === 'last'));
  if (needsNames && !names.first && !names.last) {
    return rule.noNamePrefix ? { names: [`${rule.noNamePrefix}${person.employeeId}`.toLowerCase().replace(/[^a-z0-9]/g, '')] } : { error: 'no letters' };
  }
  if (needsNames && (!names.first || !names.last)) {
    return rule.whenPartEmpty === 'other-part' ? { names: [names.first || names.last] } : { error: 'no letters' };
  }
  const filled = parsed.map((parts) => render(rule, parts, names, digits)).filter((base): base is string => base !== undefined);
  return filled.length > 0 ? { names: filled } : { error: 'a needed part is missing' };
}

function render(rule: IdentifierRule, parts: NamePart[], names: Record<'first' | 'middle' | 'last', string>, digits: string): string | undefined {
  let text = '';
  for (const part of parts) {
    if (part.kind === 'literal') text += part.text;
    else if (part.kind === 'employee-id') {
      if (!digits) return undefined;
      text += digits.padStart(part.pad, '0');
    } else {
      const whole = names[part.kind];
      if (!whole) return undefined;
      text += part.take === undefined ? whole : whole.slice(0, part.take);
    }
  }
  return (rule.case === 'upper' ? text.toUpperCase() : text.toLowerCase()).replace(/[^A-Za-z0-9._-]/g, '');
}
