// Username phrases beyond the shared identifier rules: numbered examples ("jsmith1, jsmith2"), digit
// counts, capitals, worked examples in any case, and transliteration tables the admin spells out.

import { separatorNamed } from '../../grammar/shared-rules.ts';
import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { IdentifierRule } from './identifier-rule.ts';

const ARROW = String.raw`\s*(?:→|->|=>|⇒)\s*`;
const QUOTE_OPEN = '["\'`“‘]?';
const QUOTE_CLOSE = '["\'`”’]?';
const NOT_A_NAME = /\b(?:with|name|names|the|of|and|or|for|if|is|are|preferred|first|last|initial|surname|number|same|taken)\b/i;

function addExample(recognition: Recognition<IdentifierRule>, written: string, output: string): void {
  // "So Alexander Johnson → alejohns": the connecting word is not part of the name.
  const input = written.replace(/^(?:so|thus|hence|like|e\.g\.?|eg|i\.e\.?)\s+/i, '');
  if (NOT_A_NAME.test(input)) return;
  // The lower-case form also matches the tail of "Anna van der Berg → aberg": keep the whole name.
  if (recognition.examples.some((example) => example.output === output && example.input.endsWith(input.trim()))) return;
  recognition.examples.push({ input: input.trim(), output: output.replace(/[.,;:]+$/, '') });
}

export const USERNAME_RULES: Rule<IdentifierRule>[] = [
  // "John Smith → jsmith", "(John Smith = jsmith)", "mary smith-jones -> msmithjones"
  { pattern: new RegExp(String.raw`([\p{Lu}][\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,3}?)(?:${ARROW}|\s+=\s+|\s+(?:becomes|gives|gets|should be|will be|maps to|turns into)\s+)${QUOTE_OPEN}([A-Za-z0-9._-]+)${QUOTE_CLOSE}`, 'u'), apply: (match, recognition) => addExample(recognition, (match[1] ?? ''), (match[2] ?? '')) },
  { pattern: new RegExp(String.raw`(?<![\p{L}])([\p{Ll}][\p{Ll}'’-]+(?:\s+[\p{Ll}'’-]+){1,3}?)${ARROW}${QUOTE_OPEN}([a-z0-9._-]+)${QUOTE_CLOSE}`, 'u'), apply: (match, recognition) => addExample(recognition, (match[1] ?? ''), (match[2] ?? '')) },
  // "(Robert with preferred name Bob → bob.smith)": understood, shown by the preferred-name fixture.
  { pattern: new RegExp(String.raw`\b[\p{Lu}][\p{L}]+\s+with\s+(?:a\s+|the\s+)?preferred\s+(?:first\s+)?name\s+[\p{Lu}][\p{L}]+${ARROW}[A-Za-z0-9._-]+`, 'u') },
  // Numbered examples: "jsmith1, jsmith2", "john.smith01", "JSMITH.1", "c-jsmith1".
  {
    pattern: /\b[a-z][a-z._-]*[a-z]([._-]?)(0?\d{1,2})\b(?:\s*(?:,|and|or)\s*[a-z][a-z._-]*[a-z][._-]?0?\d{1,2}\b)*/i,
    apply: (match, recognition) => {
      if (!recognition.stated.has('separator')) recognition.params.separator = (match[1] ?? '');
      if (!recognition.stated.has('firstSuffix')) recognition.params.firstSuffix = Number(match[2]);
      if ((match[2] ?? '').length > 1 && (match[2] ?? '').startsWith('0')) state(recognition, 'suffixDigits', (match[2] ?? '').length);
    },
  },
  { pattern: /\b(two|2|three|3)[- ]digits?\b/i, apply: (match, recognition) => state(recognition, 'suffixDigits', /two|2/.test((match[1] ?? '')) ? 2 : 3) },
  { pattern: /\b(?:in\s+)?(?:all\s+)?capitals\b|\ball upper\b|\bupper ?case letters\b/i, apply: (_match, recognition) => state(recognition, 'case', 'upper') },
  {
    pattern: /\b(?:add|append|put|use|then)\s+(?:an?\s+)?(dot|period|underscore|hyphen|dash)\s+(?:and|then|plus|followed by)\s+(?:an?\s+)?(?:number|digit|counter)/i,
    apply: (match, recognition) => state(recognition, 'separator', separatorNamed(match[1] ?? '')),
  },
  { pattern: /\btaken\b|\bin use\b|\bexists?\b|\bclash\b/i },
  { pattern: /\b(?:never|not|don'?t|do not|no)\b[^.]*?\b(?:hand(?:ed)? out|give (?:out|away)|used before|been used|come back|comes back|reissue\w*|recycle\w*)\b|\beven if\b[^.]*\bleft\b/i },
  { pattern: /\b(?:squash(?:ed)?|smush(?:ed)?|mash(?:ed)?|run|joined|glued|stuck)\s+together\b|\bstick\s+(?:a\s+)?number\s+on\s+the\s+end\b|\bon the end\b|\bat the end\b/i },
];

export const USERNAME_VOCABULARY: RegExp[] = [
  /\b(?:includ(?:ed|ing|es)|prefix(?:es|ed)?|suffix(?:es|ed)?|numbers?|stand out|decompos\w*|entra'?s?|normali[sz]ediacritics|the way|does|every other|simply|double-barrel+ed|multi-part|form|forms|too|only|fail|there is|stick|tack|slap|glue)\b/gi,
  /\b(?:someone|somebody|anyone|another (?:user|person))(?: else)? (?:already )?(?:has|have|got|holds?|uses?|owns?) (?:it|that|the name|this name|the username|that name|that username)\b/gi,
];
