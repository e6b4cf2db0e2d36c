// One sentence of an assignment rule, read into statements "who gets (or never gets) what". The shapes:
//   subject verb items      "Engineering gets GitHub-Users and Jira-Users, Sales gets Salesforce-Users"
//   table line              "Berlin: DE-Office"   "Engineering -> GitHub-Users"
//   verb first              "Add everyone to All-Staff"   "Never add contractors to VPN-Users"
//   items for subject       "Slack for everyone, Salesforce for Sales"   "No VPN-Users for contractors"
//   if / when               "If the department is Finance, add ERP-Users"
// Exceptions ride along: "everyone except contractors gets VPN-Users", "… but not contractors".

import { leftoverWords } from '../../clauses.ts';
import type { ItemWords } from './groups-items.ts';
import { readFor, readVerbFirst } from './groups-forms.ts';
import { statementsOf, type Statement } from './groups-statements.ts';
import { EVERYONE, wholeWords } from './groups-subjects.ts';

export type { Statement };

export type Reading = { statements: Statement[]; example: boolean } | { error: string };

const WITHHOLD = String.raw`never (?:gets?|receives?|go(?:es)? (?:in)?to|joins?|(?:is|are|be|gets?) (?:added|put) (?:to|in(?:to)?)|be in|has|have)|(?:do|does|should|must|will|can|may|could|would)(?:\s+not|n?'?t)\s+(?:get|receive|have|join|be (?:added|put|placed) (?:to|in(?:to)?)|be (?:in|given|members? of)|go (?:in)?to)|(?:is|are)(?:\s+not|n'?t|\s+never)\s+(?:added to|put in(?:to)?|given|in|members? of|allowed (?:in(?:to)?|to (?:have|get|join)))|(?:(?:is|are|should be|must be)\s+)?excluded from|skips?|gets? no|receives? no|cannot (?:get|have)|(?:don'?t|doesn'?t|do not|does not|aren'?t|are not|shouldn'?t|should'?t|should not)(?=\s*$)`;
const GIVE = String.raw`gets?|receives?|(?:should|will|must) (?:get|receive|have|be (?:added|put|placed) (?:to|in(?:to)?)|be (?:in|a member of|members of|given))|(?:is|are) (?:added|put|placed|assigned|enrolled|provisioned|given)(?: (?:to|in(?:to)?))?|(?:is|are) members? of|gets? added to|go(?:es)? (?:in)?to|joins?|belongs? to|gets? access to`;
const WEAK = String.raw`:|=|(?:is|are) in|needs?|has|have`;
const VERBS = new RegExp(String.raw`(?<![\w'-])(?:(${WITHHOLD})|(${GIVE}))(?![\w'-])`, 'gi');
const WEAK_VERBS = new RegExp(String.raw`(?<![\w'-])(?:(${WITHHOLD})|(${GIVE}|${WEAK}))(?![\w'-])|\s*(:|=)\s*`, 'gi');

const PAIR_BREAK = /,|;|\bwhile\b|\bwhereas\b|\bbut\b/gi;

/** Where one pair's items end and the next pair's subject starts, between two verbs. */
function breakBetween(text: string): { at: number; length: number } | undefined {
  const last = [...text.matchAll(PAIR_BREAK)].at(-1) ?? [...text.matchAll(/\band\b/gi)].at(-1);
  return last && { at: last.index, length: last[0].length };
}

/** Subject-verb sentences, one or more pairs: "Engineering gets A and B, Sales gets C". */
function readPairs(text: string, words: ItemWords, previous?: Statement): Statement[] | { error: string } | undefined {
  let verbs = [...text.matchAll(VERBS)];
  if (verbs.length === 0) verbs = [...text.matchAll(WEAK_VERBS)].filter((verb) => (verb.index ?? 0) > 0);
  if (verbs.length === 0) return undefined;
  const statements: Statement[] = [];
  let subjectStart = 0;
  for (const [index, verb] of verbs.entries()) {
    const itemsStart = verb.index! + verb[0].length;
    const next = verbs[index + 1];
    const between = next ? breakBetween(text.slice(itemsStart, next.index)) : undefined;
    if (next && between === undefined) return { error: `could not tell where one rule ends and the next starts in "${text}"` };
    const itemsEnd = next ? itemsStart + between!.at : text.length;
    const read = statementsOf(text.slice(subjectStart, verb.index), text.slice(itemsStart, itemsEnd), Boolean(verb[1]), words, statements.at(-1) ?? previous);
    if ('error' in read) return read;
    statements.push(...read);
    subjectStart = itemsEnd + (between?.length ?? 0);
  }
  return statements;
}

