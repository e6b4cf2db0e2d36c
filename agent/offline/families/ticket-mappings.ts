// Reads the ticket family's two tables out of a clause: hardware profile by department and assignment group
// by location, each with its "everyone else" default. Every piece of the clause must be a table entry or be
// understood by the family's other rules; anything else becomes a problem quoting it, never ignored.

import { leftoverWords } from '../clauses.ts';
import type { Recognition, Rule } from '../recognizer.ts';
import { isKnownDepartment, isKnownLocation, readKey } from './ticket-keys.ts';
import { continuesValue, kindOfValue, readGapped, readSegment, type Kind } from './ticket-segments.ts';

interface Entry {
  kind?: Kind;
  keys: string[];
  value: string;
}

const HEADING_WORDS: Record<Kind, RegExp> = {
  hardware: /\b(?:hardware|laptops?|computers?|devices?|equipment|kit|profiles?|machines?)\b/i,
  queue: /\b(?:assign\w*|queues?|groups?|desks?|routing|route\w*|locations?)\b/i,
};
/** Where a clause is only a heading ("Hardware by department:"), the kind of the lines below it. */
const SECTION = new WeakMap<Recognition, Kind>();

function keysOf(text: string | undefined): { keys: string[]; roles: string[] } | undefined {
  if (text === undefined) return { keys: [], roles: [] };
  const read = text.split(/\s*(?:\/|\bor\b|\s&\s)\s*/).map(readKey);
  if (read.some((key) => key === undefined)) return undefined;
  return { keys: read.map((key) => key!.key), roles: read.filter((key) => key!.role).map((key) => key!.key) };
}

/** Splits at , ; and the joining words outside quotes, keeping each separator with the piece after it. */
function split(clause: string): Array<{ text: string; separator: string }> {
  const quoted: string[] = [];
  const masked = clause.replace(/"[^"]*"|“[^”]*”|'[^'\s][^']*'/g, (text) => `\u0000${quoted.push(text) - 1}\u0000`);
  const unmask = (text: string) => text.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => quoted[Number(index)]!);
  const parts = masked.split(/(\s*[,;]\s*(?:(?:and|but|while|whereas|then)\s+)?|\s+(?:and|but|while|whereas)\s+)/i);
  const pieces: Array<{ text: string; separator: string }> = [];
  for (let index = 0; index < parts.length; index += 2) {
    pieces.push({ separator: unmask(parts[index - 1] ?? ''), text: unmask(parts[index]!).trim().replace(/^(?:also|then|and|plus)\s+/i, '') });
  }
  return pieces.filter((piece) => piece.text !== '');
}

export interface MappingOptions {
  /** The family's other patterns: a piece that is no table entry must be understood by them. */
  otherPatterns: () => RegExp[];
}

/** Entries of one clause, and the pieces that are neither entries nor understood otherwise. */
export function readClause(clause: string, recognition: Recognition, { otherPatterns }: MappingOptions): { entries: Entry[]; unread: string[]; roles: string[] } {
  const entries: Entry[] = [];
  const unread: string[] = [];
  const roles: string[] = [];
  let pendingKeys: string[] = [];
  const understood = (text: string) => {
    const patterns = otherPatterns();
    return patterns.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text)) && leftoverWords(text, patterns).length <= 2;
  };
  const pieces = split(clause);
  for (const [index, piece] of pieces.entries()) {
    let text = piece.text;
    // "Hardware by department: Engineering → MacBook Pro": a heading before the entries.
    const heading = /^([^:]{2,60}?):\s*(.*)$/.exec(text);
    if (heading && !keysOf(heading[1]) ) {
      const kind = (Object.keys(HEADING_WORDS) as Kind[]).find((candidate) => HEADING_WORDS[candidate].test(heading[1]!));
      if (kind) SECTION.set(recognition, kind);
      else if (!understood(heading[1]!)) unread.push(heading[1]!);
      text = heading[2]!.trim();
      if (text === '') continue;
    }
    const last = entries.at(-1);
    const read = [...readSegment(text), ...(last ? [readGapped(text)] : [])].find((candidate) => candidate && keysOf(candidate.keysText) && candidate.value !== '');
    if (read) {
      const keys = keysOf(read.keysText)!;
      roles.push(...keys.roles);
      entries.push({ kind: read.kind, keys: [...pendingKeys, ...keys.keys], value: read.value });
      pendingKeys = [];
      continue;
    }
    const next = pieces[index + 1];
    const bareKey = keysOf(text);
    if (bareKey && bareKey.keys.length > 0 && next && readSegment(next.text).some((candidate) => candidate.keysText !== undefined && keysOf(candidate.keysText))) {
      pendingKeys.push(...bareKey.keys);
      continue;
    }
    if (last && last.kind !== 'queue' && continuesValue(text)) {
      last.value += `${piece.separator.trim() === ',' || piece.separator.trim() === ';' ? piece.separator.trim() + ' ' : piece.separator}${text}`;
      continue;
    }
    if (!understood(text)) unread.push(text);
  }
  unread.push(...pendingKeys);
  return { entries, unread, roles };
}

/** The kind of each entry: its verb, else its value, else its keys, else the entries around it. */
export function settleKinds(entries: Entry[], recognition: Recognition): void {
  for (const [index, entry] of entries.entries()) {
    if (entry.kind) continue;
    const byKeys = entry.keys.length > 0 && entry.keys.every(isKnownLocation) ? 'queue' : entry.keys.length > 0 && entry.keys.every(isKnownDepartment) ? 'hardware' : undefined;
    entry.kind = kindOfValue(entry.value) ?? byKeys ?? entries[index - 1]?.kind ?? entries.slice(index + 1).find((other) => other.kind)?.kind ?? SECTION.get(recognition);
  }
}

export function createMappingRule(options: MappingOptions, store: (entries: Entry[], clause: string, recognition: Recognition) => void): Rule {
  return {
    // The whole clause when it holds a table-like phrase; the reading above decides what it says.
    pattern: /^(?=.*(?:\b(?:gets?|receives?|given|issued|needs?|go(?:es)?\s+to|assign\w*|route[sd]?|handled by|lands? in|belongs? to|everyone|everybody|anyone|otherwise|else|default|the rest|others)\b|→|->|=>|⇒|:|=)).+$/i,
    apply: (match, recognition) => {
      const { entries, unread, roles } = readClause(match.input, recognition, options);
      settleKinds(entries, recognition);
      for (const role of new Set(roles)) recognition.assumptions.push(`A role such as "engineers" is read as the ${role} department.`);
      for (const text of unread) recognition.problems.push(`could not read "${text}" in "${match.input}"`);
      store(entries, match.input, recognition);
    },
  };
}

export type { Entry };
