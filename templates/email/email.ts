import { defineFunction } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** Domain after the @ for employees and interns. */
  domain: string;
  /** Local part layout; placeholders {first} {last} {middle} {firstInitial} {middleInitial} {sep}. */
  pattern: string;
  /** What {sep} stands for: ".", "-", "_" or "". */
  separator: string;
  /** Use preferredName instead of firstName when it is set. */
  usePreferredName: boolean;
  /** The first number appended on a clash: 2 gives john.smith2. */
  firstSuffix: number;
  /** Longest local part, prefix and clash number included (RFC 5321 and Entra UPN prefix: 64). */
  maxLocalPartLength: number;
  /** Candidates tried, the unnumbered one included, before giving up. */
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
  "separator": ".",
  "usePreferredName": true,
  "firstSuffix": 2,
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

/** Lowercase ASCII letters, digits and inner hyphens; spaces, apostrophes and all else are dropped. */
function normalizeName(name: string): string {
  const decomposed = name.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
  const transliterated = Array.from(decomposed, (character) => TRANSLITERATIONS[character] ?? character).join('');
  return transliterated.replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
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

/** The base local part from the pattern; throws when a name the pattern needs has no usable letters. */
function baseLocalPart(person: NameSource): string {
  const preferred = PARAMS.usePreferredName ? (person.preferredName ?? '').trim() : '';
  const firstSource = preferred !== '' ? preferred : person.firstName;
  const first = normalizeName(firstSource);
  const middle = normalizeName(person.middleName ?? '');
  const last = normalizeName(person.lastName);
  const parts: Record<string, string> = {
    first, middle, last, firstInitial: first.charAt(0), middleInitial: middle.charAt(0), sep: PARAMS.separator,
  };
  const base = PARAMS.pattern.replace(/\{(\w+)\}/g, (placeholder, key: string) => {
    const value = parts[key];
    if (value === undefined) throw new Error(`pattern placeholder ${placeholder} is not one of {first} {last} {middle} {firstInitial} {middleInitial} {sep}`);
    if (value === '' && key !== 'middle' && key !== 'middleInitial' && key !== 'sep') {
      const [field, source] = key === 'last' ? ['lastName', person.lastName] : ['firstName', firstSource];
      throw new Error(`cannot derive an ASCII email address: ${field} ${JSON.stringify(source)} has no Latin letters or digits after transliteration; set a Latin preferredName or lastName`);
    }
    return value;
  });
  return tidyLocalPart(base);
}

/** Attempt 0 is the bare base; later attempts append a number. The base is cut so the whole fits. */
function candidate(prefix: string, base: string, attempt: number): string {
  const suffix = attempt === 0 ? '' : String(PARAMS.firstSuffix + attempt - 1);
  const room = PARAMS.maxLocalPartLength - prefix.length - suffix.length;
  if (room < 1) throw new Error(`cannot fit a local part within ${PARAMS.maxLocalPartLength} characters`);
  return tidyLocalPart(prefix + tidyLocalPart(base.slice(0, room))) + suffix;
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Work email ${PARAMS.pattern.replace(/\{sep\}/g, PARAMS.separator)}@${PARAMS.domain}, lowercase ASCII, numbered from ${PARAMS.firstSuffix} on a clash; contractors get "${PARAMS.contractorPrefix}".`,
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const contractor = person.employmentType === 'contractor';
    const prefix = contractor ? PARAMS.contractorPrefix : '';
    const domain = contractor && PARAMS.contractorDomain !== '' ? PARAMS.contractorDomain : PARAMS.domain;
    const base = baseLocalPart(person);

    for (let attempt = 0; attempt < PARAMS.maxAttempts; attempt += 1) {
      const email = `${candidate(prefix, base, attempt)}@${domain}`;
      // findUsers sees disabled users too: a leaver's address is not handed out while they remain in the directory.
      const holders = await ctx.directory.findUsers({ email });
      // An address already held by this same employee is theirs: re-running the joiner is idempotent.
      if (holders.length === 0 || holders.every((user) => user.employeeId === person.employeeId)) {
        ctx.log.info('work email chosen', { email, attempts: attempt + 1, reused: holders.length > 0 });
        return { email };
      }
    }
    throw new Error(`no free email address for "${prefix}${base}@${domain}" after ${PARAMS.maxAttempts} attempts`);
  },
});
