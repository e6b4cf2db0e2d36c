// One sentence of an assignment rule, read into statements "who gets (or never gets) what". The shapes:
//   subject verb items      "Engineering gets GitHub-Users and Jira-Users, Sales gets Salesforce-Users"
//   table line              "Berlin: DE-Office"   "Engineering -> GitHub-Users"
//   verb first              "Add everyone to All-Staff"   "Never add contractors to VPN-Users"
//   items for subject       "Slack for everyone, Salesforce for Sales"   "No VPN-Users for contractors"
//   if / when               "If the department is Finance, add ERP-Users"
// Exceptions ride along: "everyone except contractors gets VPN-Users", "… but not contractors".

import { parseItems, type ItemWords } from './groups-items.ts';
import { parseSubject, type Subject } from './groups-subjects.ts';

export interface Statement {
  subject: Subject;
  names: string[];
  /** Kinds of names withheld ("admin"), as case-insensitive regular expressions. */
  patterns: string[];
  negated: boolean;
}

export type Reading = { statements: Statement[]; example: boolean } | { error: string };

const WITHHOLD = String.raw`never (?:gets?|receives?|go(?:es)? (?:in)?to|joins?|(?:is|are|be|gets?) (?:added|put) (?:to|in(?:to)?)|be in|has|have)|(?:do|does|should|must|will|can|may)(?:\s+not|n'?t)\s+(?:get|receive|have|join|be (?:added|put|placed) (?:to|in(?:to)?)|be (?:in|given|members? of)|go (?:in)?to)|(?:is|are)(?:\s+not|n'?t|\s+never)\s+(?:added to|put in(?:to)?|given|in|members? of|allowed (?:in(?:to)?|to (?:have|get|join)))|(?:is|are|should be|must be) excluded from|skips?|gets? no|receives? no|cannot (?:get|have)|(?:don'?t|doesn'?t|do not|does not|aren'?t|are not|shouldn'?t|should not)(?=\s*$)`;
const GIVE = String.raw`gets?|receives?|(?:should|will|must) (?:get|receive|have|be (?:added|put|placed) (?:to|in(?:to)?)|be (?:in|a member of|members of|given))|(?:is|are) (?:added|put|placed|assigned|enrolled|provisioned|given)(?: (?:to|in(?:to)?))?|(?:is|are) members? of|gets? added to|go(?:es)? (?:in)?to|joins?|belongs? to|gets? access to`;
const WEAK = String.raw`:|=|(?:is|are) in|needs?|has|have`;
const VERBS = new RegExp(String.raw`(?<![\w'-])(?:(${WITHHOLD})|(${GIVE}))(?![\w'-])`, 'gi');
const WEAK_VERBS = new RegExp(String.raw`(?<![\w'-])(?:(${WITHHOLD})|(${GIVE}|${WEAK}))(?![\w'-])|\s*(:|=)\s*`, 'gi');
const EXCEPT = /\s*(?:,\s*)?\(?\s*(?:\bbut\s+not\b|\bexcept(?:\s+for)?\b|\bexcluding\b|\bother than\b|\bapart from\b|\bsave for\b|\bunless\s+(?:they(?:'re|\s+are)\s+(?:an?\s+)?)?|\bbut\s+(?:never\s+)?for\b|\bnot\s+for\b|\bwho\s+(?:is|are)(?:\s+not|n'?t)\s+(?:an?\s+)?)\s*/i;
const PAIR_BREAK = /,|;|\bwhile\b|\bwhereas\b|\bbut\b/gi;

/** Where one pair's items end and the next pair's subject starts, between two verbs. */
function breakBetween(text: string): number | undefined {
  const last = [...text.matchAll(PAIR_BREAK)].at(-1) ?? [...text.matchAll(/\band\b/gi)].at(-1);
  return last?.index;
}

/** "everyone except contractors" / "Salesforce, but not contractors": the main part and the exception. */
function splitException(text: string): [string, string | undefined] {
  const match = EXCEPT.exec(text);
  if (!match || match.index === 0) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length).replace(/\)\s*$/, '')];
}

