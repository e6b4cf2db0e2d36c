// The one reviewed body of every generated identifier function: it carries out every field of the rule
// (identifier-rule.ts) from PARAMS, for usernames and for work email addresses alike.

export const IDENTIFIER_BODY = `
const EMAIL = PARAMS.output === 'email';
const FIELD = EMAIL ? 'email' : 'username';

// Letters that decomposition leaves as they are, spelt the way Entra's NormalizeDiacritics does, plus đ→d
// and þ→th; the rule's own transliterations win over these and over decomposition.
const DEFAULT_LETTERS: Record<string, string> = { æ: 'ae', ð: 'd', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ø: 'oe', œ: 'oe', ß: 'ss', þ: 'th', ŧ: 't' };

function normalizeName(name: string): string {
  let folded = '';
  for (const character of name.normalize('NFC').toLowerCase()) {
    const own = PARAMS.transliterations[character];
    if (own !== undefined) {
      folded += own;
      continue;
    }
    for (const piece of character.normalize('NFKD')) {
      if (/\\p{M}/u.test(piece)) continue;
      folded += DEFAULT_LETTERS[piece] ?? piece;
    }
  }
  const kept = folded.replace(new RegExp(\`[^a-z\${PARAMS.keepDigits ? '0-9' : ''}\${PARAMS.keepHyphens ? '-' : ''}]\`, 'g'), '');
  return PARAMS.keepHyphens ? kept.replace(/-+/g, '-').replace(/^-|-$/g, '') : kept;
}

/** With tidySeparators: runs of . _ - become their first character, none at either end. */
function tidy(text: string): string {
  return PARAMS.tidySeparators ? text.replace(/([._-])[._-]+/g, '$1').replace(/^[._-]+|[._-]+$/g, '') : text;
}

function lastNameOf(lastName: string): string {
  const parts = lastName.split(/[\\s\\u2010-\\u2015-]+/).filter((part) => normalizeName(part) !== '');
  if (PARAMS.lastNamePart === 'first') return parts[0] ?? '';
  if (PARAMS.lastNamePart === 'last') return parts[parts.length - 1] ?? '';
  return lastName;
}

/** A pattern filled with the name parts; undefined when it needs a part this person lacks. */
function fill(pattern: string, names: Record<string, string>, employeeDigits: string, middleMayBeEmpty: boolean): string | undefined {
  let missing = false;
  const filled = pattern.replace(/\\{(first|middle|last|f|m|l|id)(?::(\\d+))?\\}/g, (_match, name: string, count?: string) => {
    if (name === 'id') {
      if (employeeDigits === '') missing = true;
      return employeeDigits.padStart(Number(count ?? 0), '0');
    }
    const part = name === 'f' ? 'first' : name === 'm' ? 'middle' : name === 'l' ? 'last' : name;
    const whole = names[part] ?? '';
    if (whole === '' && !(middleMayBeEmpty && part === 'middle')) missing = true;
    return name.length === 1 ? whole.slice(0, 1) : count === undefined ? whole : whole.slice(0, Number(count));
  });
  if (missing) return undefined;
  const cased = PARAMS.case === 'upper' ? filled.toUpperCase() : filled.toLowerCase();
  return tidy(cased.replace(/[^A-Za-z0-9._-]/g, ''));
}

/** prefix + base (+ separator + number), the base cut so the whole fits; a cut never ends in . _ or -. */
function candidate(prefix: string, base: string, number: number | undefined): string {
  const suffix = number === undefined ? '' : PARAMS.separator + String(number).padStart(PARAMS.suffixDigits, '0');
  if (PARAMS.maxLength <= 0) return tidy(prefix + base) + suffix;
  const room = PARAMS.maxLength - prefix.length - suffix.length;
  if (room < 1) {
    if (EMAIL) throw new Error(\`cannot fit a local part within \${PARAMS.maxLength} characters\`);
    throw new Error(\`cannot fit an identifier within \${PARAMS.maxLength} characters with "\${prefix}" and "\${suffix}"\`);
  }
  return tidy(prefix + base.slice(0, room).replace(/[._-]+$/, '')) + suffix;
}

/** A name part the pattern needs has no letters left: which one (the first the pattern uses), and why. */
function noLetters(pattern: string, first: string, last: string, sources: { firstName: string; lastName: string }): Error {
  const order = [...pattern.matchAll(/\\{(first|last|f|l)\\b/g)].map((match) => (match[1] === 'first' || match[1] === 'f' ? 'firstName' : 'lastName'));
  const field = order.find((name) => (name === 'firstName' ? first : last) === '') ?? (first === '' ? 'firstName' : 'lastName');
  if (EMAIL) {
    const why = 'has no Latin letters or digits after transliteration; set a Latin preferredName or lastName';
    return new Error(\`cannot derive an ASCII email address: \${field} \${JSON.stringify(sources[field])} \${why}\`);
  }
  const name = \`\${JSON.stringify(sources.firstName)} \${JSON.stringify(sources.lastName)}\`;
  if (first === '' && last === '') return new Error(\`cannot generate a username: \${name} has no letters after transliteration\`);
  return new Error(\`cannot generate a username: \${field} has no letters after transliteration\`);
}

const CONTRACTORS = [PARAMS.contractorPrefix && \`"\${PARAMS.contractorPrefix}" in front\`, PARAMS.contractorDomain && \`@\${PARAMS.contractorDomain}\`]
  .filter(Boolean)
  .join(' and ');
const CLASH = \`numbered from \${PARAMS.separator}\${PARAMS.firstSuffix} on a clash\`;

export default defineFunction({
  name: PARAMS.functionName,
  description: EMAIL
    ? \`Work email \${PARAMS.pattern}@\${PARAMS.domain}, lowercase ASCII, \${CLASH}\${CONTRACTORS ? \`; contractors get \${CONTRACTORS}\` : ''}.\`
    : \`Usernames as \${PARAMS.pattern}\${PARAMS.whenTaken === 'number' ? \`, numbered on a clash from \${PARAMS.firstSuffix}\` : ', unique or an error'}; \` +
      'retired names are never reused.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const person = event.person;
    const contractor = person.employmentType === 'contractor';
    const domain = contractor && PARAMS.contractorDomain ? PARAMS.contractorDomain : PARAMS.domain;
    if (PARAMS.rehireByEmployeeId) {
      const known = (await ctx.directory.findUsers({ employeeId: person.employeeId })).find((user) => user.employeeId === person.employeeId);
      if (known) {
        ctx.log.info(\`rehire keeps the old \${FIELD}\`, { [FIELD]: known[FIELD] });
        return { [FIELD]: known[FIELD], rehire: true };
      }
    }
    const firstSource = PARAMS.usePreferredName && person.preferredName?.trim() ? person.preferredName : person.firstName;
    const first = normalizeName(firstSource);
    const last = normalizeName(lastNameOf(person.lastName));
    const middle = normalizeName(person.middleName ?? '');
    const employeeDigits = person.employeeId.replace(/[^0-9]/g, '');
    const patterns = [contractor && PARAMS.contractorPattern ? PARAMS.contractorPattern : PARAMS.pattern, ...PARAMS.fallbackPatterns];
    let bases: string[];
    const needsNames = patterns.some((pattern) => /\\{(?:first|last|f|l)/.test(pattern));
    const sources = { firstName: firstSource, lastName: person.lastName };
    if (needsNames && first === '' && last === '') {
      if (!PARAMS.noNamePrefix) throw noLetters(patterns[0] ?? '', first, last, sources);
      bases = [(PARAMS.noNamePrefix + person.employeeId).toLowerCase().replace(/[^a-z0-9]/g, '')];
    } else if (needsNames && (first === '' || last === '')) {
      if (PARAMS.whenPartEmpty === 'error') throw noLetters(patterns[0] ?? '', first, last, sources);
      bases = [first || last];
    } else {
      const filled = patterns.map((pattern, index) => fill(pattern, { first, middle, last }, employeeDigits, PARAMS.tidySeparators && index === 0));
      bases = [...new Set(filled.filter((base): base is string => Boolean(base)))];
    }
    if (bases.length === 0) {
      const lacks = \`\${patterns[0]} needs a part this person lacks (employee id \${person.employeeId})\`;
      throw new Error(\`cannot generate a \${EMAIL ? 'work email' : 'username'}: \${lacks}\`);
    }
    const prefix = contractor ? PARAMS.contractorPrefix : '';
    const tries: Array<number | undefined> = bases.map(() => undefined);
    const numbered = PARAMS.whenTaken === 'number';
    for (let index = 0; numbered && tries.length < PARAMS.maxAttempts; index += 1) tries.push(PARAMS.firstSuffix + index);
    for (const [index, number] of tries.entries()) {
      const identifier = candidate(prefix, number === undefined ? (bases[index] ?? '') : (bases[0] ?? ''), number);
      const value = EMAIL ? \`\${identifier}@\${domain}\` : identifier;
      // findUsers sees disabled users and reports a retired address as held: held only by this same
      // employee, the value is theirs (re-running the joiner is idempotent); held by anyone else, taken.
      const holders = PARAMS.reuseOwn ? await ctx.directory.findUsers(EMAIL ? { email: value } : { username: value }) : [];
      const reused = holders.length > 0 && holders.every((user) => user.employeeId === person.employeeId);
      // reserveUsername / reserveEmail refuse every user's name (active or disabled), every retired name and
      // names other events hold right now, and claim the name atomically.
      if (reused || (holders.length === 0 && (await (EMAIL ? ctx.directory.reserveEmail(value) : ctx.directory.reserveUsername(value))))) {
        if (EMAIL) ctx.log.info('work email chosen', { email: value, attempts: index + 1, reused });
        else ctx.log.info('username chosen', { username: value, attempts: index + 1, ...(reused ? { reused } : {}) });
        return PARAMS.rehireByEmployeeId ? { [FIELD]: value, rehire: false } : { [FIELD]: value };
      }
      if (!numbered && index === bases.length - 1) throw new Error(\`the \${EMAIL ? 'email address' : 'username'} \${value} is already taken\`);
    }
    const tried = EMAIL ? \`email address for "\${prefix}\${bases[0]}@\${domain}"\` : \`username for base "\${bases[0]}"\`;
    throw new Error(\`no free \${tried} after \${PARAMS.maxAttempts} attempts\`);
  },
});
`;
