// Identifier shapes beyond a pattern of whole names and initials: first N letters of a name part, letters
// only, the admin's own transliterations, fallbacks for empty name parts, logins from the employee id,
// taken → error, rehires by employee id. Each rule writes a field of the identifier rule.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { IdentifierRule } from './identifier-rule.ts';
import { asciiFold } from '../../transliterate.ts';

const COUNT = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)`;
const COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const count = (text: string | undefined) => COUNTS[(text ?? '').toLowerCase()] ?? Number(text);
const FIRST_NAME = String.raw`(?:the\s+|their\s+)?(?:first|given)[- ]?name`;
const LAST_NAME = String.raw`(?:the\s+|their\s+)?(?:last|sur|family)(?:[- ]?name)?`;
const LETTERS = String.raw`(?:\s+(?:letters?|characters?|chars?))?`;
const PLUS = String.raw`\s*(?:\+|plus|and|followed by|then|,)\s*`;

/** "first 3 letters of the first name + first 5 of the last" → {first:3}{last:5}. */
const FIRST_N_OF_BOTH = new RegExp(
  String.raw`\bfirst\s+${COUNT}${LETTERS}\s+of\s+${FIRST_NAME}${PLUS}(?:the\s+)?first\s+${COUNT}${LETTERS}\s+of\s+${LAST_NAME}`,
  'i',
);
/** "first name + first letter of the last name" → {first}{l}. */
const FIRST_AND_LAST_INITIAL = new RegExp(String.raw`\b(?:full\s+)?${FIRST_NAME}${PLUS}(?:the\s+)?(?:first\s+letter|initial)\s+of\s+${LAST_NAME}`, 'i');
/** "first initial + middle initial + last name" in a list of forms → {f}{m}{last}. */
const FIRST_MIDDLE_LAST_INITIALS = new RegExp(String.raw`\bfirst initial${PLUS}(?:the\s+)?middle initial${PLUS}(?:the\s+)?${LAST_NAME}`, 'i');
/** "full first name + last name" in a list of forms → {first}{last}. */
const FULL_FIRST_AND_LAST = new RegExp(String.raw`\bfull\s+${FIRST_NAME}${PLUS}(?:the\s+)?${LAST_NAME}`, 'i');

function applyTransliteration(match: RegExpExecArray, recognition: Recognition<IdentifierRule>): void {
  const from = (match[1] ?? '').toLowerCase();
  const to = (match[2] ?? '').toLowerCase();
  if (asciiFold(from) === to) return;
  const table = { ...(recognition.params.transliterations), [from]: to };
  state(recognition, 'transliterations', table, { override: true });
}

export const IDENTIFIER_SHAPE_RULES: Rule<IdentifierRule>[] = [
  { pattern: FIRST_N_OF_BOTH, apply: (match, recognition) => state(recognition, 'pattern', `{first:${count(match[1])}}{last:${count(match[2])}}`) },
  { pattern: FIRST_AND_LAST_INITIAL, apply: (_match, recognition) => state(recognition, 'pattern', '{first}{l}') },
  { pattern: FULL_FIRST_AND_LAST, apply: (_match, recognition) => addForm(recognition, '{first}{last}') },
  { pattern: FIRST_MIDDLE_LAST_INITIALS, apply: (_match, recognition) => addForm(recognition, '{f}{m}{last}') },
  { pattern: /\bshort names?\b[^.;]*?\b(?:whatever is there|as (?:they are|is)|what(?:ever)? they have)\b/i },
  // "letters only", "a-z only", "only letters count": digits in names are dropped too.
  {
    pattern: /\bletters only\b|\bonly letters\b|\ba-z only\b|\blowercase a-z\b|\bany a-z letters\b/i,
    apply: (_match, recognition) => state(recognition, 'keepDigits', false),
  },
  { pattern: /\b(?:anything|everything) else is dropped(?: before counting)?\b|\bdropped before counting\b/i },
  // The admin's own spelling of a letter: "ø→o (not oe!)" wins over the default table.
  { pattern: /([^\s\p{ASCII}])\s*(?:→|->|=>)\s*([a-z]{1,3})\b(?:\s*\(not\s+[a-z]{1,3}!?\))?/iu, apply: applyTransliteration },
  // Empty name parts.
  {
    pattern: /\bif (?:one|either) (?:name )?part is (?:empty|blank|missing)(?:\/blank)?\b[^.;]*?\b(?:use|take) the other(?: one)?(?: on its own| alone)?\b/i,
    apply: (_match, recognition) => state(recognition, 'whenPartEmpty', 'other-part'),
  },
  { pattern: /\b(?:only have one name|leaves? (?:the )?(?:last|first) ?name blank|fills? (?:in )?(?:the )?first ?name|the other way round)\b/i },
  {
    pattern: /\bif neither (?:name )?part has\b[^;]*?\buse\s+["'“‘]?([a-z]{1,6})["'”’]?\s*\+\s*(?:the\s+)?employee ?id\b(?:\s+in lower ?case)?/i,
    apply: (match, recognition) => state(recognition, 'noNamePrefix', (match[1] ?? '').toLowerCase()),
  },
  { pattern: /\b(?:only|just) in (?:chinese|japanese|korean|arabic|cyrillic|greek) characters\b|\b[A-Z]\d{3,}\s*(?:→|->)\s*[a-z]+\d+\b/ },
  // Logins from the employee id: "'emp' + the digits of the employee id zero-padded to 6".
  {
    pattern: /["'“‘]([a-z]{1,6})["'”’]\s*\+\s*(?:the\s+)?digits of (?:the|their) employee ?id(?:,?\s*zero[- ]padded to (\d{1,2}))?/i,
    apply: (match, recognition) => state(recognition, 'pattern', `${(match[1] ?? '').toLowerCase()}{id:${match[2] ?? 0}}`),
  },
  { pattern: /\blonger ids stay as they are\b|\bids look like\b[^.;]*|\bonly the digits count\b|\bno digits in the id\b[^.;]*?\berror\b/i },
  {
    pattern: /\bcontractors?\s*:?\s*(?:get\s+|use\s+)?["'“‘]([a-z0-9._-]{1,8})["'”’]\s+instead of\s+["'“‘]([a-z0-9._-]{1,8})["'”’]/i,
    apply: (match, recognition) => state(recognition, 'contractorPattern', recognition.params.pattern.replace(match[2] ?? '', match[1] ?? '')),
  },
  // A taken name is an error, not numbered: ids are unique.
  {
    pattern: /\b(?:already )?taken\b[^.;]*?(?:→|->|:|,)?\s*(?:throw|raise|fail with) an error\b|\bdon'?t invent another(?: one)?\b/i,
    apply: (_match, recognition) => state(recognition, 'whenTaken', 'error'),
  },
  { pattern: /\bit means hr reused an id\b/i },
  { pattern: /\b(?:employee ?ids?|ids?|zero[- ]padded|neither|anyone|throw|error)\b/i },
  // Rehires: look the person up by employee id and give the old username back.
  {
    pattern: /\brehires? keep (?:their|the) old (?:login|username)\b|\blook (?:the person|them) up in the directory by employee ?id\b|\bsame username back\b/i,
    apply: (_match, recognition) => state(recognition, 'rehireByEmployeeId', true),
  },
  { pattern: /\bpeople leave and come back\b|\ban account with that employee ?id\b|\bbefore building a new username\b/i },
  // Forms tried in order: "in this order, first free one wins".
  { pattern: /\bin this order\b|\bfirst free one wins\b|\bonly if they have a middle name\b/i },
  {
    pattern: /\b(\d)(?:,\s*\d)+(?:\s*(?:\.{3}|…))?\s+(?:added|appended)\b/,
    apply: (match, recognition) => state(recognition, 'firstSuffix', Number(match[1])),
  },
  // Where taken names come from: all of these are taken already.
  { pattern: /\b(?:taken means|anyone in the directory|incl\.?|including|active|disabled|inactive|deactivated|anybody)\b/i },
  { pattern: /\bsomeone who left(?: years ago)?\b/i },
  // Clash numbering the generated body already does: case-insensitive, right after the name, cut to fit.
  { pattern: /\bcompare\b[^.;]*\bcase\b|\bis the same login as\b|\bright after (?:it|the name|the last name)\b|\bno dot\b|\bwhole thing still fits\b/i },
  { pattern: /\bnever end (?:with|in) a\b|\bdrop the dot\b|\bafter cutting\b/i },
];

/** A second form stated after the first becomes the next fallback, in the order written. */
function addForm(recognition: Recognition<IdentifierRule>, pattern: string): void {
  if (!recognition.stated.has('pattern')) {
    state(recognition, 'pattern', pattern);
    return;
  }
  const forms = recognition.params.fallbackPatterns;
  if (recognition.params.pattern !== pattern && !forms.includes(pattern)) recognition.params.fallbackPatterns = [...forms, pattern];
}
