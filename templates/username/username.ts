import { defineFunction } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** Longest username, clash number included (AD sAMAccountName: 20). */
  maxLength: number;
  /** Between the base and the clash number: "" gives jsmith1, "." gives jsmith.1. */
  separator: string;
  /** The first number tried when the base is taken. */
  firstSuffix: number;
  /** Candidates tried, the unnumbered base included, before giving up. */
  maxAttempts: number;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "generate-username",
  "maxLength": 20,
  "separator": "",
  "firstSuffix": 1,
  "maxAttempts": 1000
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

/** The base for attempt 0, then base + separator + number, the base cut so the whole fits maxLength. */
function candidate(base: string, attempt: number): string {
  const suffix = attempt === 0 ? '' : `${PARAMS.separator}${PARAMS.firstSuffix + attempt - 1}`;
  const room = PARAMS.maxLength - suffix.length;
  if (room < 1) throw new Error(`cannot fit a username within ${PARAMS.maxLength} characters with suffix "${suffix}"`);
  return base.slice(0, room) + suffix;
}

export default defineFunction({
  name: PARAMS.functionName,
  description:
    `First initial + last name, lowercase ASCII, numbered on a clash from ${PARAMS.firstSuffix}, ` +
    `at most ${PARAMS.maxLength} characters; retired names are never reused.`,
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const first = normalizeName(event.person.firstName);
    const last = normalizeName(event.person.lastName);
    if (first === '' || last === '') {
      const field = first === '' ? 'firstName' : 'lastName';
      const value = JSON.stringify(event.person[field]);
      throw new Error(`cannot generate a username: ${field} ${value} has no letters or digits after transliteration`);
    }
    // The initial is taken after normalising, so Øystein gives "o" and Þór gives "t".
    const base = first.charAt(0) + last;
    for (let attempt = 0; attempt < PARAMS.maxAttempts; attempt += 1) {
      const username = candidate(base, attempt);
      // isUsernameTaken covers every user, active or disabled, and every retired name.
      if (!(await ctx.directory.isUsernameTaken(username))) {
        ctx.log.info('username chosen', { username, attempts: attempt + 1 });
        return { username };
      }
    }
    throw new Error(`no free username for base "${base}" after ${PARAMS.maxAttempts} attempts`);
  },
});
