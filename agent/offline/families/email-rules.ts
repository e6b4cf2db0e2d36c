// How admins describe a work email address: the layout ("first.last", "f.last", "firstname_lastname"),
// the domain ("@acme.com"), the separator, contractors' prefix or domain, the middle initial, preferred
// names, hyphens and letter spellings. Parameters the template names differently are kept in notes and
// settled in `finish` (email-settle.ts).

import { state, type Recognition, type Rule } from '../recognizer.ts';

export interface EmailNotes {
  nameSeparator?: string;
  middle?: 'always' | 'fallback';
  subdomain?: { label: string; forContractors: boolean };
  wholeAddress?: boolean;
  /** Addresses written out in the requirement ("e.g. john.smith@acme.com"), decoded in finish. */
  samples: Array<{ local: string; domain: string; forContractors: boolean }>;
}

const NOTES = new WeakMap<Recognition, EmailNotes>();

export function notesOf(recognition: Recognition): EmailNotes {
  let notes = NOTES.get(recognition);
  if (!notes) NOTES.set(recognition, (notes = { samples: [] }));
  return notes;
}

const TLD = 'com|org|net|io|co|uk|de|fr|nl|se|no|dk|fi|eu|ch|at|be|es|it|pl|us|ca|au|nz|jp|in|ai|dev|app|tech|cloud|biz|info|edu|gov|local|corp|internal|example|test|xyz|ie|lan';
export const DOMAIN = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:${TLD})(?![a-z0-9-])`;
const CONTRACTOR = /\b(?:contractors?|externals?|freelancers?|consultants?|vendors?|temps?|non-employees?)\b/i;
const INTERN = /\b(?:interns?|students?|trainees?|apprentices?)\b/i;

/** The words of the clause that lead up to `index`, from the last comma, semicolon or "but". */
function leadIn(match: RegExpExecArray): string {
  return match.input.slice(0, match.index).split(/[,;(:]|\bbut\b|\bwhile\b|\bwhereas\b|\bexcept\b/i).at(-1) ?? '';
}

const SEPARATOR_WORDS: Record<string, string> = { dot: '.', period: '.', '.': '.', underscore: '_', _: '_', hyphen: '-', dash: '-', '-': '-' };
const separatorOf = (word: string) => SEPARATOR_WORDS[word.toLowerCase().replace(/s$/, '')] ?? '';

const TOKEN = String.raw`firstname|first|frist|fisrt|firts|givenname|given|fname|firstinitial|finitial|fi|f|lastname|last|surname|familyname|lname|lastinitial|linitial|l|middlename|middleinitial|middle|minitial|mi|m`;
const TOKEN_PLACEHOLDER: Array<[RegExp, string]> = [
  [/^(?:firstname|first|frist|fisrt|firts|givenname|given|fname)$/, '{first}'], [/^(?:firstinitial|finitial|fi|f)$/, '{f}'],
  [/^(?:lastname|last|surname|familyname|lname)$/, '{last}'], [/^(?:lastinitial|linitial|l)$/, '{l}'],
  [/^(?:middlename|middle)$/, '{middle}'], [/^(?:middleinitial|minitial|mi|m)$/, '{m}'],
];
const placeholderOf = (token: string) => TOKEN_PLACEHOLDER.find(([pattern]) => pattern.test(token.toLowerCase()))?.[1] ?? '';

const TOKEN_IN_BRACKETS = String.raw`[{<\[]?(${TOKEN})[}>\]]?`;
export const TOKEN_LAYOUT = new RegExp(String.raw`(?<![\w@.-])${TOKEN_IN_BRACKETS}([._-]?)${TOKEN_IN_BRACKETS}(?:([._-]?)${TOKEN_IN_BRACKETS})?(?![\w-])`, 'i');

/** "first.last", "f.last", "flast", "firstname_lastname", "first.m.last": a layout written as one word. */
const tokenLayoutRule: Rule = {
  pattern: TOKEN_LAYOUT,
  apply: (match, recognition) => {
    const placeholders = [match[1]!, match[3]!, match[5]].filter((token): token is string => token !== undefined).map(placeholderOf);
    const hasFirst = placeholders.some((placeholder) => placeholder === '{first}' || placeholder === '{f}');
    const hasLast = placeholders.some((placeholder) => placeholder === '{last}' || placeholder === '{l}');
    if (!hasFirst || !hasLast || placeholders.every((placeholder) => placeholder.length === 3)) return;
    const [first = '', second = '', third] = placeholders;
    state(recognition, 'pattern', first + match[2] + second + (third ? (match[4] ?? '') + third : ''));
  },
};

const FIRST = String.raw`(?:first|given|fore)[- ]?name`;
const LAST = String.raw`(?:last|sur|family)[- ]?name`;
const LINK = String.raw`[\s,]*(?:(?:followed by|then|plus|and|\+)\s*)?(?:an?\s+|the\s+)?`;
const SEPARATOR_WORD = String.raw`(dots?|periods?|underscores?|hyphens?|dash(?:es)?|\.|_|-)`;

export const LAYOUT_RULES: Rule[] = [
  tokenLayoutRule,
  {
    pattern: new RegExp(String.raw`\b${FIRST}${LINK}${SEPARATOR_WORD}${LINK}(?:their\s+|his\s+|her\s+)?${LAST}`, 'i'),
    apply: (match, recognition) => state(recognition, 'pattern', `{first}${separatorOf(match[1]!)}{last}`),
  },
  {
    pattern: new RegExp(String.raw`\b${LAST}${LINK}(?:${SEPARATOR_WORD}${LINK})?(?:their\s+|his\s+|her\s+)?${FIRST}(?![- ]?initial)`, 'i'),
    apply: (match, recognition) => state(recognition, 'pattern', `{last}${match[1] ? separatorOf(match[1]) : ''}{first}`),
  },
  {
    pattern: new RegExp(String.raw`\b(?:separator|delimiter)\s*(?:is|:|=|should be|of)?\s*(?:an?\s+)?["'“‘\x60]?${SEPARATOR_WORD}|\b(?:use|with|separated by|joined (?:by|with)|delimited by|put)\s+(?:an?\s+)?${SEPARATOR_WORD}\s+(?:as\s+(?:the\s+)?separator|between\s+(?:the\s+)?(?:first|given|names|parts|them))|\b${SEPARATOR_WORD}\s+instead of\s+(?:dots?|periods?|underscores?|hyphens?)`, 'i'),
    apply: (match, recognition) => { notesOf(recognition).nameSeparator ??= separatorOf(match[1] ?? match[2] ?? match[3] ?? ''); },
  },
  {
    pattern: /\b(?:no|without(?: an?)?)\s+(?:dots?|periods?|separators?|punctuation|delimiters?)\b(?!\s+before)/i,
    apply: (_match, recognition) => { notesOf(recognition).nameSeparator ??= ''; },
  },
];

