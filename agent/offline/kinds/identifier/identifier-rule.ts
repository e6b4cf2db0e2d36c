// The typed intermediate form of an identifier rule (usernames, and work email addresses: an identifier
// before "@" and a domain): what the requirement's clauses are read into, and what both the generated
// function and the expected values of its fixtures come from.
//
// A pattern is literal text with name parts in braces, tried in order (the first free one wins):
//   {first} {middle} {last}      the whole (transliterated) name part
//   {f} {m} {l}                  its initial
//   {first:3} {last:5}           its first N letters ("first 3 letters of the first name")
//   {id:6}                       the digits of the employee id, zero-padded to 6 ("emp" + padded id)
// A pattern that needs a part the person lacks (no middle name) is skipped.

export interface IdentifierRule {
  /** Registry name of the function (kebab-case). */
  functionName: string;
  /** The first candidate, and the base that clash numbers go on. */
  pattern: string;
  /** Candidates tried in order after `pattern` and before any number. */
  fallbackPatterns: string[];
  /** A contractor's pattern when it differs ("contractors: 'ctr' instead of 'emp'"); "" for the same. */
  contractorPattern: string;
  case: 'lower' | 'upper';
  /** Longest identifier, prefix and clash number included; 0 for no limit. */
  maxLength: number;
  /** Between the base and the clash number: "" gives jsmith1, "." gives jsmith.1. */
  separator: string;
  firstSuffix: number;
  /** Minimum digits of the clash number: 2 gives jsmith01. */
  suffixDigits: number;
  maxAttempts: number;
  /** "number": a taken name gets a number; "error": a taken name is an error (ids must be unique). */
  whenTaken: 'number' | 'error';
  /** Put in front of a contractor's identifier ("c-"); "" for none. */
  contractorPrefix: string;
  usePreferredName: boolean;
  /** Multi-part last names: "join" all parts, or keep only the "first" or "last" part. */
  lastNamePart: 'join' | 'first' | 'last';
  /** Letters spelt differently from the default table (ø→oe, ß→ss, æ→ae, ł→l, đ→d, þ→th): { "ø": "o" }. */
  transliterations: Record<string, string>;
  /** Keep digits that occur in names; "letters only" drops them. */
  keepDigits: boolean;
  /** When the first or the last name has no letters: an "error", or the "other-part" on its own. */
  whenPartEmpty: 'error' | 'other-part';
  /** When no name part has letters: "" for an error, else this text + the employee id in lower case. */
  noNamePrefix: string;
  /** Look the person up by employee id first: a rehire gets the old username back ({ username, rehire }). */
  rehireByEmployeeId: boolean;
  /** What the function returns: { username }, or { email } (the identifier + "@" + the domain). Claimed with
   *  reserveUsername or reserveEmail; an address is looked up with findUsers({ email }), which reports a
   *  retired one as held. */
  output: 'username' | 'email';
  /** After "@" (output "email"); "" for a username. */
  domain: string;
  /** The domain by condition: a contractor's when it differs; "" for the same. */
  contractorDomain: string;
  /** A candidate held only by users with this person's employee id is theirs: returned as it is (with
   *  output "email": { email }, logged as reused), so re-running a joiner is idempotent. */
  reuseOwn: boolean;
  /** Keep a hyphen inside a name (smith-jones), as one hyphen, none at either end; false drops it. */
  keepHyphens: boolean;
  /** Runs of ".", "_" and "-" become their first character and none is left at either end, after filling and
   *  after a cut; and the first pattern's middle name parts may be empty ({first}.{m}.{last} gives john.smith
   *  without a middle name) instead of the pattern being skipped. */
  tidySeparators: boolean;
}

export type NamePart = { kind: 'first' | 'middle' | 'last'; take?: number } | { kind: 'employee-id'; pad: number } | { kind: 'literal'; text: string };

/** "{f}.{last:5}" → initial of the first name, ".", first five letters of the last name. */
export function parsePattern(pattern: string): NamePart[] {
  const parts: NamePart[] = [];
  for (const match of pattern.matchAll(/\{(first|middle|last|f|m|l|id)(?::(\d+))?\}|([^{]+)/g)) {
    const [, name, count, literal] = match;
    if (literal !== undefined) parts.push({ kind: 'literal', text: literal });
    else if (name === 'id') parts.push({ kind: 'employee-id', pad: Number(count ?? 0) });
    else if (name === 'f' || name === 'm' || name === 'l') parts.push({ kind: name === 'f' ? 'first' : name === 'm' ? 'middle' : 'last', take: 1 });
    else if (name === 'first' || name === 'middle' || name === 'last') parts.push({ kind: name, ...(count ? { take: Number(count) } : {}) });
  }
  return parts;
}
