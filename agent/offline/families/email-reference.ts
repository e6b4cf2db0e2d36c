// The offline author's reference for the email family: given the parameters, a person and the addresses
// already held, the address a correct function returns. Computed independently of the template.

import type { Person } from '../../../core/sdk/index.ts';
import { asciiFold } from '../transliterate.ts';

export interface EmailParams {
  functionName: string;
  domain: string;
  pattern: string;
  fallbackPatterns: string[];
  separator: string;
  usePreferredName: boolean;
  keepHyphens: boolean;
  transliterations: Record<string, string>;
  firstSuffix: number;
  suffixSeparator: string;
  suffixDigits: number;
  maxLocalPartLength: number;
  maxAttempts: number;
  contractorPrefix: string;
  contractorDomain: string;
}

/** An address someone already holds, and whose it is. */
export interface HeldAddress {
  email: string;
  employeeId: string;
}

/** One name folded to ASCII: hyphenated parts folded one by one, joined by "-" or by nothing. */
export function foldName(params: Pick<EmailParams, 'keepHyphens' | 'transliterations'>, name: string): string {
  const spelt = [...name.normalize('NFC').toLowerCase()].map((character) => params.transliterations[character] ?? character).join('');
  const parts = spelt.split('-').map(asciiFold).filter((part) => part !== '');
  return parts.join(params.keepHyphens ? '-' : '');
}

/** Runs of ".", "_" and "-" become their first character; none at either end. */
function tidy(text: string): string {
  let result = '';
  for (const character of text) {
    const punctuation = '._-'.includes(character);
    if (punctuation && (result === '' || '._-'.includes(result.at(-1)!))) continue;
    result += character;
  }
  while (result !== '' && '._-'.includes(result.at(-1)!)) result = result.slice(0, -1);
  return result;
}

function localParts(params: EmailParams, person: Person): string[] | { error: string } {
  const preferred = params.usePreferredName ? (person.preferredName ?? '').trim() : '';
  const first = foldName(params, preferred || person.firstName);
  const last = foldName(params, person.lastName);
  const middle = foldName(params, person.middleName ?? '');
  if (!first || !last) return { error: 'has no Latin letters or digits' };
  const values: Record<string, string> = { first, last, middle, firstInitial: first[0]!, lastInitial: last[0]!, middleInitial: middle.slice(0, 1), sep: params.separator };
  const fill = (pattern: string) => tidy(pattern.replace(/\{(\w+)\}/g, (_placeholder, name: string) => values[name] ?? ''));
  const needsMiddle = (pattern: string) => /\{middle(?:Initial)?\}/.test(pattern);
  const fallbacks = params.fallbackPatterns.filter((pattern) => middle !== '' || !needsMiddle(pattern));
  return [...new Set([params.pattern, ...fallbacks].map(fill))];
}

export function expectedEmail(params: EmailParams, person: Person, held: HeldAddress[] = []): string | { error: string } {
  const bases = localParts(params, person);
  if (!Array.isArray(bases)) return bases;
  const contractor = person.employmentType === 'contractor';
  const prefix = contractor ? params.contractorPrefix : '';
  const domain = contractor && params.contractorDomain ? params.contractorDomain : params.domain;
  const fit = (base: string, suffix: string) => tidy(prefix + tidy(base.slice(0, params.maxLocalPartLength - prefix.length - suffix.length))) + suffix;
  const numbered = Array.from({ length: params.maxAttempts - bases.length }, (_, index) =>
    fit(bases[0]!, params.suffixSeparator + String(params.firstSuffix + index).padStart(params.suffixDigits, '0')));
  const candidates = [...bases.map((base) => fit(base, '')), ...numbered].map((local) => `${local}@${domain}`);
  const free = (address: string) => held.every((holder) => holder.email.toLowerCase() !== address.toLowerCase() || holder.employeeId === person.employeeId);
  return candidates.find(free) ?? { error: 'no free email address' };
}
