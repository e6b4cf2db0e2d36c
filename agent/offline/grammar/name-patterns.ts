// How admins say which name parts make an identifier: "first initial plus last name", "first.last",
// "firstname.lastname", "last name then first initial", or by example ("John Smith → jsmith").

import { state, type Recognition, type Rule } from '../recognizer.ts';

const FIRST = String.raw`(?:first|given|fore)[- ]?name`;
const LAST = String.raw`(?:last|sur|family)[- ]?name`;
const INITIAL = String.raw`(?:initial|letter)`;
const FIRST_INITIAL = String.raw`(?:first[- ]?(?:name[- ]?)?${INITIAL}|(?:first\s+|1st\s+)?${INITIAL}\s+of\s+(?:the\s+|their\s+|his\s+|her\s+)?(?:first|given)[- ]?name|(?:first|given)[- ]?name'?s?\s+(?:first\s+)?${INITIAL})`;
const THEN = String.raw`\s*(?:\+|plus|and|followed by|then|with|&|,)?\s*(?:the\s+|their\s+|his\s+|her\s+)?(?:full\s+|whole\s+|entire\s+)?`;
const DOT = String.raw`\s*(?:\.|dot|period|full stop)\s*`;

/** The parameters these rules write: the identifier's name pattern. */
export type Patterned = { pattern?: string };

const set = (pattern: string): Rule<Patterned>['apply'] => (_match, recognition) => state(recognition, 'pattern', pattern);
const separatorOf = (text: string) => (/underscore|_/.test(text) ? '_' : /hyphen|dash|-/.test(text) ? '-' : /dot|period|\./.test(text) ? '.' : '');

export const PATTERN_RULES: Rule<Patterned>[] = [
  // "first initial + last name", "first initial, a dot and last name", 'first initial + "." + last name'.
  {
    pattern: new RegExp(String.raw`\b${FIRST_INITIAL}${THEN}(?:a\s+)?(?:dot\s+|period\s+|["'“]\.["'”]\s*(?:\+|plus|and|then)\s*)?(?:and\s+)?${LAST}`, 'i'),
    apply: (match, recognition) => state(recognition, 'pattern', /dot|period|["'“]\.["'”]/.test(match[0]) ? '{f}.{last}' : '{f}{last}'),
  },
  { pattern: new RegExp(String.raw`\b${LAST}${THEN}${FIRST_INITIAL}`, 'i'), apply: set('{last}{f}') },
  { pattern: new RegExp(String.raw`\b${FIRST}${THEN}(?:the\s+)?${LAST}[- ]?${INITIAL}`, 'i'), apply: set('{first}{l}') },
  {
    pattern: new RegExp(String.raw`\b${FIRST}(${DOT}|\s*(?:_|underscore|-|hyphen|dash)\s*)${LAST}`, 'i'),
    apply: (match, recognition) => state(recognition, 'pattern', `{first}${separatorOf((match[1] ?? ''))}{last}`),
  },
  {
    pattern: new RegExp(String.raw`\b${FIRST}${THEN}${LAST}(?![- ]?${INITIAL})(?:[^.]*?\b(?:separated|joined|split)\s+(?:by|with)\s+(?:an?\s+)?(dot|period|underscore|hyphen|dash))?`, 'i'),
    apply: (match, recognition) => state(recognition, 'pattern', `{first}${match[1] ? separatorOf(match[1]) : ''}{last}`),
  },
  { pattern: /\bfirst\.last\b|\bfirstname\.lastname\b/i, apply: set('{first}.{last}') },
  { pattern: /\bfirst_last\b|\bfirstname_lastname\b/i, apply: set('{first}_{last}') },
  { pattern: /\bflast\b|\bfirstinitiallastname\b/i, apply: set('{f}{last}') },
];

const CANDIDATES = ['{f}{last}', '{first}.{last}', '{first}{last}', '{last}{f}', '{first}{l}', '{first}_{last}', '{first}-{last}', '{f}.{last}'];

/** With no stated pattern, the first candidate that reproduces every example the admin gave. */
export function inferPattern(recognition: Recognition<Patterned>, render: (pattern: string, fullName: string) => unknown): void {
  if (recognition.stated.has('pattern') || recognition.examples.length === 0) return;
  const fits = CANDIDATES.find((pattern) => recognition.examples.every((example) => {
    const rendered = render(pattern, example.input);
    return typeof rendered === 'string' && rendered.toLowerCase() === example.output.toLowerCase();
  }));
  if (fits) state(recognition, 'pattern', fits);
}
