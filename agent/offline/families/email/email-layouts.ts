// How admins write the layout of the local part: as one word ("first.last", "f.last", "flast",
// "firstname_lastname", "{first}.{last}"), in prose ("first name, a dot, then last name", "last name then
// first name"), with a separator said apart ("use underscores instead of dots"), and a second layout for
// clashes ("if taken, first.middle.last").

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { EmailReading } from './email-identifier.ts';
import type { Patterned } from '../../grammar/name-patterns.ts';
import { notesOf, ON_CLASH } from './email-rules.ts';

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
const tokenLayoutRule: Rule<Patterned> = {
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

const FIRST = String.raw`(?:first|given|fore|preferred(?: first)?)[- ]?name(?:\s*\([^)]*\))?`;
const LAST = String.raw`(?:last|sur|family)[- ]?name`;
const LINK = String.raw`[\s,]*(?:(?:followed by|then|plus|and|\+)\s*)?(?:an?\s+|the\s+)?`;
const SEPARATOR_WORD = String.raw`(dots?|periods?|underscores?|hyphens?|dash(?:es)?|\.|_|-)`;

/** A rule that states a layout, made to treat a second layout as a fallback when its sentence is about
 *  clashes ("if taken, first.middle.last") and as a contradiction otherwise. */
export function layoutRule(rule: Rule): Rule<EmailReading> {
  return {
    pattern: rule.pattern,
    apply: (match, recognition) => {
      const scratch: Recognition<Patterned> = { params: {}, assumptions: [], problems: [], examples: [], stated: new Set() };
      rule.apply?.(match, scratch);
      const layout = scratch.params.pattern;
      if (typeof layout !== 'string') return;
      // A shorter phrase inside one already read ("first name + last name" in "first letter of first name + last name") is that one.
      const notes = notesOf(recognition);
      const end = match.index + match[0].length;
      if (notes.layoutSpans.some((span) => span.input === match.input && span.start <= match.index && end <= span.end)) return;
      notes.layoutSpans.push({ input: match.input, start: match.index, end });
      const current = recognition.params.pattern;
      if (!recognition.stated.has('pattern')) state(recognition, 'pattern', layout);
      else if (layout === current || notesOf(recognition).fallbackLayouts.includes(layout)) return;
      else if (ON_CLASH.test(match.input)) notesOf(recognition).fallbackLayouts.push(layout);
      else {
        const problem = `two layouts are given (${String(current)} and ${layout}); say which one applies, or that the second is for clashes`;
        if (!recognition.problems.includes(problem)) recognition.problems.push(problem);
      }
    },
  };
}

const MIDDLE = String.raw`(middle[- ]?(?:name[- ]?)?initial|middle[- ]?name)`;
const SEPARATED = String.raw`[\s,]*(?:(?:all|each)\s+)?(?:separated|joined|delimited|split)\s+(?:by|with)\s+(?:an?\s+)?${SEPARATOR_WORD}`;

export const LAYOUT_RULES: Rule<Patterned>[] = [
  tokenLayoutRule,
  {
    // "first name, middle initial, last name, separated by dots": three parts, the separator said after them.
    pattern: new RegExp(String.raw`\b${FIRST}${LINK}(?:their\s+|his\s+|her\s+)?${MIDDLE}${LINK}(?:their\s+|his\s+|her\s+)?${LAST}${SEPARATED}`, 'i'),
    apply: (match, recognition) => {
      const separator = separatorOf(match[2]!);
      state(recognition, 'pattern', `{first}${separator}${/initial/i.test(match[1]!) ? '{m}' : '{middle}'}${separator}{last}`);
    },
  },
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

