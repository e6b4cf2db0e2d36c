import { defineFunction } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** Domain after the @ for employees and interns. */
  domain: string;
  /** Local part layout; placeholders {first} {last} {middle} {firstInitial} {middleInitial} {lastInitial} {sep}. */
  pattern: string;
  /** Layouts tried in order after `pattern` and before any number, e.g. "{first}{sep}{middleInitial}{sep}{last}";
   *  one that needs a middle name the person lacks is skipped. */
  fallbackPatterns: string[];
  /** What {sep} stands for: ".", "-", "_" or "". */
  separator: string;
  /** Use preferredName instead of firstName when it is set. */
  usePreferredName: boolean;
  /** Keep the hyphen of a hyphenated name (smith-jones); false joins the parts (smithjones). */
  keepHyphens: boolean;
  /** Extra spellings applied before the built-in ones, e.g. {"ü": "ue"} for the German convention. */
  transliterations: Record<string, string>;
  /** The first number appended on a clash: 2 gives john.smith2. */
  firstSuffix: number;
  /** Between the local part and the clash number: "" gives john.smith2, "." gives john.smith.2. */
  suffixSeparator: string;
  /** Minimum digits of the clash number: 2 gives john.smith02. */
  suffixDigits: number;
  /** Longest local part, prefix and clash number included (RFC 5321 and Entra UPN prefix: 64). */
  maxLocalPartLength: number;
  /** Candidates tried, the unnumbered ones included, before giving up. */
  maxAttempts: number;
  /** Put in front of a contractor's local part ("ext." gives ext.john.smith); "" for none. */
  contractorPrefix: string;
  /** Domain for contractors, e.g. "contractors.example.com"; "" means the same domain as employees. */
  contractorDomain: string;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "generate-work-email",
  "domain": "example.com",
  "pattern": "{first}{sep}{last}",
  "fallbackPatterns": [],
  "separator": ".",
  "usePreferredName": true,
  "keepHyphens": true,
  "transliterations": {},
  "firstSuffix": 2,
  "suffixSeparator": "",
  "suffixDigits": 1,
  "maxLocalPartLength": 64,
  "maxAttempts": 100,
  "contractorPrefix": "ext.",
  "contractorDomain": ""
};
/* joinery:params:end */

// Letters that NFKD leaves as they are, spelt as Entra's NormalizeDiacritics does (ø→oe, ß→ss, æ→ae,
// ł→l) plus đ→d, ð→d, þ→th and the dotless ı, which its table lacks. Everything else not ASCII is dropped.
const TRANSLITERATIONS: Record<string, string> = {
  æ: 'ae', ð: 'd', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ø: 'oe', œ: 'oe', ß: 'ss', þ: 'th', ŧ: 't',
};

