import { defineFunction } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** The base: {first} {f} (first initial) {middle} {m} {last} {l}, and literal separators such as "." */
  pattern: string;
  /** Patterns tried in order after `pattern` and before any number, e.g. "{f}{m}{last}" (middle initial). */
  fallbackPatterns: string[];
  /** "lower" or "upper". */
  case: 'lower' | 'upper';
  /** Longest username, prefix and clash number included (AD sAMAccountName: 20). */
  maxLength: number;
  /** Between the base and the clash number: "" gives jsmith1, "." gives jsmith.1. */
  separator: string;
  /** The first number tried when the base is taken. */
  firstSuffix: number;
  /** Minimum digits of the clash number: 2 gives jsmith01. */
  suffixDigits: number;
  /** Candidates tried, the unnumbered base included, before giving up. */
  maxAttempts: number;
  /** Put in front of a contractor's username, e.g. "x-" or "c_"; "" for none. */
  contractorPrefix: string;
  /** Use preferredName instead of firstName when it is set. */
  usePreferredName: boolean;
  /** Hyphenated or multi-part last names: "join" all parts, or keep only the "first" or "last" part. */
  lastNamePart: 'join' | 'first' | 'last';
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "generate-username",
  "pattern": "{f}{last}",
  "fallbackPatterns": [],
  "case": "lower",
  "maxLength": 20,
  "separator": "",
  "firstSuffix": 1,
  "suffixDigits": 1,
  "maxAttempts": 1000,
  "contractorPrefix": "",
  "usePreferredName": false,
  "lastNamePart": "join"
};
/* joinery:params:end */

// Letters that Unicode decomposition (NFKD) leaves as they are, spelt the way Entra's
// NormalizeDiacritics does (ø→oe, ß→ss, æ→ae, ł→l) plus đ→d and þ→th, which its table lacks.
const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae',
  ð: 'd',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  ø: 'oe',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ŧ: 't',
};

/** Lowercase ASCII letters and digits only: transliterate, decompose, drop marks and everything else. */
function normalizeName(name: string): string {
  const decomposed = name.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
  const transliterated = Array.from(decomposed, (character) => TRANSLITERATIONS[character] ?? character).join('');
  return transliterated.replace(/[^a-z0-9]/g, '');
}

/** The last name part the rule uses: multi-part names split on hyphens and spaces. */
function lastNameOf(lastName: string): string {
  const parts = lastName.split(/[\s\u2010-\u2015-]+/).filter((part) => normalizeName(part) !== '');
  if (PARAMS.lastNamePart === 'first' && parts.length > 0) return parts[0]!;
  if (PARAMS.lastNamePart === 'last' && parts.length > 0) return parts[parts.length - 1]!;
  return lastName;
}

/** A pattern filled with the normalised name parts; undefined when it needs a middle name there is none of. */
function fillPattern(pattern: string, parts: Record<string, string>): string | undefined {
  let missing = false;
  const filled = pattern.replace(/\{(first|f|middle|m|last|l)\}/g, (_match, key: string) => {
    const value = parts[key] ?? '';
    if (value === '') missing = true;
    return value;
  });
  if (missing) return undefined;
  const cased = PARAMS.case === 'upper' ? filled.toUpperCase() : filled.toLowerCase();
  return cased.replace(/[^A-Za-z0-9._-]/g, '');
}

/** prefix + base, then prefix + base + separator + number, the base cut so the whole fits maxLength. */
function candidate(prefix: string, base: string, number: number | undefined): string {
  const suffix = number === undefined ? '' : `${PARAMS.separator}${String(number).padStart(PARAMS.suffixDigits, '0')}`;
  const room = PARAMS.maxLength - prefix.length - suffix.length;
  if (room < 1) throw new Error(`cannot fit a username within ${PARAMS.maxLength} characters with "${prefix}" and "${suffix}"`);
  // A cut never leaves a trailing "." or "-" (AD refuses names ending in a period).
  return prefix + base.slice(0, room).replace(/[._-]+$/, '') + suffix;
}

export default defineFunction({
  name: PARAMS.functionName,
  description:
    `Usernames as ${PARAMS.pattern}, ${PARAMS.case}case ASCII, numbered on a clash from ${PARAMS.firstSuffix}, ` +
    `at most ${PARAMS.maxLength} characters; retired names are never reused.`,
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const person = event.person;
    const firstSource = PARAMS.usePreferredName && person.preferredName?.trim() ? person.preferredName : person.firstName;
    const first = normalizeName(firstSource);
    const last = normalizeName(lastNameOf(person.lastName));
    if (first === '' || last === '') {
      const field = first === '' ? (firstSource === person.firstName ? 'firstName' : 'preferredName') : 'lastName';
      const value = JSON.stringify(field === 'lastName' ? person.lastName : firstSource);
      throw new Error(`cannot generate a username: ${field} ${value} has no letters or digits after transliteration`);
    }
    const middle = normalizeName(person.middleName ?? '');
    // Initials are taken after normalising, so Øystein gives "o" and Þór gives "t".
    const parts = { first, f: first.charAt(0), middle, m: middle.charAt(0), last, l: last.charAt(0) };
    const prefix = person.employmentType === 'contractor' ? PARAMS.contractorPrefix : '';
    const bases = [PARAMS.pattern, ...PARAMS.fallbackPatterns].map((pattern) => fillPattern(pattern, parts)).filter((base): base is string => Boolean(base));
    if (bases.length === 0) throw new Error(`cannot generate a username: the pattern ${PARAMS.pattern} needs a name part this person lacks`);
    const tries = [...bases.map((base) => ({ base, number: undefined as number | undefined }))];
    for (let attempt = 0; tries.length < PARAMS.maxAttempts; attempt += 1) tries.push({ base: bases[0]!, number: PARAMS.firstSuffix + attempt });
    for (const [index, next] of tries.entries()) {
      const username = candidate(prefix, next.base, next.number);
      // reserveUsername refuses every user's name (active or disabled), every retired name and names other
      // events hold right now, and claims the name atomically: two joiners at once never get the same one.
      if (await ctx.directory.reserveUsername(username)) {
        ctx.log.info('username chosen', { username, attempts: index + 1 });
        return { username };
      }
    }
    throw new Error(`no free username for base "${bases[0]}" after ${PARAMS.maxAttempts} attempts`);
  },
});
