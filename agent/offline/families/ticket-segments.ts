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
}

const HW_VERB = String.raw`(?:gets?|receives?|(?:should|will|must|shall|would|to)\s+(?:get|receive|have)|(?:is|are)\s+(?:given|issued|assigned)(?=\s+(?:an?|the)\b)|needs?)`;
const QUEUE_VERB = String.raw`(?:go(?:es)?|(?:is|are|get|gets)\s+(?:routed|assigned|sent)|(?:is|are)\s+handled|lands?|belongs?)\s+(?:to|by|in|with)`;
const ASSIGN = String.raw`(?:please\s+)?(?:assign|route|send|direct)`;
const OBJECT = String.raw`(?:(?:it|them|the ticket|tickets|the tickets|these|those)\s+)?`;
const DEFAULT = String.raw`(?:for\s+)?(?:everyone|everybody|anyone|anybody|all|any|the rest|others|all others|everything|every other|any other|other|otherwise|else|by default|default|fallback)(?:\s+(?:else|other))?(?:\s+(?:tickets?|joiners?|hires|new hires|people|departments?|locations?|offices?|sites?|cities|teams?|staff|employees|cases?|profile|hardware|laptop|group|queue|assignment group))?`;
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
];

/** The segment as a table entry, or undefined. `keysText` is still to be checked by readKey. */
export function readSegment(segment: string): ReadSegment[] {
  const found: ReadSegment[] = [];
  for (const form of FORMS) {
    const match = form.pattern.exec(segment);
    if (match) found.push({ ...form.read(match), value: readValue(form.read(match).value) });
  }
  return found;
}

/** "Sales a MacBook Air" after "Engineering gets a MacBook Pro": the same verb, left out. */
export function readGapped(segment: string): ReadSegment | undefined {
  const match = /^(.+?)\s+((?:an?|the|two|\d+)\s+.+)$/i.exec(segment);
  return match ? { keysText: match[1], value: readValue(match[2]!) } : undefined;
}

const INSTRUCTION = /^(?:please\s+)?(?:also\s+)?(?:e-?mail|send|notify|create|add|assign|route|post|slack|make|open|raise|set|use|include|put|order|log|call|ping|tell|ask|cc|and then|then)\b/i;

/** "64 GB RAM" or "a 27-inch monitor" after a hardware value is more of that value. */
export function continuesValue(segment: string): boolean {
  if (INSTRUCTION.test(segment)) return false;
  return DEVICE_WORDS.test(segment) || /^(?:(?:an?|two|three|four|plus|with)\s|\d)/i.test(segment);
}
