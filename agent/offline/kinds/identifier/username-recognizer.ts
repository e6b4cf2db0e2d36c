// Username generation, read into an identifier rule (identifier-rule.ts): the name parts and their
// order, case, length limit, clash numbering, fallbacks, prefixes, transliteration and what to do when a
// name part is empty. The function and the fixtures' expected values are both generated from that rule.

import type { Person } from '../../../../core/sdk/index.ts';
import { splitFullName, joinedEvent } from '../../fixture-builders.ts';
import { inferPattern, PATTERN_RULES } from '../../grammar/name-patterns.ts';
import { CLASH_RULES, LENGTH_RULES, NAME_HANDLING_VOCABULARY } from '../../grammar/shared-rules.ts';
import type { FamilyRecognizer } from '../../recognizer.ts';
import { expectedIdentifier } from './expected-identifier.ts';
import { exampleName, exampleTaken, identifierFixtures } from './identifier-fixtures.ts';
import type { IdentifierRule } from './identifier-rule.ts';
import { identifierSource } from './identifier-source.ts';
import { IDENTIFIER_SHAPE_RULES } from './identifier-shapes.ts';
import { USERNAME_RULES, USERNAME_VOCABULARY } from './username-phrases.ts';

/** The rule, and "middle initial" noted while reading: it becomes a fallback pattern in finish. */
type UsernameReading = IdentifierRule & { middleFallback?: boolean };

/** The rule before the requirement says anything: the username template's defaults. */
const USERNAME_DEFAULTS: IdentifierRule = {
  functionName: 'generate-username',
  pattern: '{f}{last}',
  fallbackPatterns: [],
  contractorPattern: '',
  case: 'lower',
  // No limit unless the requirement states one (or names AD, whose sAMAccountName holds 20).
  maxLength: 0,
  separator: '',
  firstSuffix: 1,
  suffixDigits: 1,
  maxAttempts: 1000,
  whenTaken: 'number',
  contractorPrefix: '',
  usePreferredName: false,
  lastNamePart: 'join',
  transliterations: {},
  keepDigits: true,
  whenPartEmpty: 'error',
  noNamePrefix: '',
  rehireByEmployeeId: false,
  output: 'username',
  domain: '',
  contractorDomain: '',
  reuseOwn: false,
  keepHyphens: false,
  tidySeparators: false,
};