/** "Group membership for new joiners: Engineering gets …" reads from after the colon. */
function dropIntro(text: string, words: ItemWords): string {
  const colon = text.indexOf(':');
  // "all: All-Staff" is a row for everyone, not an introduction.
  if (colon > 0 && EVERYONE.test(text.slice(0, colon).trim())) return text;
  return colon > 0 && leftoverWords(text.slice(0, colon), [words.intro, words.nouns]).length === 0 ? text.slice(colon + 1) : text;
}

const WHOLE_WORDS = /\s*\(\s*(?:match(?:ing)?\s+)?(?:on\s+)?(?:whole|full|complete)[- ]words?(?:\s+only)?\b[^()]*\)/i;

/** Words that make a remark a rule of its own: it is then read, never dropped. */
const RULE_WORDS = /(?<![\w'-])(?:gets?|got|receives?|never|not|no|nothing|only|except|unless|excluding|add\w*|remove\w*|give\w*|grant\w*|assign\w*|skips?|exclud\w*|don'?t|doesn'?t|isn'?t|aren'?t|should|must|also|but)(?![\w'-])/i;

/** Reasons that change nothing: "(security said so)", "(they use their own)", "bc they use their own
 *  company's MFA". A bracket is a remark when it holds no name and no rule word; a reason is a tail that
 *  starts with "because"/"bc"/"since" and holds no rule word. */
function withoutRemarks(text: string): string {
  const unbracketed = text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (/[\p{Lu}\d"'“‘`]/u.test(inner.replace(/^\s*I\b/, '')) || RULE_WORDS.test(inner) ? whole : ' '));
  const reason = /\s*,?\s*(?<![\w-])(?:(?:bc|b\/c|because|cause|cuz|coz|since)\s+(?:they|it|he|she|we|that|this|those|these|the|security|legal|compliance|our|their)|as\s+(?:they|it|we|he|she))\b([^()]*)$/i.exec(unbracketed);
  return reason && !RULE_WORDS.test(reason[1]!) ? unbracketed.slice(0, reason.index) : unbracketed;
}

const EXAMPLE = /^(?:e\.g\.?|for example|for instance|example|i\.e\.?|so(?=\s+an?\s))[,:]?\s+/i;

export function readClause(clause: string, words: ItemWords, previous?: Statement): Reading {
  // "(interns excluded from admin groups)": a sentence in brackets is read on its own.
  // One that only describes ("(baseline)") is dropped.
  // "(whole words: a 'Management Trainee' is not a manager)": title words match whole words only.
  const whole = WHOLE_WORDS.exec(clause);
  if (whole) {
    const reading = readClause(clause.replace(whole[0], ' '), words, previous);
    if (!('error' in reading)) for (const { subject } of reading.statements) if (subject.condition.titlePattern) subject.condition.titlePattern = wholeWords(subject.condition.titlePattern);
    return reading;
  }
  const asides = [...clause.matchAll(/\(([^()]*)\)/g)]
    .map((aside) => ({ whole: aside[0], reading: leftoverWords(aside[1]!, [words.intro, words.nouns]).length === 0 ? { statements: [], example: false } : readSentence(aside[1]!, words) }))
    .filter((aside) => !('error' in aside.reading));
  const main = readSentence(withoutRemarks(asides.reduce((text, aside) => text.replace(aside.whole, ' '), clause)).trim(), words, previous);
  if ('error' in main || asides.length === 0) return main;
  return { statements: [...main.statements, ...asides.flatMap((aside) => ('error' in aside.reading ? [] : aside.reading.statements))], example: main.example };
}

function readSentence(clause: string, words: ItemWords, previous?: Statement): Reading {
  const example = EXAMPLE.test(clause);
  // A table row ("| Engineering | GitHub-Users, Jira-Users |", tab-separated too) reads as "Engineering: …".
  const row = clause.replace(/^\s*\|\s*|\s*\|\s*$/g, '').replace(/\s*(?:\||\t)\s*/, ': ');
  const text = dropIntro(row.replace(EXAMPLE, ''), words).replace(/^(?:note|nb|also|and|plus|finally|lastly|then|oh and|exceptions?|however|important)\s*[:,-]?\s+/i, '').replace(/\s*(?:→|->|=>)\s*/g, ' gets ').trim();
  for (const read of [readVerbFirst, readPairs, readFor]) {
    const statements = read(text, words, previous);
    if (statements === undefined) continue;
    return 'error' in statements ? statements : { statements, example };
  }
  return { error: `no "who gets what" in "${clause}"` };
}