function statementsOf(subjectText: string, itemsText: string, negated: boolean, words: ItemWords, previous?: Statement): Statement[] | { error: string } {
  const [mainSubject, subjectException] = splitException(subjectText.replace(/[()]/g, ' '));
  const [mainItems, itemsException] = splitException(itemsText);
  const deny = negated || /^\s*(?:no|never|not|nothing|none)\b/i.test(mainItems);
  const subject = parseSubject(mainSubject);
  if ('error' in subject) return subject;
  const items = parseItems(mainItems, words, { exception: deny });
  if ('error' in items) return items;
  if (items.names.length + items.patterns.length === 0) {
    if (!deny || !previous) return { error: `nothing is named in "${itemsText.trim()}"` };
    Object.assign(items, { names: previous.names, patterns: previous.patterns });
  }
  const statements: Statement[] = [{ subject, ...items, negated: deny }];
  for (const exceptionText of [subjectException, itemsException].filter((text): text is string => text !== undefined)) {
    const exception = parseSubject(exceptionText);
    if ('error' in exception) return exception;
    statements.push({ subject: exception, ...items, negated: !deny });
  }
  return statements;
}

/** Subject-verb sentences, one or more pairs: "Engineering gets A and B, Sales gets C". */
function readPairs(text: string, words: ItemWords): Statement[] | { error: string } | undefined {
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
    const itemsEnd = next ? itemsStart + between! : text.length;
    const read = statementsOf(text.slice(subjectStart, verb.index), text.slice(itemsStart, itemsEnd), Boolean(verb[1]), words, statements.at(-1));
    if ('error' in read) return read;
    statements.push(...read);
    subjectStart = itemsEnd + 1;
  }
  return statements;
}

const IF_FORM = /^(?:if|when|where|for)\s+(.+?)(?:,\s*|\s+then\s+)(?:then\s+|also\s+)?(?:(never|don'?t|do not|do not ever)\s+)?(add|assign|give|grant|put|enrol\w*|include|skip|exclude|remove|withhold)\s+(?:them|him|her|the (?:user|person|joiner))?\s*(?:to|in(?:to)?)?\s*(.+)$/i;
const VERB_FIRST = /^(?:please\s+)?(?:(never|don'?t|do not)\s+)?(add|put|place|enrol\w*|assign|give|grant|provision|include)\s+(.+?)\s+(?:to|into|in|for|a member of|members of)\s+(.+)$/i;
const WITHHOLD_FIRST = /^(?:please\s+)?(?:exclude|remove|keep|bar|block)\s+(.+?)\s+(?:from|out of)\s+(.+)$/i;
const FOR_FORM = /^(?:(no|never|skip|withhold|exclude)\s+)?(.+?)\s+(?:(?:is|are)\s+)?(?:only\s+)?(?:(not|never)\s+)?(?:only\s+)?for\s+(.+)$/i;

function readVerbFirst(text: string, words: ItemWords): Statement[] | { error: string } | undefined {
  const conditional = IF_FORM.exec(text);
  if (conditional) return statementsOf(conditional[1]!, conditional[4]!, Boolean(conditional[2]) || /skip|exclude|remove|withhold/i.test(conditional[3]!), words);
  const withhold = WITHHOLD_FIRST.exec(text);
  if (withhold) return statementsOf(withhold[1]!, withhold[2]!, true, words);
  const first = VERB_FIRST.exec(text);
  if (!first) return undefined;
  const negated = Boolean(first[1]);
  const direct = statementsOf(first[3]!, first[4]!, negated, words);
  return 'error' in direct ? statementsOf(first[4]!, first[3]!, negated, words) : direct;
}

function readFor(text: string, words: ItemWords): Statement[] | { error: string } | undefined {
  const chunks = text.split(/\s*[,;]\s*|\s+and\s+(?=\S+(?:\s+\S+)*?\s+for\s)/i).filter(Boolean);
  if (!chunks.every((chunk) => FOR_FORM.test(chunk))) return undefined;
  const statements: Statement[] = [];
  for (const chunk of chunks) {
    const match = FOR_FORM.exec(chunk)!;
    const read = statementsOf(match[4]!, match[2]!, Boolean(match[1] || match[3]), words);
    if ('error' in read) return read;
    statements.push(...read);
  }
  return statements;
}

const EXAMPLE = /^(?:e\.g\.?|for example|for instance|example|i\.e\.?|so(?=\s+an?\s))[,:]?\s+/i;

export function readClause(clause: string, words: ItemWords): Reading {
  const example = EXAMPLE.test(clause);
  const text = clause.replace(EXAMPLE, '').replace(/^(?:note|nb|also|and|plus|finally|lastly|then|oh and)\s*[:,-]?\s+/i, '').replace(/\s*(?:→|->|=>)\s*/g, ' gets ').trim();
  for (const read of [readVerbFirst, readPairs, readFor]) {
    const statements = read(text, words);
    if (statements === undefined) continue;
    return 'error' in statements ? statements : { statements, example };
  }
  return { error: `no "who gets what" in "${clause}"` };
}