export const usernameRecognizer: FamilyRecognizer<UsernameReading> = {
  family: 'username',
  defaults: USERNAME_DEFAULTS,
  // Everyone who is not a contractor is handled alike: "employees and interns" names the default.
  facts: [/\bemployees?(?:,| and| or)\s+interns?\b|\binterns?(?:,| and| or)\s+employees?\b/i],
  keywords: [/\busernames?\b/i, /\buser ?names?\b/i, /\blogins?\b/i, /\bsamaccountname\b/i, /\buser ?ids?\b/i, /\baccount names?\b/i, /\bhandles?\b/i],
  vocabulary: [/\b(?:usernames?|user ?names?|logins?|user ?ids?|account names?|handles?|samaccountname)\b/gi, ...NAME_HANDLING_VOCABULARY, ...USERNAME_VOCABULARY],
  rules: [
    // The specific shapes first: a later, vaguer rule must not take their words away.
    ...IDENTIFIER_SHAPE_RULES,
    ...PATTERN_RULES,
    ...LENGTH_RULES,
    ...CLASH_RULES,
    { pattern: /\blower[- ]?case\b|\ball lower\b|\bsmall letters\b/i, apply: (_match, recognition) => { recognition.params.case = 'lower'; } },
    { pattern: /\bupper[- ]?case\b|\ball caps\b|\bcapital letters\b|\bcapitali[sz]ed\b/i, apply: (_match, recognition) => { recognition.params.case = 'upper'; } },
    { pattern: /\bmiddle[- ]?(?:name[- ]?)?initial\b|\bmiddle name\b/i, apply: (_match, recognition) => { recognition.params.middleFallback = true; } },
    { pattern: /\bpreferred[- ]?(?:first[- ]?)?names?\b|\bnick ?names?\b|\bgoes by\b/i, apply: (match, recognition) => { recognition.params.usePreferredName = !/\b(?:not|never|don'?t|ignore)\b/i.test(match.input.slice(0, match.index)); } },
    { pattern: /\blegal (?:first )?names?\b/i },
    {
      pattern: /\bcontractors?\b[^.]*?\b(?:prefix(?:ed)?|start(?:s|ing)?|begin(?:s|ning)?)\b(?:\s+(?:with|by|of))?\s+(?:an?\s+)?["'“‘`]?([a-z0-9]{1,6}[._-]?)["'”’`]?/i,
      apply: (match, recognition) => { recognition.params.contractorPrefix = (match[1] ?? ''); },
    },
    {
      pattern: /\bprefix(?:es)?\s+(?:for\s+)?contractors?\s+(?:with\s+)?["'“‘`]?([a-z0-9]{1,6}[._-]?)["'”’`]?/i,
      apply: (match, recognition) => { recognition.params.contractorPrefix = (match[1] ?? ''); },
    },
    {
      // "Contractors get a c- prefix", "contractors have an x_ prefix"
      // The value is quoted or ends in a separator: "get a prefix" names no value ("a" is an article).
      pattern: /\bcontractors?\b[^.]*?\b(?:get|have|receive|use|carry)s?\s+(?:an?\s+|the\s+)?(?:["'“‘`]([a-z0-9]{1,6}[._-]?)["'”’`]|([a-z0-9]{1,5}[._-]))\s+prefix/i,
      apply: (match, recognition) => {
        recognition.params.contractorPrefix = match[1] ?? match[2] ?? '';
      },
    },
    {
      pattern: /\bcontractors?\b[^.]*?["'“‘`]([a-z0-9]{1,6}[._-]?)["'”’`]\s*prefix/i,
      apply: (match, recognition) => { recognition.params.contractorPrefix = (match[1] ?? ''); },
    },
    { pattern: /\b(?:only|just)?\s*(?:use|keep|take)?\s*(?:only\s+)?the first (?:part|half|word)\b/i, apply: (_match, recognition) => { recognition.params.lastNamePart = 'first'; } },
    { pattern: /\b(?:only|just)?\s*(?:use|keep|take)?\s*(?:only\s+)?the (?:last|second) (?:part|half|word)\b/i, apply: (_match, recognition) => { recognition.params.lastNamePart = 'last'; } },
    ...USERNAME_RULES,
  ],
  finish(recognition) {
    const p = recognition.params;
    inferPattern(recognition, (pattern, fullName) => {
      const got = expectedIdentifier({ ...p, pattern }, person(exampleName(p, fullName)), []);
      return 'output' in got ? got.output.username : undefined;
    });
    if (recognition.params.middleFallback) {
      const middle = p.pattern.replace(/(\{f\}|\{first\})([._-]?)/, '$1$2{m}$2');
      if (!p.fallbackPatterns.includes(middle)) p.fallbackPatterns = [middle, ...p.fallbackPatterns];
      delete recognition.params.middleFallback;
    }
    if (p.maxLength === 0) recognition.assumptions.push('No length limit was given: usernames are never cut.');
    if (p.maxLength > 0 && p.maxLength < 3) recognition.problems.push(`a username of at most ${p.maxLength} characters cannot hold a name and a clash number`);
    if (p.maxLength > 0 && p.contractorPrefix.length >= p.maxLength - 2) recognition.problems.push(`the contractor prefix "${p.contractorPrefix}" leaves no room within ${p.maxLength} characters`);
    for (const example of recognition.examples) {
      if (exampleTaken(p, example) === undefined) {
        const got = expectedIdentifier(p, person(exampleName(p, example.input)), []);
        const gives = 'output' in got ? String(got.output.username) : 'an error';
        recognition.problems.push(`the example ${example.input} → ${example.output} does not follow the rule as understood (it gives ${gives})`);
      }
    }
  },
  fixtures: (recognition) => identifierFixtures(recognition.params, recognition.examples),
  generate: (recognition) => identifierSource(recognition.params),
  spec(recognition) {
    const p = recognition.params;
    const numbering = p.whenTaken === 'error' ? 'a taken name is an error' : `numbered on a clash from ${p.firstSuffix}`;
    return {
      summary: `Generates a unique ${p.case}case username as ${p.pattern}${p.maxLength > 0 ? ` within ${p.maxLength} characters` : ''}, ${numbering}; retired names are never reused.`,
      inputs: ['person.firstName', 'person.lastName', ...(p.usePreferredName ? ['person.preferredName'] : []), ...(p.fallbackPatterns.some((pattern) => pattern.includes('{m')) ? ['person.middleName'] : []), 'person.employmentType', 'person.employeeId'],
      output: p.rehireByEmployeeId ? '{ username: string, rehire: boolean }' : '{ username: string }',
      rules: [
        ...(p.rehireByEmployeeId ? ['A person whose employee id the directory already has gets that username back (rehire: true).'] : []),
        `Transliterate the names to ASCII (${Object.entries(p.transliterations).map(([from, to]) => `${from}→${to}`).join(', ') || 'ø→oe, ß→ss, æ→ae, ł→l, đ→d, þ→th'}, accents dropped) and keep ${p.keepDigits ? 'letters and digits' : 'letters only'}${p.lastNamePart === 'join' ? '' : `, keeping only the ${p.lastNamePart} part of a multi-part last name`}.`,
        `Build ${p.pattern}${p.contractorPattern ? ` (contractors: ${p.contractorPattern})` : ''}${p.usePreferredName ? ', using the preferred name when set' : ''}${p.contractorPrefix ? `, with "${p.contractorPrefix}" in front for contractors` : ''}.`,
        ...(p.whenPartEmpty === 'other-part' ? ['When the first or the last name is empty, use the other one on its own.'] : []),
        ...(p.noNamePrefix ? [`When no name part has letters, use "${p.noNamePrefix}" + the employee id in lower case.`] : []),
        ...(p.fallbackPatterns.length ? [`If taken, try ${p.fallbackPatterns.join(', then ')}.`] : []),
        p.whenTaken === 'error'
          ? 'If taken (by any user, active or disabled, or retired), fail with an error.'
          : `If taken (by any user, active or disabled, or retired), append ${p.separator ? `"${p.separator}" and ` : ''}a number from ${String(p.firstSuffix).padStart(p.suffixDigits, '0')} up${p.maxLength > 0 ? `, cutting the base so the whole stays within ${p.maxLength} characters` : ''}.`,
      ],
      edgeCases: ['a clash and a retired name', 'case-insensitive clash', 'ø, ß, æ, ł transliteration', 'apostrophes, hyphens and spaces', 'a long name with a clash', 'a name with no letters left'],
      assumptions: [],
    };
  },
};

function person(overrides: Partial<Person>): Person {
  return { ...joinedEvent(splitFullName('x y')).person, ...overrides };
}
