// The function generated from an identifier rule: the rule as its parameter block, then one reviewed
// body that carries out every part of the rule language (identifier-rule.ts). Only the block varies.

import { PARAMS_END, PARAMS_START } from '../../../templates/index.ts';
import type { IdentifierRule } from './identifier-rule.ts';

export function identifierSource(rule: IdentifierRule): string {
  return [HEADER, PARAMS_START, `const PARAMS: Params = ${JSON.stringify(rule, null, 2)};`, PARAMS_END, BODY].join('\n');
}

const HEADER = `import { defineFunction } from '@joinery/sdk';

/** The identifier rule this function was generated from (see the spec for the requirement it reads). */
interface Params {
  functionName: string;
  /** Name parts in braces: {first} {middle} {last}, initials {f} {m} {l}, first N letters {first:3}, {id:6}. */
  pattern: string;
  fallbackPatterns: string[];
  contractorPattern: string;
  case: 'lower' | 'upper';
  maxLength: number;
  separator: string;
  firstSuffix: number;
  suffixDigits: number;
  maxAttempts: number;
  whenTaken: 'number' | 'error';
  contractorPrefix: string;
  usePreferredName: boolean;
  lastNamePart: 'join' | 'first' | 'last';
  transliterations: Record<string, string>;
  keepDigits: boolean;
  whenPartEmpty: 'error' | 'other-part';
  noNamePrefix: string;
  rehireByEmployeeId: boolean;
}
`;

const BODY = `
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
  return folded.replace(PARAMS.keepDigits ? /[^a-z0-9]/g : /[^a-z]/g, '');
}

function lastNameOf(lastName: string): string {
  const parts = lastName.split(/[\\s\\u2010-\\u2015-]+/).filter((part) => normalizeName(part) !== '');
  if (PARAMS.lastNamePart === 'first') return parts[0] ?? '';
  if (PARAMS.lastNamePart === 'last') return parts[parts.length - 1] ?? '';
  return lastName;
}

/** A pattern filled with the name parts; undefined when it needs a part this person lacks. */
function fill(pattern: string, names: Record<string, string>, employeeDigits: string): string | undefined {
  let missing = false;
  const filled = pattern.replace(/\\{(first|middle|last|f|m|l|id)(?::(\\d+))?\\}/g, (_match, name: string, count?: string) => {
    if (name === 'id') {
      if (employeeDigits === '') missing = true;
      return employeeDigits.padStart(Number(count ?? 0), '0');
    }
    const whole = names[name === 'f' ? 'first' : name === 'm' ? 'middle' : name === 'l' ? 'last' : name] ?? '';
    if (whole === '') missing = true;
    return name.length === 1 ? whole.slice(0, 1) : count === undefined ? whole : whole.slice(0, Number(count));
  });
  if (missing) return undefined;
  const cased = PARAMS.case === 'upper' ? filled.toUpperCase() : filled.toLowerCase();
  return cased.replace(/[^A-Za-z0-9._-]/g, '');
}

/** prefix + base (+ separator + number), the base cut so the whole fits; a cut never ends in . _ or -. */
function candidate(prefix: string, base: string, number: number | undefined): string {
  const suffix = number === undefined ? '' : PARAMS.separator + String(number).padStart(PARAMS.suffixDigits, '0');
  if (PARAMS.maxLength <= 0) return prefix + base + suffix;
  const room = PARAMS.maxLength - prefix.length - suffix.length;
  if (room < 1) throw new Error(\`cannot fit an identifier within \${PARAMS.maxLength} characters with "\${prefix}" and "\${suffix}"\`);
  return prefix + base.slice(0, room).replace(/[._-]+$/, '') + suffix;
}

export default defineFunction({
  name: PARAMS.functionName,
  description:
    \`Usernames as \${PARAMS.pattern}\${PARAMS.whenTaken === 'number' ? \`, numbered on a clash from \${PARAMS.firstSuffix}\` : ', unique or an error'}; \` +
    'retired names are never reused.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const person = event.person;
    if (PARAMS.rehireByEmployeeId) {
      const known = (await ctx.directory.findUsers({ employeeId: person.employeeId })).find((user) => user.employeeId === person.employeeId);
      if (known) {
        ctx.log.info('rehire keeps the old username', { username: known.username });
        return { username: known.username, rehire: true };
      }
    }
    const firstSource = PARAMS.usePreferredName && person.preferredName?.trim() ? person.preferredName : person.firstName;
    const first = normalizeName(firstSource);
    const last = normalizeName(lastNameOf(person.lastName));
    const middle = normalizeName(person.middleName ?? '');
    const employeeDigits = person.employeeId.replace(/[^0-9]/g, '');
    const contractor = person.employmentType === 'contractor';
    const patterns = [contractor && PARAMS.contractorPattern ? PARAMS.contractorPattern : PARAMS.pattern, ...PARAMS.fallbackPatterns];
    let bases: string[];
    const needsNames = patterns.some((pattern) => /\\{(?:first|last|f|l)/.test(pattern));
    if (needsNames && first === '' && last === '') {
      const name = \`\${JSON.stringify(firstSource)} \${JSON.stringify(person.lastName)}\`;
      if (!PARAMS.noNamePrefix) throw new Error(\`cannot generate a username: \${name} has no letters after transliteration\`);
      bases = [(PARAMS.noNamePrefix + person.employeeId).toLowerCase().replace(/[^a-z0-9]/g, '')];
    } else if (needsNames && (first === '' || last === '')) {
      const field = first === '' ? 'firstName' : 'lastName';
      if (PARAMS.whenPartEmpty === 'error') throw new Error(\`cannot generate a username: \${field} has no letters after transliteration\`);
      bases = [first || last];
    } else {
      bases = patterns.map((pattern) => fill(pattern, { first, middle, last }, employeeDigits)).filter((base): base is string => Boolean(base));
    }
    if (bases.length === 0) throw new Error(\`cannot generate a username: \${patterns[0]} needs a part this person lacks (employee id \${person.employeeId})\`);
    const prefix = contractor ? PARAMS.contractorPrefix : '';
    const tries: Array<number | undefined> = bases.map(() => undefined);
    const numbered = PARAMS.whenTaken === 'number';
    for (let index = 0; numbered && tries.length < PARAMS.maxAttempts; index += 1) tries.push(PARAMS.firstSuffix + index);
    for (const [index, number] of tries.entries()) {
      const username = candidate(prefix, number === undefined ? (bases[index] ?? '') : (bases[0] ?? ''), number);
      // reserveUsername refuses every user's name (active or disabled), every retired name and names other
      // events hold right now, and claims the name atomically.
      if (await ctx.directory.reserveUsername(username)) {
        ctx.log.info('username chosen', { username, attempts: index + 1 });
        return PARAMS.rehireByEmployeeId ? { username, rehire: false } : { username };
      }
      if (!numbered && index === bases.length - 1) throw new Error(\`the username \${username} is already taken\`);
    }
    throw new Error(\`no free username for base "\${bases[0]}" after \${PARAMS.maxAttempts} attempts\`);
  },
});
`;
