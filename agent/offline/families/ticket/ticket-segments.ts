// One piece of a ticket clause read as a table entry: "Engineering gets a MacBook Pro 16",
// "London tickets go to 'IT London'", "Assign Berlin to DE Desk", "Sales → MacBook Air",
// "everyone else a MacBook Air", "Sales a MacBook Air" (the verb left out after a first entry).

import { DEVICE_WORDS, QUEUE_WORDS, readValue } from './ticket-keys.ts';

export type Kind = 'hardware' | 'queue';

export interface ReadSegment {
  /** Undefined for an "everyone else" default. */
  keysText?: string;
  value: string;
  kind?: Kind;
  /** Words before the entry ("Raise a ServiceNow ticket ... assigned to X"): the family's other rules must understand them. */
  prefix?: string;
}

const HW_VERB = String.raw`(?:gets?|receives?|(?:should|will|must|shall|would|to)\s+(?:get|receive|have)|(?:is|are)\s+(?:given|issued|assigned)(?=\s+(?:an?|the)\b)|needs?)`;
const QUEUE_VERB = String.raw`(?:go(?:es)?|(?:is|are|get|gets)\s+(?:routed|assigned|sent)|(?:is|are)\s+handled|lands?|belongs?)\s+(?:to|by|in|with)`;
const ASSIGN = String.raw`(?:please\s+)?(?:assign|route|send|direct)`;
const OBJECT = String.raw`(?:(?:it|them|the ticket|tickets|the tickets|these|those)\s+)?`;
const DEFAULT = String.raw`(?:for\s+)?(?:ev[a-z]{2,5}(?:one|body|thing)|anyone|anybody|anything|anywhere|all|any|the rest|others|elsewhere|otherwise|other|else|by default|defaulting|defaults?|fall(?:ing|s)? ?back|fallback)(?:\s+(?:else|other|others))?(?:\s+(?:tickets?|joiners?|hires|new hires|people|departments?|locations?|offices?|sites?|cities|teams?|staff|employees|cases?|profile|hardware|laptop|group|queue|assignment group))?(?:\s+or\s+(?:no|a missing|an unknown|an unlisted|without an?)\s+(?:office|location|site|city|department|team))?\b`;
const CONNECTOR = String.raw`(?:(?:should\s+)?(?:go(?:es)?\s+to|gets?|get|receives?|is|are|uses?|to|→|->|=>|⇒|:|=|–|—)\s*)?`;
const ARROW = String.raw`\s*(?:→|->|=>|⇒|:|=|–|—)\s*`;

/** The kind a connector word implies: "go to" a queue, "get" a device. */
function kindOfConnector(text: string): Kind | undefined {
  if (/\b(?:go(?:es)?\s+to|to)\b/i.test(text)) return 'queue';
  if (/\b(?:gets?|get|receives?)\b/i.test(text)) return 'hardware';
  return undefined;
}

/** The kind a value implies when no verb said it: devices are hardware, desks and teams are queues. */
export function kindOfValue(value: string): Kind | undefined {
  const device = DEVICE_WORDS.test(value);
  const queue = QUEUE_WORDS.test(value);
  return device === queue ? undefined : device ? 'hardware' : 'queue';
}

