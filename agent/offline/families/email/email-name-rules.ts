// How admins say which names go into an address and how they are spelt: the middle initial (always, or
// only on a clash), preferred or legal names, hyphens, extra letter spellings ("ü → ue"), letter case,
// and a limit on the whole address rather than the local part.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { EmailReading } from './email-identifier.ts';
import { asciiFold } from '../../transliterate.ts';
import { notesOf, ON_CLASH } from './email-rules.ts';

const NEGATED = /\b(?:no|not|never|ignore|without|don'?t|do not|drop|skip|exclude)\b(?:\s+\w+){0,2}\s*$/i;
const HYPHEN_VERB = /\b(?:(keep|kept|preserve[sd]?|retain(?:ed)?|stays?|leave)|remove[sd]?|drop(?:ped)?|strip(?:ped)?|delete[sd]?|no|without|lose|join(?:ed)?|squash(?:ed)?)\b/gi;

function transliterate(recognition: Recognition<EmailReading>, letter: string, spelling: string): void {
  const key = letter.normalize('NFC').toLowerCase();
  if (asciiFold(key) === spelling.toLowerCase()) return;
  const table = { ...recognition.params.transliterations, [key]: spelling.toLowerCase() };
  state(recognition, 'transliterations', table, { override: true });
}

export const NAME_RULES: Rule<EmailReading>[] = [
  {
    // Not "Clash → add a number": a word followed by more words is an instruction, not a spelling.
    pattern: /(?<![\p{L}'’-])([\p{Lu}][\p{L}'’-]*)\s*(?:→|->|=>|⇒|becomes|gives|should be|will be)\s*["'“‘]?([a-z-]+)["'”’]?(?![\p{L}@.])(?!\s+(?:a|an|the|one|it|them|number|numbers|suffix|digits?|counter)\b)/u,
    apply: (match, recognition) => { notesOf(recognition).spellings.push({ input: match[1]!, output: match[2]! }); },
  },
  { pattern: /\b(?:someone|somebody|anyone|another (?:user|person|employee))\b[^.]*?\b(?:already\s+)?(?:has|have|holds?|uses?|owns?|got)\s+(?:that|the|this|it|same)\b(?:\s+(?:address|e-?mail|one))?/i },
  {
    pattern: /\bmiddle[- ]?(?:name[- ]?)?initials?\b|\bmiddle names?\b/i,
    apply: (match, recognition) => {
      if (NEGATED.test(match.input.slice(0, match.index))) return;
      notesOf(recognition).middle ??= ON_CLASH.test(match.input) ? 'fallback' : 'always';
    },
  },
  {
    pattern: /\bpreferred[- ]?(?:first[- ]?)?names?\b|\bnick ?names?\b|\bgoes by\b|\bchosen names?\b/i,
    apply: (match, recognition) => state(recognition, 'usePreferredName', !/\b(?:not|never|don'?t|ignore|instead of|rather than|over)\b[^,]*$/i.test(match.input.slice(0, match.index))),
  },
  {
    pattern: /\blegal (?:first )?names?\b|\bofficial (?:first )?names?\b/i,
    apply: (match, recognition) => {
      const before = match.input.slice(0, match.index);
      if (!/\b(?:not|never|instead of|rather than)\b[^,]*$/i.test(before)) state(recognition, 'usePreferredName', false);
    },
  },
  {
    pattern: /\bhyphen(?:s|ated)?\b|\bdouble[- ]barrel+ed\b/i,
    apply: (match, recognition) => {
      // The nearest verb before the word decides ("remove spaces and hyphens", "keep hyphens"), else one after it.
      const before = match.input.slice(0, match.index).split(/;|\bbut\b|\bwhile\b/i).at(-1) ?? '';
      const after = match.input.slice(match.index).split(/[,;]|\bbut\b|\bwhile\b/i)[0] ?? '';
      const verbs = [...before.matchAll(HYPHEN_VERB)].at(-1) ?? [...after.matchAll(HYPHEN_VERB)][0];
      if (verbs) state(recognition, 'keepHyphens', Boolean(verbs[1]));
    },
  },
  {
    pattern: /\b(?:(?:convert|expand|spell(?:ed)? out|transliterate|write|map|replace)\w*\s+)?(?:the\s+)?(?:german\s+)?(?:umlauts?|german)\b[^.]*?\b(?:ae|oe|ue)\b(?:[\s,/]*(?:and\s+|or\s+|&\s*)?(?:ae|oe|ue)\b)*|\bexpand\w*\s+(?:the\s+)?(?:german\s+)?umlauts?\b/i,
    apply: (_match, recognition) => {
      for (const [letter, spelling] of [['ä', 'ae'], ['ö', 'oe'], ['ü', 'ue']] as const) transliterate(recognition, letter, spelling);
    },
  },
  {
    pattern: /(?<![\p{L}])([^\x00-\x7F])\s*(?:→|->|=>|becomes|should become|become|as|to|=|should be|turns into|maps to|is written as|is spelt|is spelled|changes to|converts? to)\s*["'“‘]?([a-z]{1,3})["'”’]?(?![\p{L}])/iu,
    apply: (match, recognition) => transliterate(recognition, match[1]!, match[2]!),
  },
  {
    pattern: /\bupper[- ]?case\b|\bcapitali[sz]\w*\b|\bcapital letters?\b|\ball caps\b|\btitle[- ]?case\b|\bcamel[- ]?case\b/i,
    apply: (match, recognition) => {
      if (!NEGATED.test(match.input.slice(0, match.index))) recognition.problems.push('addresses are made in lower case (mail systems compare them case-insensitively); capital letters are not supported');
    },
  },
  {
    // A length is the local part's ("before the @"), unless said of the whole address.
    pattern: /\b(?:whole|entire|full|total|complete)\b[^.]*?\b(?:address|e-?mail)\b|\bincluding (?:the )?(?:domain|@)/i,
    apply: (_match, recognition) => { notesOf(recognition).wholeAddress = true; },
  },
  {
    pattern: /\blocal[- ]?parts?\b|\b(?:before|left of|in front of) the @|\bthe part before\b|\bmailbox names?\b/i,
    apply: (_match, recognition) => { notesOf(recognition).wholeAddress ??= false; },
  },
];
