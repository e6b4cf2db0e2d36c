// The offline author's reference for an identifier rule: given the rule, a person and the names (or
// addresses) already taken, what a correct function returns. A second implementation on purpose, written apart from the
// generated body, so fixtures computed here can catch a wrong one.

import type { DirectoryUser, Person } from '../../../../core/sdk/index.ts';
import type { IdentifierRule, NamePart } from './identifier-rule.ts';
import { parsePattern } from './identifier-rule.ts';

const DEFAULT_LETTERS: Record<string, string> = { æ: 'ae', ð: 'd', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ø: 'oe', œ: 'oe', ß: 'ss', þ: 'th', ŧ: 't' };

export type Expected = { output: Record<string, unknown> } | { error: string };

/** A user the directory holds, as far as the reference needs one. */
export type Holder = Pick<DirectoryUser, 'employeeId' | 'username' | 'email'>;

/** One name part in lower-case ASCII: the rule's own spellings, then decomposition and the default letters. */
export function foldName(rule: Pick<IdentifierRule, 'transliterations' | 'keepDigits' | 'keepHyphens'>, text: string): string {
  const spelt = [...text.normalize('NFC').toLowerCase()].map((character) => {
    const own = rule.transliterations[character];
    if (own !== undefined) return own;
    return [...character.normalize('NFKD')].filter((piece) => !/\p{M}/u.test(piece)).map((piece) => DEFAULT_LETTERS[piece] ?? piece).join('');
  });
  const letters = spelt.join('');
  if (!rule.keepHyphens) return letters.replace(rule.keepDigits ? /[^a-z0-9]/g : /[^a-z]/g, '');
  const pieces = letters.split('-').map((piece) => piece.replace(rule.keepDigits ? /[^a-z0-9]/g : /[^a-z]/g, ''));
  return pieces.filter((piece) => piece !== '').join('-');
}

/** Runs of . _ - as their first character, none at either end (with tidySeparators). */
function tidy(rule: IdentifierRule, text: string): string {
  if (!rule.tidySeparators) return text;
  let result = '';
  for (const character of text) {
    if ('._-'.includes(character) && (result === '' || '._-'.includes(result.at(-1) ?? ''))) continue;
    result += character;
  }
  return result.replace(/[._-]$/, '');
}

/** What a correct function returns. `taken`: values held by others or retired; `users`: for a rehire, and
 *  with reuseOwn the values this same employee holds (returned as they are). */
export function expectedIdentifier(rule: IdentifierRule, person: Person, taken: string[], users: Holder[] = []): Expected {
  const field = rule.output;
  if (rule.rehireByEmployeeId) {
    const known = users.find((user) => user.employeeId === person.employeeId);
    if (known) return { output: { [field]: known[field], rehire: true } };
  }
  const bases = basesOf(rule, person);
  if ('error' in bases) return bases;
  const contractor = person.employmentType === 'contractor';
  const prefix = contractor ? rule.contractorPrefix : '';
  const domain = contractor && rule.contractorDomain ? rule.contractorDomain : rule.domain;
  const fitToLimit = (base: string, suffix: string) => {
    const cut = rule.maxLength <= 0 ? base : base.slice(0, rule.maxLength - prefix.length - suffix.length).replace(/[._-]+$/, '');
    const local = tidy(rule, prefix + cut) + suffix;
    return field === 'email' ? `${local}@${domain}` : local;
  };
  const takenKeys = new Set(taken.map((name) => name.toLowerCase()));
  const plain = bases.names.map((base) => fitToLimit(base, ''));
  const suffix = (index: number) => rule.separator + String(rule.firstSuffix + index).padStart(rule.suffixDigits, '0');
  const count = Math.min(60, rule.maxAttempts - plain.length);
  const numbered = rule.whenTaken === 'number' ? Array.from({ length: count }, (_, index) => fitToLimit(bases.names[0] ?? '', suffix(index))) : [];
  // An own value (reuseOwn) is simply not taken: it comes out where the function finds it.
  const free = [...plain, ...numbered].find((candidate) => !takenKeys.has(candidate.toLowerCase()));
  if (free === undefined) return { error: rule.whenTaken === 'error' ? 'already taken' : field === 'email' ? 'no free email address' : 'no free username' };
  return { output: rule.rehireByEmployeeId ? { [field]: free, rehire: false } : { [field]: free } };
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
    return rule.noNamePrefix ? { names: [`${rule.noNamePrefix}${person.employeeId}`.toLowerCase().replace(/[^a-z0-9]/g, '')] } : { error: noLetters(rule) };
  }
  if (needsNames && (!names.first || !names.last)) {
    return rule.whenPartEmpty === 'other-part' ? { names: [names.first || names.last] } : { error: noLetters(rule) };
  }
  const filled = parsed
    .map((parts, index) => render(rule, parts, names, digits, rule.tidySeparators && index === 0))
    .filter((base): base is string => Boolean(base));
  return filled.length > 0 ? { names: [...new Set(filled)] } : { error: 'a needed part is missing' };
}

const noLetters = (rule: IdentifierRule) => (rule.output === 'email' ? 'has no Latin letters or digits' : 'no letters');

type Names = Record<'first' | 'middle' | 'last', string>;

function render(rule: IdentifierRule, parts: NamePart[], names: Names, digits: string, middleMayBeEmpty: boolean): string | undefined {
  let text = '';
  for (const part of parts) {
    if (part.kind === 'literal') text += part.text;
    else if (part.kind === 'employee-id') {
      if (!digits) return undefined;
      text += digits.padStart(part.pad, '0');
    } else {
      const whole = names[part.kind];
      if (!whole && !(middleMayBeEmpty && part.kind === 'middle')) return undefined;
      text += part.take === undefined ? whole : whole.slice(0, part.take);
    }
  }
  return tidy(rule, (rule.case === 'upper' ? text.toUpperCase() : text.toLowerCase()).replace(/[^A-Za-z0-9._-]/g, ''));
}
