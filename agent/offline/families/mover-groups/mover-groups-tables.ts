// What the mover-groups family collects while reading clauses: group tables by department, location and
// worker type, baseline groups, exclusions and worked examples; and whom a table row is for.

import type { Recognition } from '../../recognizer.ts';
import { correctDepartment } from '../../grammar/department-names.ts';

export type Table = 'department' | 'location' | 'type';

export interface MoveExample {
  text: string;
  from: string;
  to: string;
  add: string[];
  remove: string[];
  /** Groups the example says stay: in neither list. */
  keep: string[];
}

export interface MoverDraft {
  section?: Table;
  tables: Record<Table, Record<string, string[]>>;
  baseline: string[];
  baselineMentioned: boolean;
  excluded: Record<string, string[]>;
  examples: MoveExample[];
}

const drafts = new WeakMap<Recognition, MoverDraft>();

export function moverDraftOf(recognition: Recognition): MoverDraft {
  let draft = drafts.get(recognition);
  if (!draft) {
    draft = { tables: { department: {}, location: {}, type: {} }, baseline: [], baselineMentioned: false, excluded: {}, examples: [] };
    drafts.set(recognition, draft);
  }
  return draft;
}

/** Places people are in; a table row for one of these is a location even without "office" or "in". */
export const KNOWN_LOCATIONS = [
  'London', 'Berlin', 'Paris', 'Munich', 'Dublin', 'Amsterdam', 'New York', 'NYC', 'San Francisco', 'Seattle', 'Austin', 'Boston',
  'Chicago', 'Toronto', 'Sydney', 'Singapore', 'Tokyo', 'Bangalore', 'Madrid', 'Barcelona', 'Lisbon', 'Warsaw', 'Prague', 'Vienna',
  'Zurich', 'Stockholm', 'Oslo', 'Copenhagen', 'Helsinki', 'Hamburg', 'Frankfurt', 'Milan', 'Rome', 'Remote', 'HQ', 'Manchester', 'Edinburgh',
];

const SUBJECT_NOISE = /(?:-based\b|'s\b|\b(?:people|staff|folks|employees|members|users|anyone|everyone|who|are|is|work|working|the|in|of|at|from|team|department|dept|office|offices|based|located|site|location|workers?|groups?|all|new)\b)/gi;
const capitalise = (name: string) => (name === name.toLowerCase() ? name.replace(/(^|\s)(\p{L})/gu, (_all, space: string, letter: string) => space + letter.toUpperCase()) : name);

export type Row = { table: Table; name: string } | { table: 'baseline' } | { problem: string };

/** Whom "<subject> gets <groups>" is for: everyone, a worker type, a location or a department. */
export function classifySubject(subject: string, section: Table | undefined, assumptions: string[]): Row {
  const text = subject.trim().replace(/[,:]+$/, '').trim();
  if (/^(?:everyone|everybody|all(?:\s+(?:staff|users|employees|people|joiners))?|every\s+(?:employee|user|person)|the\s+whole\s+company|company-?wide|(?:the\s+)?(?:baseline|base|core|default|standard|common)(?:\s+groups?)?)$/i.test(text)) return { table: 'baseline' };
  if (/\b(?:titles?|cost\s*cent(?:er|re)s?|managers?|directors?|executives?|vps?|heads?\s+of)\b/i.test(text)) {
    return { problem: `"${text}": groups by job title or cost centre are not supported by the mover-groups template (only department, location and worker type)` };
  }
  const type = /^(?:all\s+)?(contractor|intern|employee)s?$/i.exec(text);
  if (type) return { table: 'type', name: type[1]!.toLowerCase() };
  const name = text.replace(SUBJECT_NOISE, ' ').replace(/\s+/g, ' ').trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}&.'-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}&.'-]*){0,2}$/u.test(name)) return { problem: `"${text}" does not read as a department or a location` };
  const cued = /\b(?:office|based|located|site|location|city|remote)\b|-based\b/i.test(text);
  const known = KNOWN_LOCATIONS.find((location) => location.toLowerCase() === name.toLowerCase());
  if (known || section === 'location' || (cued && section !== 'department')) return { table: 'location', name: known ?? capitalise(name) };
  return { table: 'department', name: correctDepartment(name, assumptions) };
}