const FORMS: Array<{ pattern: RegExp; read(match: RegExpExecArray): ReadSegment }> = [
  // "Assign London to IT London", "route tickets for Berlin to 'DE Desk'"
  { pattern: new RegExp(String.raw`^${ASSIGN}\s+${OBJECT}(?:for|from|in)?\s*(.+?)\s+to\s+(.+)$`, 'i'), read: (match) => ({ keysText: match[1], value: match[2]!, kind: 'queue' }) },
  // "Assign it to IT Hardware" (everyone)
  { pattern: new RegExp(String.raw`^${ASSIGN}\s+${OBJECT}(?:to)\s+(.+)$`, 'i'), read: (match) => ({ value: match[1]!, kind: 'queue' }) },
  // "for London, assign to X", "in Berlin use DE Desk"
  { pattern: new RegExp(String.raw`^(?:for|in)\s+(.+?)\s*,?\s+(?:${ASSIGN}\s+${OBJECT}to|use|it goes to|they go to)\s+(.+)$`, 'i'), read: (match) => ({ keysText: match[1], value: match[2]! }) },
  // "for Engineering, order a MacBook Pro"
  { pattern: /^(?:for|in)\s+(.+?)\s*,?\s+(?:order|get|provide|ship|buy|request)\s+(.+)$/i, read: (match) => ({ keysText: match[1], value: match[2]!, kind: 'hardware' }) },
  { pattern: new RegExp(String.raw`^(.+?)\s+${HW_VERB}\s+(.+)$`, 'i'), read: (match) => ({ keysText: match[1], value: match[2]!, kind: 'hardware' }) },
  { pattern: new RegExp(String.raw`^(.+?)\s+${QUEUE_VERB}\s+(.+)$`, 'i'), read: (match) => ({ keysText: match[1], value: match[2]!, kind: 'queue' }) },
  { pattern: new RegExp(String.raw`^${DEFAULT}\s*${CONNECTOR}(.+)$`, 'i'), read: (match) => ({ value: match[1]!, kind: kindOfConnector(match[0].slice(0, match[0].length - match[1]!.length)) }) },
  { pattern: new RegExp(String.raw`^(.+?)${ARROW}(.+)$`, 'i'), read: (match) => ({ keysText: match[1], value: match[2]! }) },
  // The value first, quoted: '"Desk NYC" for New York'
  { pattern: /^(["“'][^"”']+["”'])\s+(?:for|in|at)\s+(.+)$/i, read: (match) => ({ keysText: match[2], value: match[1]! }) },
  // Inline, after words about the ticket: "... assigned to the Deskside Support group", "with a MacBook Air for everyone"
  { pattern: /^(.*?)\s*\b(?:assigned|routed|sent|going)\s+to\s+(.+)$/i, read: (match) => ({ prefix: match[1], value: match[2]!, kind: 'queue' }) },
  { pattern: new RegExp(String.raw`^(.*?)\s*\b(?:with|gets?|give|order|provide|ship)\s+(?:everyone|everybody|all of them|them|each|every \w+)?\s*(an?\s.+?|the\s.+?)\s+(?:for\s+)?(?:everyone|everybody|all|every \w+|each \w+)$`, 'i'), read: (match) => ({ prefix: match[1], value: match[2]!, kind: 'hardware' }) },
  { pattern: /^(.*?)\s*\b(?:give|order|provide|ship)\s+(?:everyone|everybody|all of them|each \w+|every \w+|them|all new \w+)\s+(.+)$/i, read: (match) => ({ prefix: match[1], value: match[2]!, kind: 'hardware' }) },
];

/** The segment as a table entry, or undefined. `keysText` is still to be checked by readKey. */
export function readSegment(segment: string): ReadSegment[] {
  const found: ReadSegment[] = [];
  for (const form of FORMS) {
    const match = form.pattern.exec(segment);
    if (!match) continue;
    const read = form.read(match);
    found.push({ ...read, value: readValue(read.value), prefix: read.prefix?.trim() || undefined });
  }
  return found;
}

/** "Sales a MacBook Air" or "Berlin to EMEA Desk" after a first entry: the same verb, left out. */
export function readGapped(segment: string): ReadSegment[] {
  const article = /^(.+?)\s+((?:an?|the|two|\d+)\s+.+)$/i.exec(segment);
  const to = /^(.+?)\s+(?:to|goes to|go to)\s+(.+)$/i.exec(segment);
  return [
    ...(to ? [{ keysText: to[1], value: readValue(to[2]!), kind: 'queue' as const }] : []),
    ...(article ? [{ keysText: article[1], value: readValue(article[2]!) }] : []),
  ];
}

