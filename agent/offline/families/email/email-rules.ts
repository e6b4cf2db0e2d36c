// How admins name the domain ("@acme.com", "at acme dot com", "the ext subdomain"), write addresses out
// ("e.g. john.smith@acme.com"), number clashes (".1, .2") and mark contractors (a prefix or their own
// domain); and the notes the email rules keep for `finish` (email-settle.ts), where parameters the
// template names differently are settled.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { EmailReading } from './email-identifier.ts';

export interface EmailNotes {
  nameSeparator?: string;
  /** Layouts written after the first one ("if taken, first.middle.last"), in the shared rules' form. */
  fallbackLayouts: string[];
  /** Where layouts were read, so that a phrase inside another is not read twice. */
  layoutSpans: Array<{ input: string; start: number; end: number }>;
  middle?: 'always' | 'fallback';
  subdomain?: { label: string; forContractors: boolean };
  wholeAddress?: boolean;
  /** How one name is spelt ("Zoë -> zoe", "Müller → mueller"), checked once the spellings are known. */
  spellings: Array<{ input: string; output: string }>;
  /** Addresses written out in the requirement ("e.g. john.smith@acme.com"), decoded in finish. */
  samples: Array<{ local: string; domain: string; forContractors: boolean; mentionsContractors: boolean }>;
}

const NOTES = new WeakMap<Recognition, EmailNotes>();

export function notesOf(recognition: Recognition): EmailNotes {
  let notes = NOTES.get(recognition);
  if (!notes) NOTES.set(recognition, (notes = { samples: [], spellings: [], fallbackLayouts: [], layoutSpans: [] }));
  return notes;
}

export const ON_CLASH = /\b(?:taken|exists?|in use|clash\w*|collid\w*|conflict\w*|duplicates?|not unique|not available|fall\s?back|instead|already|otherwise|else)\b/i;

const TLD = 'com|org|net|io|co|uk|de|fr|nl|se|no|dk|fi|eu|ch|at|be|es|it|pl|us|ca|au|nz|jp|in|ai|dev|app|tech|cloud|biz|info|edu|gov|local|corp|internal|example|test|xyz|ie|lan';
export const DOMAIN = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:${TLD})(?![a-z0-9-])`;
const CONTRACTOR = /\b(?:contractors?|externals?|freelancers?|consultants?|vendors?|temps?|non-employees?)\b/i;
const INTERN = /\b(?:interns?|students?|trainees?|apprentices?)\b/i;

/** The words of the clause that lead up to `index`, from the last comma, semicolon or "but". */
function leadIn(match: RegExpExecArray): string {
  const segments = match.input.slice(0, match.index).split(/[,;:]|\bbut\b|\bwhile\b|\bwhereas\b|\bexcept\b/i);
  const last = segments.at(-1) ?? '';
  // "Contractors get the same format but on @partners.acme.io": a bare "on" continues the segment before.
  return /^\s*(?:on|at|with|under)?\s*$/i.test(last) ? `${segments.at(-2) ?? ''}${last}` : last;
}

/** ".1, .2" or "-2": the clash number written with its separator. */
export const SUFFIX_RULE: Rule<EmailReading> = {
  pattern: /(?:^|[\s(,"'“])([._-])(0?\d{1,3})\b(?![.\d])/,
  apply: (match, recognition) => {
    state(recognition, 'separator', match[1]!);
    state(recognition, 'firstSuffix', Number(match[2]));
    if (match[2]!.startsWith('0')) state(recognition, 'suffixDigits', match[2]!.length);
  },
};

export const DOMAIN_RULES: Rule<EmailReading>[] = [
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
    apply: (match, recognition) => { notesOf(recognition).samples.push({ local: match[1]!.toLowerCase(), domain: match[2]!.toLowerCase(), forContractors: CONTRACTOR.test(leadIn(match)), mentionsContractors: CONTRACTOR.test(match.input) }); },
  },
  {
    // A local part written without its domain ("use john.smith1, john.smith2"): lower case, from the sample names.
    pattern: /(?<![\w.@-])((?:[a-z]+[._-]?)?(?:smith|doe)(?:[._-]?[a-z]+)?(?:[._-]?\d{1,3})?)(?![\w@.-]|\.\w)/,
    apply: (match, recognition) => { notesOf(recognition).samples.push({ local: match[1]!, domain: '', forContractors: CONTRACTOR.test(leadIn(match)), mentionsContractors: CONTRACTOR.test(match.input) }); },
  },
  {
    // "at acme dot com": a domain spelt out.
    pattern: new RegExp(String.raw`\b(?:at|@)\s+([a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*\s+dot\s+(?:${TLD}))\b`, 'i'),
    apply: (match, recognition) => state(recognition, 'domain', match[1]!.toLowerCase().replace(/\s+dot\s+/g, '.')),
  },
  { pattern: /\b(?:company|corporate|work|primary|our|the)\s+domain\b|\bdomains?\b/i },
];

const PREFIX = String.raw`["'“‘\x60]?([a-z0-9]{1,10}[._-]?)["'”’\x60]?`;

export const CONTRACTOR_RULES: Rule<EmailReading>[] = [
  {
    pattern: new RegExp(String.raw`\bcontractors?\b[^.]*?\b(?:prefix(?:ed)?|start(?:s|ing)?|begin(?:s|ning)?)\b(?:\s+(?:with|by|of))?\s+(?:an?\s+)?${PREFIX}(?!\S*@)`, 'i'),
    apply: (match, recognition) => state(recognition, 'contractorPrefix', match[1]!.toLowerCase()),
  },
  {
    pattern: new RegExp(String.raw`\bprefix(?:es)?\s+(?:for\s+|all\s+)?contractors?(?:'?\s*(?:addresses|e-?mails?))?\s+(?:with\s+|is\s+|:\s*)?${PREFIX}`, 'i'),
    apply: (match, recognition) => state(recognition, 'contractorPrefix', match[1]!.toLowerCase()),
  },
  {
    pattern: new RegExp(String.raw`\bcontractors?\b[^.]*?(?:\b(?:get|have|receive|with|add|put)\s+|\s*(?:[:=→]|->)\s*)${PREFIX}\s*(?:in front|before|at the (?:start|front|beginning)|prepended|as (?:an?\s+)?prefix|prefix)`, 'i'),
    apply: (match, recognition) => state(recognition, 'contractorPrefix', match[1]!.toLowerCase()),
  },
  {
    pattern: /\bcontractors?\b[^.]*?\b(?:same (?:format|pattern|rule|domain|way)|no prefix|like (?:everyone|employees|staff)|treated the same)\b|\bno prefix\b[^.]*?\bcontractors?\b/i,
    apply: (_match, recognition) => state(recognition, 'contractorPrefix', ''),
  },
  { pattern: /\bcontractors?'?\b(?=[^.]*(?:@|domain|prefix|sub-?domain))/i },
];
