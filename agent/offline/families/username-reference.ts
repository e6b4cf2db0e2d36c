// The offline author's reference for the username family: given the parameters, a person and the names
// already taken, the username a correct function returns. Computed independently of the template.

import type { Person } from '../../../core/sdk/index.ts';
import { asciiFold } from '../transliterate.ts';

export interface UsernameParams {
  functionName: string;
  pattern: string;
  fallbackPatterns: string[];
  case: 'lower' | 'upper';
  maxLength: number;
  separator: string;
  firstSuffix: number;
  suffixDigits: number;
  maxAttempts: number;
  contractorPrefix: string;
  usePreferredName: boolean;
  lastNamePart: 'join' | 'first' | 'last';
}

export function expectedUsername(params: UsernameParams, person: Person, taken: string[]): string | { error: string } {
  const firstSource = params.usePreferredName && person.preferredName?.trim() ? person.preferredName : person.firstName;
  const lastParts = person.lastName.split(/[\s\u2010-\u2015-]+/).filter((part) => asciiFold(part) !== '');
  const lastSource = params.lastNamePart === 'first' ? (lastParts[0] ?? '') : params.lastNamePart === 'last' ? (lastParts.at(-1) ?? '') : person.lastName;
  const first = asciiFold(firstSource);
  const last = asciiFold(lastSource);
  if (!first || !last) return { error: 'has no letters or digits after transliteration' };
  const middle = asciiFold(person.middleName ?? '');
  const values: Record<string, string> = { first, f: first[0]!, middle, m: middle.slice(0, 1), last, l: last[0]! };
  const fill = (pattern: string) => {
    const names = [...pattern.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
    if (names.some((name) => !values[name])) return undefined;
    const text = pattern.replace(/\{(\w+)\}/g, (_match, name: string) => values[name]!);
    return (params.case === 'upper' ? text.toUpperCase() : text.toLowerCase()).replace(/[^A-Za-z0-9._-]/g, '');
  };
  const bases = [params.pattern, ...params.fallbackPatterns].map(fill).filter((base): base is string => Boolean(base));
  const prefix = person.employmentType === 'contractor' ? params.contractorPrefix : '';
  const fit = (base: string, suffix: string) => prefix + base.slice(0, params.maxLength - prefix.length - suffix.length).replace(/[._-]+$/, '') + suffix;
  const takenKeys = new Set(taken.map((name) => name.toLowerCase()));
  const candidates = [
    ...bases.map((base) => fit(base, '')),
    ...Array.from({ length: 50 }, (_, index) => fit(bases[0]!, params.separator + String(params.firstSuffix + index).padStart(params.suffixDigits, '0'))),
  ];
  return candidates.find((candidate) => !takenKeys.has(candidate.toLowerCase())) ?? { error: 'no free username' };
}
