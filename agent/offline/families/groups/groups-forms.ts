// The sentence shapes that do not start with their subject: "Add everyone to All-Staff", "Grant Jira to
// Engineering", "Give everyone Slack", "If the department is Finance, add ERP-Users", "Exclude
// contractors from VPN-Users", "Slack for everyone, Salesforce for Sales".

import type { ItemWords } from './groups-items.ts';
import { statementsOf, type Statement } from './groups-statements.ts';

const IF_FORM = /^(?:if|when|where|for)\s+(.+?)(?:,\s*|\s+then\s+|\s+)(?:then\s+|also\s+)?(?:(never|don'?t|do not|do not ever)\s+)?(add|assign|give|grant|put|enrol\w*|include|skip|exclude|remove|withhold)\s+(?:them|him|her|the (?:user|person|joiner))?\s*(?:to|in(?:to)?)?\s*(.+)$/i;
const VERB_FIRST = /^(?:please\s+)?(?:(never|don'?t|do not)\s+)?(?:add|put|place|enrol\w*|assign|give|grant|provision|include)\s+/i;
const PREPOSITION = /\s+(?:to|into|in|for|as (?:a )?members? of|a member of|members of)\s+/gi;
const WITHHOLD_FIRST = /^(?:please\s+)?(?:exclude|remove|keep|bar|block)\s+(.+?)\s+(?:from|out of)\s+(.+)$/i;
const FOR_FORM = /^(?:(no|never|skip|withhold|exclude)\s+)?(.+?)\s+(?:(?:is|are)\s+)?(?:only\s+)?(?:(not|never)\s+)?(?:only\s+)?for\s+(.+)$/i;

export function readVerbFirst(text: string, words: ItemWords): Statement[] | { error: string } | undefined {
  const conditional = IF_FORM.exec(text);
  if (conditional) return statementsOf(conditional[1]!, conditional[4]!, Boolean(conditional[2]) || /skip|exclude|remove|withhold/i.test(conditional[3]!), words);
  const withhold = WITHHOLD_FIRST.exec(text);
  if (withhold) return statementsOf(withhold[1]!, withhold[2]!, true, words);
  const first = VERB_FIRST.exec(text);
  if (!first) return undefined;
  // "Put people in the Berlin office into DE-Office": try each preposition. People are added to groups,
  // but apps are granted to people: the verb says which side comes first, the other order is tried next.
  const rest = text.slice(first[0].length);
  let failure: { error: string } = { error: `could not tell who gets what in "${text}"` };
  const orders = /^(?:please\s+)?(?:(?:never|don'?t|do not)\s+)?(?:give|grant|provision|assign)/i.test(text) ? (['items first', 'subject first'] as const) : (['subject first', 'items first'] as const);
  for (const order of orders) {
    for (const preposition of rest.matchAll(PREPOSITION)) {
      const [left, right] = [rest.slice(0, preposition.index), rest.slice(preposition.index + preposition[0].length)];
      const read = order === 'subject first' ? statementsOf(left, right, Boolean(first[1]), words) : statementsOf(right, left, Boolean(first[1]), words);
      if (!('error' in read)) return read;
      if (order === orders[0] && preposition.index === rest.search(PREPOSITION)) failure = read;
    }
  }
  // "Give everyone Slack and Zoom": no preposition, so try each split into subject and items.
  const splits = [...rest.matchAll(/\s+/g)].map((space) => [rest.slice(0, space.index), rest.slice(space.index + space[0].length)] as const);
  for (const [subject, items] of /^(?:never\s+|don'?t\s+|do not\s+)?(?:give|grant)/i.test(text) ? splits : []) {
    const read = statementsOf(subject, items, Boolean(first[1]), words);
    if (!('error' in read)) return read;
  }
  // "Provision Zoom for everyone, plus Salesforce for the Sales team": several "items for subject" pairs.
  return readFor(rest, words) ?? failure;
}

export function readFor(text: string, words: ItemWords): Statement[] | { error: string } | undefined {
  const chunks = text.split(/\s*[,;]\s*(?:plus\s+|and\s+|also\s+)?|(?<=\sfor\s[^,;]*?)\s+(?:and|plus)\s+(?=[^\s,;]+(?:\s+[^\s,;]+)*?\s+for\s)/i).filter(Boolean);
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