/** A piece that looks like a table entry ("Finance gets ...", "everyone else ...", "X → Y") but did not read as one. */
export function looksLikeEntry(segment: string, isKey: (words: string) => boolean): boolean {
  if (/→|->|=>|⇒|=/.test(segment) || new RegExp(String.raw`^${DEFAULT}`, 'i').test(segment)) return true;
  const before = new RegExp(String.raw`(\S+(?:\s+\S+)?)\s+(?:${HW_VERB}|${QUEUE_VERB})`, 'i').exec(segment);
  return before !== null && (isKey(before[1]!) || isKey(before[1]!.split(/\s+/).at(-1)!));
}

/** Words that make a piece look like a table entry: one that does not read as one is named, never let pass. */
export const ENTRY_SIGNAL = /\b(?:gets?|receives?|given|issued|go(?:es)?\s+to|assign\w*|route[sd]?|handled by|everyone|everybody|anyone|otherwise|else|elsewhere|default|the rest|others)\b|→|->|=>|⇒|=/i;

/** "If the department is Engineering" / "if the location is London": keys waiting for their value. */
export function readCondition(segment: string): { keysText: string; kind?: Kind; consequence?: string } | undefined {
  const named = /^(?:if|when|where|for)\s+(?:the\s+|their\s+|a\s+|an\s+)?(?:(department|dept|team)|(location|office|site|city|country))\s+(?:is|=|==|equals|of)\s+(.+)$/i.exec(segment);
  if (named) return { keysText: named[3]!, kind: named[1] ? 'hardware' : 'queue' };
  // "if they're in Engineering they get a MacBook Pro", "when the joiner is based in Berlin"
  const subject = String.raw`^(?:if|when)\s+(?:they(?:'re|’re| are)|(?:the |a )?(?:person|joiner|new hire|hire|user|employee|starter)\s+is)\s+(?:in|from|at|based in|part of)\s+(?:the\s+)?`;
  const withConsequence = new RegExp(String.raw`${subject}(.+?)(?:\s+(?:team|department|office))?(?:\s*,\s*|\s+)((?:then|they|he|she|gets?|receives?|order|assign|route|send|use|the)\b.+)$`, 'i').exec(segment);
  if (withConsequence) return { keysText: withConsequence[1]!, consequence: withConsequence[2] };
  const alone = new RegExp(String.raw`${subject}(.+?)(?:\s+(?:team|department|office))?$`, 'i').exec(segment);
  return alone ? { keysText: alone[1]! } : undefined;
}

/** The value after a condition: "order a MacBook Pro", "assign it to X", "the profile is Y", "they get Z". */
export function readConsequence(segment: string): string | undefined {
  const match = /^(?:then\s+)?(?:(?:they|he|she|we)\s+)?(?:(?:should|will)\s+)?(?:gets?|get|receives?|order|use|give them|provide|assign(?:\s+it)?\s+to|route(?:\s+it)?\s+to|send(?:\s+it)?\s+to|(?:the\s+)?(?:hardware(?:\s+profile)?|profile|laptop|device|assignment group|group|queue)\s+(?:is|should be))\s+(.+)$/i.exec(segment);
  return match ? readValue(match[1]!) : undefined;
}

const INSTRUCTION = /^(?:please\s+)?(?:also\s+)?(?:e-?mail|send|notify|create|add|assign|route|post|slack|make|open|raise|set|use|include|put|order|log|call|ping|tell|ask|cc|and then|then)\b/i;

/** "64 GB RAM" or "a 27-inch monitor" after a hardware value is more of that value. */
export function continuesValue(segment: string): boolean {
  if (INSTRUCTION.test(segment)) return false;
  return DEVICE_WORDS.test(segment) || /^(?:(?:an?|two|three|four|plus|with)\s|\d)/i.test(segment);
}