/** ".1, .2" or "-2": the clash number written with its separator. */
export const SUFFIX_RULE: Rule = {
  pattern: /(?:^|[\s(,"'“])([._-])(0?\d{1,3})\b(?![.\d])/,
  apply: (match, recognition) => {
    state(recognition, 'separator', match[1]!);
    state(recognition, 'firstSuffix', Number(match[2]));
    if (match[2]!.startsWith('0')) state(recognition, 'suffixDigits', match[2]!.length);
  },
};

export const DOMAIN_RULES: Rule[] = [
  {
    pattern: new RegExp(String.raw`(?<![\w.-])@?\s*(${DOMAIN})`, 'i'),
    apply: (match, recognition) => {
      const domain = match[1]!.toLowerCase();
      const before = leadIn(match);
      if (INTERN.test(before)) recognition.problems.push(`a separate domain for interns (${domain}) is not supported: only contractors can have their own domain`);
      else if (CONTRACTOR.test(before)) state(recognition, 'contractorDomain', domain);
      else state(recognition, 'domain', domain);
    },
  },
  {
    pattern: /\b["'“]?([a-z0-9-]{2,20})["'”]?\s+sub-?domain\b|\bsub-?domain\s+(?:of\s+|called\s+|named\s+)?["'“]?([a-z0-9-]{2,20})["'”]?(?![.\w])/i,
    apply: (match, recognition) => {
      const label = (match[1] ?? match[2]!).toLowerCase();
      if (['a', 'an', 'the', 'own', 'separate', 'different', 'their', 'its'].includes(label)) return;
      notesOf(recognition).subdomain ??= { label, forContractors: CONTRACTOR.test(match.input) };
    },
  },
  {
    pattern: new RegExp(String.raw`(?<![\w.-])([a-z0-9][a-z0-9._-]*)@(${DOMAIN})`, 'i'),
    apply: (match, recognition) => { notesOf(recognition).samples.push({ local: match[1]!.toLowerCase(), domain: match[2]!.toLowerCase(), forContractors: CONTRACTOR.test(leadIn(match)) }); },
  },
  { pattern: /\b(?:company|corporate|work|primary|our|the)\s+domain\b|\bdomains?\b/i },
];

const PREFIX = String.raw`["'“‘\x60]?([a-z0-9]{1,10}[._-]?)["'”’\x60]?`;

export const CONTRACTOR_RULES: Rule[] = [
  {
    pattern: new RegExp(String.raw`\bcontractors?\b[^.]*?\b(?:prefix(?:ed)?|start(?:s|ing)?|begin(?:s|ning)?)\b(?:\s+(?:with|by|of))?\s+(?:an?\s+)?${PREFIX}(?!\S*@)`, 'i'),
    apply: (match, recognition) => state(recognition, 'contractorPrefix', match[1]!.toLowerCase()),
  },
  {
    pattern: new RegExp(String.raw`\bprefix(?:es)?\s+(?:for\s+|all\s+)?contractors?(?:'?\s*(?:addresses|e-?mails?))?\s+(?:with\s+|is\s+|:\s*)?${PREFIX}`, 'i'),
    apply: (match, recognition) => state(recognition, 'contractorPrefix', match[1]!.toLowerCase()),
  },
  {
    pattern: new RegExp(String.raw`\bcontractors?\b[^.]*?\b(?:get|have|receive|with|add|put)\s+${PREFIX}\s*(?:in front|before|at the (?:start|front|beginning)|prepended|as (?:an?\s+)?prefix|prefix)`, 'i'),
    apply: (match, recognition) => state(recognition, 'contractorPrefix', match[1]!.toLowerCase()),
  },
  {
    pattern: /\bcontractors?\b[^.]*?\b(?:same (?:format|pattern|rule|domain|way)|no prefix|like (?:everyone|employees|staff)|treated the same)\b|\bno prefix\b[^.]*?\bcontractors?\b/i,
    apply: (_match, recognition) => state(recognition, 'contractorPrefix', ''),
  },
  { pattern: /\bcontractors?'?\b(?=[^.]*(?:@|domain|prefix|sub-?domain))/i },
];