/** Lowercase ASCII letters, digits and (with keepHyphens) inner hyphens; spaces, apostrophes and all else are dropped. */
function normalizeName(name: string): string {
  const spelt = Array.from(name.normalize('NFC').toLowerCase(), (character) => PARAMS.transliterations[character] ?? character).join('');
  const decomposed = spelt.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
  const transliterated = Array.from(decomposed, (character) => TRANSLITERATIONS[character] ?? character).join('');
  const kept = transliterated.replace(PARAMS.keepHyphens ? /[^a-z0-9-]/g : /[^a-z0-9]/g, '');
  return kept.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** No leading, trailing or doubled punctuation: Google and Entra reject "..", a leading "." and ".@". */
function tidyLocalPart(localPart: string): string {
  return localPart.replace(/([._-])[._-]+/g, '$1').replace(/^[._-]+|[._-]+$/g, '');
}

interface NameSource {
  firstName: string;
  lastName: string;
  middleName?: string | null;
  preferredName?: string | null;
}

const OPTIONAL_PARTS = new Set(['middle', 'middleInitial', 'sep']);

/** The local parts the patterns give, in order; throws when a name a pattern needs has no usable letters.
 *  A fallback that needs a middle name the person lacks is skipped. */
function baseLocalParts(person: NameSource): string[] {
  const preferred = PARAMS.usePreferredName ? (person.preferredName ?? '').trim() : '';
  const firstSource = preferred !== '' ? preferred : person.firstName;
  const first = normalizeName(firstSource);
  const middle = normalizeName(person.middleName ?? '');
  const last = normalizeName(person.lastName);
  const parts: Record<string, string> = {
    first, middle, last, firstInitial: first.charAt(0), middleInitial: middle.charAt(0), lastInitial: last.charAt(0), sep: PARAMS.separator,
  };
  const fill = (pattern: string, fallback: boolean): string | undefined => {
    let skipped = false;
    const base = pattern.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
      const value = parts[key];
      if (value === undefined) throw new Error(`pattern placeholder ${placeholder} is not one of {first} {last} {middle} {firstInitial} {middleInitial} {lastInitial} {sep}`);
      if (value === '' && !OPTIONAL_PARTS.has(key)) {
        const [field, source] = key === 'last' || key === 'lastInitial' ? ['lastName', person.lastName] : ['firstName', firstSource];
        throw new Error(`cannot derive an ASCII email address: ${field} ${JSON.stringify(source)} has no Latin letters or digits after transliteration; set a Latin preferredName or lastName`);
      }
      if (value === '' && fallback && key !== 'sep') skipped = true;
      return value;
    });
    return skipped ? undefined : tidyLocalPart(base);
  };
  const bases = [fill(PARAMS.pattern, false), ...PARAMS.fallbackPatterns.map((pattern) => fill(pattern, true))];
  return [...new Set(bases.filter((base): base is string => base !== undefined && base !== ''))];
}

/** The bare bases first, then the first base numbered; the base is cut so the whole fits. */
function candidate(prefix: string, bases: string[], attempt: number): string {
  const numbered = attempt >= bases.length;
  const base = numbered ? bases[0]! : bases[attempt]!;
  const suffix = numbered ? PARAMS.suffixSeparator + String(PARAMS.firstSuffix + attempt - bases.length).padStart(PARAMS.suffixDigits, '0') : '';
  const room = PARAMS.maxLocalPartLength - prefix.length - suffix.length;
  if (room < 1) throw new Error(`cannot fit a local part within ${PARAMS.maxLocalPartLength} characters`);
  return tidyLocalPart(prefix + tidyLocalPart(base.slice(0, room))) + suffix;
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Work email ${PARAMS.pattern.replace(/\{sep\}/g, PARAMS.separator)}@${PARAMS.domain}, lowercase ASCII, numbered from ${PARAMS.suffixSeparator}${PARAMS.firstSuffix} on a clash${
    PARAMS.contractorPrefix || PARAMS.contractorDomain ? `; contractors get ${PARAMS.contractorPrefix ? `"${PARAMS.contractorPrefix}" in front` : ''}${PARAMS.contractorPrefix && PARAMS.contractorDomain ? ' and ' : ''}${PARAMS.contractorDomain ? `@${PARAMS.contractorDomain}` : ''}` : ''
  }.`,
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const contractor = person.employmentType === 'contractor';
    const prefix = contractor ? PARAMS.contractorPrefix : '';
    const domain = contractor && PARAMS.contractorDomain !== '' ? PARAMS.contractorDomain : PARAMS.domain;
    const bases = baseLocalParts(person);

    for (let attempt = 0; attempt < PARAMS.maxAttempts; attempt += 1) {
      const email = `${candidate(prefix, bases, attempt)}@${domain}`;
      // findUsers sees disabled users too: a leaver's address is not handed out while they remain in the directory.
      const holders = await ctx.directory.findUsers({ email });
      // An address already held by this same employee is theirs: re-running the joiner is idempotent.
      const reused = holders.length > 0 && holders.every((user) => user.employeeId === person.employeeId);
      // A free address is claimed for this event, so two joiners processed at once never get the same one.
      if (reused || (holders.length === 0 && (await ctx.directory.reserveEmail(email)))) {
        ctx.log.info('work email chosen', { email, attempts: attempt + 1, reused });
        return { email };
      }
    }
    throw new Error(`no free email address for "${prefix}${bases[0]}@${domain}" after ${PARAMS.maxAttempts} attempts`);
  },
});
