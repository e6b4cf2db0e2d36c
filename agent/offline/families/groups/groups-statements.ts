// One "who gets what" read into statements, with the exceptions that ride along: "everyone except
// contractors gets VPN-Users", "Salesforce, but not contractors", "Interns get Interns but no admin
// groups", "Nobody in London gets Zoom", "contractors only get Slack".

import { parseItems, REGARDLESS, type ItemWords } from './groups-items.ts';
import { parseSubject, type Subject } from './groups-subjects.ts';

export interface Statement {
  subject: Subject;
  names: string[];
  /** Kinds of names withheld ("admin"), as case-insensitive regular expressions. */
  patterns: string[];
  negated: boolean;
  /** "Interns get nothing" / "… get neither": withholds whatever the rules grant (settled once all are read). */
  nothing?: 'nothing' | 'neither';
}

/** "nothing", "no apps at all", "neither (of them)"; `nouns` are the words for the kind of item. */
const nothingPattern = (nouns: RegExp) => new RegExp(String.raw`^\s*(?:(nothing|none|no\s+(?:(?:other|extra|additional|further)\s+)?(?:${nouns.source})(?:\s+at\s+all)?|nothing\s+(?:else|extra|more|at\s+all))|(neither|neither\s+of\s+(?:them|those|these|the\s+two)|neither\s+one))\s*$`, 'i');

const COST_CENTRE_LABEL = /(\bcost[- ]?cent(?:er|re)s?\s*(?:code\s*)?(?:is\s*|=\s*|of\s*|:\s*)?["'“]?\d[\w-]*["'”]?|\bcc\s*[#:]?\s*\d[\w-]*)\s*\([^()]*\)/gi;
const EXCEPT = /\s*(?:,\s*)?\(?\s*(?:\bbut\s+(?:not|no|never)\b|\bexcept(?:\s+for)?\b|\bexcluding\b|\bother than\b|\bapart from\b|\bsave for\b|\bunless\s+(?:they(?:'re|\s+are)\s+(?:an?\s+)?)?|\bbut\s+(?:never\s+)?for\b|\bnot\s+for\b|\bwho\s+(?:is|are)(?:\s+not|n'?t)\s+(?:an?\s+)?)\s*/i;
/** "everyone except contractors" / "Salesforce, but not contractors": the main part and the exception. */
function splitException(text: string): [string, string | undefined] {
  const match = EXCEPT.exec(text);
  if (!match || match.index === 0) return [text, undefined];
  return [text.slice(0, match.index), text.slice(match.index + match[0].length).replace(/\)\s*$/, '')];
}

export function statementsOf(subjectText: string, itemsText: string, negated: boolean, words: ItemWords, previous?: Statement): Statement[] | { error: string } {
  // "Nobody in London gets Zoom", "No contractor gets Salesforce": the subject carries the negation.
  const nobody = /^\s*(?:nobody|no[- ]one|none of (?:the\s+)?|no)\b\s*/i.exec(subjectText);
  // "cost centre 5000 (Treasury)": the bracket names the cost centre; it is not a department.
  const unlabelled = subjectText.slice(nobody?.[0].length ?? 0).replace(COST_CENTRE_LABEL, '$1');
  const [mainSubject, subjectException] = splitException(unlabelled.replace(/[()]/g, ' ') || 'everyone');
  const [mainItems, itemsException] = splitException(itemsText);
  const deny = negated !== Boolean(nobody) || /^\s*(?:no|never|not|nothing|none)\b/i.test(mainItems);
  if (STRAY_NEGATION.test(mainSubject) || STRAY_NEGATION.test(mainItems.replace(/^\s*(?:no|never|not|nothing|none)\b/i, ''))) return { error: `could not tell what the negation in "${subjectText.trim()} … ${itemsText.trim()}" applies to` };
  const subject = parseSubject(mainSubject);
  if ('error' in subject) return subject;
  const nothing = nothingPattern(words.nouns).exec(mainItems.replace(REGARDLESS, ' '));
  if (nothing && !negated && !nobody) {
    if (subjectException !== undefined || itemsException !== undefined) return { error: `could not tell what "${itemsText.trim()}" leaves out` };
    return [{ subject, names: [], patterns: [], negated: true, nothing: nothing[1] ? 'nothing' : 'neither' }];
  }
  const items = parseItems(mainItems, words, { exception: deny });
  if ('error' in items) return items;
  if (items.names.length + items.patterns.length === 0) {
    if (!deny || !previous) return { error: `nothing is named in "${itemsText.trim()}"` };
    Object.assign(items, { names: previous.names, patterns: previous.patterns });
  }
  const statements: Statement[] = [{ subject, ...items, negated: deny }];
  if (!deny && (/\bonly\s*$/i.test(mainSubject) || /^\s*only\b/i.test(mainItems))) statements.push(onlyStatement(statements[0]!));
  for (const exceptionText of [subjectException, itemsException].filter((text): text is string => text !== undefined)) {
    const exception = parseSubject(exceptionText);
    if (!('error' in exception)) {
      statements.push({ subject: exception, ...items, negated: !deny });
      continue;
    }
    // "Interns get Interns but no admin groups": the tail withholds names from the same people.
    const withheld = exceptionText === itemsException && !deny ? parseItems(exceptionText, words, { exception: true }) : exception;
    if ('error' in withheld) return exception;
    statements.push({ subject, ...withheld, negated: true });
  }
  return statements;
}

/** Negations the grammar did not place: a sentence that still holds one is not read at all. */
const STRAY_NEGATION = /(?<![\w-])(?:not|never|no|don'?t|doesn'?t|isn'?t|aren'?t|won'?t|shouldn'?t|mustn'?t|can'?t|cannot|without|except|unless|excluding)(?![\w-])/i;


const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Contractors only get Slack": they get Slack and nothing else, whatever other rules say. */
export function onlyStatement(statement: Statement): Statement {
  return { subject: statement.subject, names: [], patterns: [`^(?!(?:${statement.names.map(escape).join('|')})$)`], negated: true };
}
