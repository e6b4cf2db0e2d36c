// Username generation: pattern, case, length limit, clash numbering, fallbacks, contractor prefix,
// preferred name, hyphenated last names, never reuse.

import type { FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { directoryOf, joinedEvent, splitFullName } from '../fixture-builders.ts';
import type { FamilyRecognizer, Recognition } from '../recognizer.ts';
import { inferPattern, PATTERN_RULES } from './name-patterns.ts';
import { expectedUsername, type UsernameParams } from './username-reference.ts';
import { CLASH_RULES, LENGTH_RULES, NAME_HANDLING_VOCABULARY } from './shared-rules.ts';
import { USERNAME_RULES, USERNAME_VOCABULARY } from './username-rules.ts';

const params = (recognition: Recognition) => recognition.params as unknown as UsernameParams;

export const usernameRecognizer: FamilyRecognizer = {
  family: 'username',
  // Everyone who is not a contractor is handled alike: "employees and interns" names the default.
  facts: [/\bemployees?(?:,| and| or)\s+interns?\b|\binterns?(?:,| and| or)\s+employees?\b/i],
  keywords: [/\busernames?\b/i, /\buser ?names?\b/i, /\blogins?\b/i, /\bsamaccountname\b/i, /\buser ?ids?\b/i, /\baccount names?\b/i, /\bhandles?\b/i],
  vocabulary: [/\b(?:usernames?|user ?names?|logins?|user ?ids?|account names?|handles?|samaccountname)\b/gi, ...NAME_HANDLING_VOCABULARY, ...USERNAME_VOCABULARY],
  rules: [
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
      apply: (match, recognition) => { recognition.params.contractorPrefix = match[1]!; },
    },
    {
      pattern: /\bprefix(?:es)?\s+(?:for\s+)?contractors?\s+(?:with\s+)?["'“‘`]?([a-z0-9]{1,6}[._-]?)["'”’`]?/i,
      apply: (match, recognition) => { recognition.params.contractorPrefix = match[1]!; },
    },
    {
      // "Contractors get a c- prefix", "contractors have an x_ prefix"
      pattern: /\bcontractors?\b[^.]*?\b(?:get|have|receive|use|carry)s?\s+(?:an?\s+|the\s+)?["'“‘`]?([a-z0-9]{1,6}[._-]?)["'”’`]?\s+prefix/i,
      apply: (match, recognition) => {
        recognition.params.contractorPrefix = match[1] ?? '';
      },
    },
    {
      pattern: /\bcontractors?\b[^.]*?["'“‘`]([a-z0-9]{1,6}[._-]?)["'”’`]\s*prefix/i,
      apply: (match, recognition) => { recognition.params.contractorPrefix = match[1]!; },
    },
    { pattern: /\b(?:only|just)?\s*(?:use|keep|take)?\s*(?:only\s+)?the first (?:part|half|word)\b/i, apply: (_match, recognition) => { recognition.params.lastNamePart = 'first'; } },
    { pattern: /\b(?:only|just)?\s*(?:use|keep|take)?\s*(?:only\s+)?the (?:last|second) (?:part|half|word)\b/i, apply: (_match, recognition) => { recognition.params.lastNamePart = 'last'; } },
    ...USERNAME_RULES,
  ],
  finish(recognition) {
    const p = params(recognition);
    inferPattern(recognition, (pattern, fullName) => expectedUsername({ ...p, pattern }, person('x y', exampleName(p, fullName)), []));
    if (recognition.params.middleFallback) {
      p.fallbackPatterns = [p.pattern.replace(/(\{f\}|\{first\})([._-]?)/, '$1$2{m}$2')];
      delete recognition.params.middleFallback;
    }
    if (p.maxLength < 3) recognition.problems.push(`a username of at most ${p.maxLength} characters cannot hold a name and a clash number`);
    if (p.contractorPrefix.length >= p.maxLength - 2) recognition.problems.push(`the contractor prefix "${p.contractorPrefix}" leaves no room within ${p.maxLength} characters`);
    for (const example of recognition.examples) {
      if (exampleTaken(p, example) === undefined) {
        const got = expectedUsername(p, person('x y', exampleName(p, example.input)), []);
        recognition.problems.push(`the example ${example.input} → ${example.output} does not follow the rule as understood (it gives ${typeof got === 'string' ? got : 'an error'})`);
      }
    }
  },
  fixtures: (recognition) => usernameFixtures(params(recognition), recognition),
  spec(recognition) {
    const p = params(recognition);
    return {
      summary: `Generates a unique ${p.case}case username as ${p.pattern} within ${p.maxLength} characters, numbered on a clash from ${p.firstSuffix}; retired names are never reused.`,
      inputs: ['person.firstName', 'person.lastName', ...(p.usePreferredName ? ['person.preferredName'] : []), ...(p.fallbackPatterns.length ? ['person.middleName'] : []), 'person.employmentType'],
      output: '{ username: string }',
      rules: [
        `Transliterate the names to ASCII (ø→oe, ß→ss, æ→ae, ł→l, đ→d, þ→th, accents dropped) and remove hyphens, apostrophes and spaces${p.lastNamePart === 'join' ? '' : `, keeping only the ${p.lastNamePart} part of a multi-part last name`}.`,
        `Build ${p.pattern}${p.usePreferredName ? ', using the preferred name when set' : ''}${p.contractorPrefix ? `, with "${p.contractorPrefix}" in front for contractors` : ''}.`,
        ...(p.fallbackPatterns.length ? [`If taken, try ${p.fallbackPatterns.join(', then ')}.`] : []),
        `If taken (by any user, active or disabled, or retired), append ${p.separator ? `"${p.separator}" and ` : ''}a number from ${String(p.firstSuffix).padStart(p.suffixDigits, '0')} up, cutting the base so the whole stays within ${p.maxLength} characters.`,
      ],
      edgeCases: ['a clash and a retired name', 'case-insensitive clash', 'ø, ß, æ, ł transliteration', "apostrophes, hyphens and spaces", `a name longer than ${p.maxLength} characters with a clash`, 'a name with no letters left is an error'],
      assumptions: [],
    };
  },
};

/** "John Quincy Smith" is first, middle and last when a middle-initial fallback is in play. */
function exampleName(p: UsernameParams, fullName: string): Partial<Person> {
  const words = fullName.trim().split(/\s+/);
  if (words.length === 3 && p.fallbackPatterns.some((pattern) => pattern.includes('{m}'))) return { firstName: words[0]!, middleName: words[1]!, lastName: words[2]! };
  return splitFullName(fullName);
}

/** The names that must be taken for the example's output to come out (an example may show a fallback). */
function exampleTaken(p: UsernameParams, example: { input: string; output: string }): string[] | undefined {
  const who = person('x y', exampleName(p, example.input));
  const taken: string[] = [];
  for (let step = 0; step <= p.fallbackPatterns.length; step++) {
    const result = expectedUsername(p, who, taken);
    if (result === example.output) return taken;
    if (typeof result !== 'string') return undefined;
    taken.push(result);
  }
  return undefined;
}

function person(fullName: string, overrides: Partial<Person> = {}): Person {
  return { ...joinedEvent(splitFullName(fullName)).person, ...overrides };
}

function usernameFixtures(p: UsernameParams, recognition: Recognition): FixtureTest[] {
  const scenarios: Array<{ name: string; who: Partial<Person>; taken?: string[]; retired?: string[] }> = [
    { name: 'plain name', who: { firstName: 'John', lastName: 'Smith' } },
    { name: 'ø and å are transliterated (Søren Ødegård)', who: { firstName: 'Søren', lastName: 'Ødegård' } },
    { name: 'ß becomes ss (Hans Weiß)', who: { firstName: 'Hans', lastName: 'Weiß' } },
    { name: 'ł becomes l (Łukasz Michałowski)', who: { firstName: 'Łukasz', lastName: 'Michałowski' } },
    { name: 'æ becomes ae and accents are dropped (Zoë Kjær)', who: { firstName: 'Zoë', lastName: 'Kjær' } },
    { name: "apostrophes are removed (Patrick O'Brien)", who: { firstName: 'Patrick', lastName: "O'Brien" } },
    { name: 'hyphenated last name (Mary Smith-Jones)', who: { firstName: 'Mary', lastName: 'Smith-Jones' } },
    { name: 'multi-part last name (Anna van der Berg)', who: { firstName: 'Anna', lastName: 'van der Berg' } },
    { name: 'a long name is cut to the limit', who: { firstName: 'Maria', lastName: 'Christopher-Alexanderson-Montgomery' } },
    { name: 'a contractor', who: { firstName: 'Carla', lastName: 'Diaz', employmentType: 'contractor' } },
    { name: 'a name with no letters left is an error', who: { firstName: 'John', lastName: '---' } },
  ];
  const base = expectedUsername(p, person('John Smith'), []);
  if (typeof base === 'string') {
    const first = expectedUsername(p, person('John Smith'), [base]);
    scenarios.push({ name: 'a taken name gets the first number', who: { firstName: 'John', lastName: 'Smith' }, taken: [base] });
    if (typeof first === 'string') scenarios.push({ name: 'retired names are never reused', who: { firstName: 'John', lastName: 'Smith' }, taken: [base.toUpperCase()], retired: [first] });
  }
  const long = expectedUsername(p, person('Maria Christopher-Alexanderson-Montgomery'), []);
  if (typeof long === 'string') scenarios.push({ name: 'a clash at the length limit never exceeds it', who: { firstName: 'Maria', lastName: 'Christopher-Alexanderson-Montgomery' }, taken: [long] });
  if (p.usePreferredName) scenarios.push({ name: 'the preferred name wins', who: { firstName: 'Robert', preferredName: 'Bob', lastName: 'Smith' } });
  if (p.fallbackPatterns.length > 0 && typeof base === 'string') {
    scenarios.push({ name: 'a taken name falls back to the middle initial', who: { firstName: 'John', middleName: 'Quincy', lastName: 'Smith' }, taken: [base] });
    scenarios.push({ name: 'without a middle name a taken name is numbered', who: { firstName: 'John', lastName: 'Smith' }, taken: [base] });
  }
  recognition.examples.forEach((example, index) => {
    const taken = exampleTaken(p, example) ?? [];
    scenarios.push({ name: `example ${index + 1} from the requirement: ${example.input} → ${example.output}`, who: exampleName(p, example.input), ...(taken.length > 0 ? { taken } : {}) });
  });

  return scenarios.map((scenario, index) => {
    const taken = [...(scenario.taken ?? []), ...(scenario.retired ?? [])];
    const expected = expectedUsername(p, person('x y', scenario.who), taken);
    return {
      name: scenario.name,
      input: joinedEvent(scenario.who, {}, `evt-${index + 1}`),
      ...(scenario.taken || scenario.retired ? { directory: directoryOf(scenario.taken ?? [], scenario.retired ?? []) } : {}),
      expect: typeof expected === 'string' ? { output: { username: expected } } : { error: expected.error },
    } as FixtureTest;
  });
}
