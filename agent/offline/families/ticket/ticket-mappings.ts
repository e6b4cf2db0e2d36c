// Reads the ticket family's two tables out of a clause: hardware profile by department and assignment group
// by location, each with its "everyone else" default. Every piece of the clause must be a table entry or be
// understood by the family's other rules; anything else becomes a problem quoting it, never ignored.

import { leftoverWords } from '../../clauses.ts';
import type { Recognition, Rule } from '../../recognizer.ts';
import type { TicketReading } from './ticket-action.ts';
import { DEPARTMENTS, DEVICE_WORDS, isKnownDepartment, isKnownLocation, LOCATIONS, readValue } from './ticket-keys.ts';
import { keysOf, split } from './ticket-pieces.ts';
import { continuesValue, ENTRY_SIGNAL, kindOfValue, looksLikeEntry, readCondition, readConsequence, readGapped, readSegment, type Kind } from './ticket-segments.ts';

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
const SECTION = new WeakMap<Recognition<TicketReading>, Kind>();

export interface MappingOptions {
  /** The family's other patterns: a piece that is no table entry must be understood by them. */
  otherPatterns: () => RegExp[];
  /** Words a piece may hold when its clause as a whole is about a ticket ("include their name"). */
  genericWords: RegExp;
  aboutTickets: RegExp;
}

interface ClauseReading {
  entries: Entry[];
  unread: string[];
  notes: string[];
}

/** Reads a clause piece by piece; each step takes the piece or leaves it to the next one. */
function createClauseReader(clause: string, recognition: Recognition<TicketReading>, { otherPatterns, genericWords, aboutTickets }: MappingOptions) {
  const reading: ClauseReading = { entries: [], unread: [], notes: [] };
  let pendingKeys: string[] = [];
  let condition: Kind | undefined;
  const inContext = aboutTickets.test(clause);
  const understood = (text: string) => {
    const patterns = [...otherPatterns(), ...(inContext ? [genericWords] : [])];
    const said = inContext || patterns.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text));
    return said && leftoverWords(text, patterns).length <= 2;
  };
  const add = (kind: Kind | undefined, keys: string[], value: string) => {
    reading.entries.push({ kind, keys: [...pendingKeys, ...keys], value });
    pendingKeys = [];
  };
  const headingKind = (text: string) => (Object.keys(HEADING_WORDS) as Kind[]).find((kind) => HEADING_WORDS[kind].test(text));

  return {
    reading,
    /** "If the department is Engineering, order a MacBook Pro". */
    condition(text: string): boolean {
      const consequence = condition ? readConsequence(text) : undefined;
      if (condition && consequence) {
        add(condition, [], consequence);
        condition = undefined;
        return true;
      }
      const read = readCondition(text);
      const keys = read && keysOf(read.keysText);
      if (!read || !keys) return false;
      reading.notes.push(...keys.notes);
      const kind = read.kind ?? (keys.keys.every(isKnownLocation) ? 'queue' : keys.keys.every(isKnownDepartment) ? 'hardware' : undefined);
      const value = read.consequence === undefined ? undefined : readConsequence(read.consequence);
      if (read.consequence !== undefined && value === undefined) return false;
      pendingKeys.push(...keys.keys);
      if (value !== undefined) add(kind, [], value);
      else condition = kind ?? 'hardware';
      return true;
    },
    entry(text: string): boolean {
      const candidates = [...readSegment(text), ...(reading.entries.length > 0 ? readGapped(text) : [])];
      // "anything else → an error with the status code" is about failures, not a table entry.
      const read = candidates.find((candidate) => keysOf(candidate.keysText) && candidate.value !== '' && !/\b(?:error|throw|fail\w*|exception|status)\b/i.test(candidate.value) && (!candidate.prefix || understood(candidate.prefix)));
      if (!read) return false;
      const keys = keysOf(read.keysText)!;
      reading.notes.push(...keys.notes);
      add(read.kind, keys.keys, read.value);
      return true;
    },
    /** "Hardware by department: Engineering → MacBook Pro", "Assignment group: IT Hardware", "Hardware:" */
    heading(text: string): boolean {
      const heading = /^([^:"“]{2,100}?):(?!\/\/)\s*(.*)$/.exec(text);
      if (!heading || keysOf(heading[1])) return false;
      const kind = headingKind(heading[1]!);
      if (kind) SECTION.set(recognition, kind);
      else if (!understood(heading[1]!)) reading.unread.push(heading[1]!);
      const rest = heading[2]!.trim();
      if (rest === '' || this.entry(rest)) return true;
      if (kind && !ENTRY_SIGNAL.test(rest) && (kind === 'queue' || kindOfValue(rest) === 'hardware')) add(kind, [], readValue(rest.replace(/\s+for\s+(?:everyone|everybody|all)$/i, '')));
      else this.rest(rest);
      return true;
    },
    /** "Engineering, Data and Design get ...": bare keys before the entry that names their value. */
    bareKey(text: string, later: string[]): boolean {
      const keys = keysOf(text);
      const next = later.find((piece) => !keysOf(piece));
      if (!keys || keys.keys.length === 0 || !next || !readSegment(next).some((candidate) => candidate.keysText !== undefined && keysOf(candidate.keysText))) return false;
      pendingKeys.push(...keys.keys);
      reading.notes.push(...keys.notes);
      return true;
    },
    /** "64 GB RAM" after "Engineering gets a MacBook Pro 16" is more of that value. */
    continuation(text: string, separator: string): boolean {
      const last = reading.entries.at(-1);
      if (!last || last.kind === 'queue' || !continuesValue(text)) return false;
      last.value += /^[,;]$/.test(separator.trim()) ? `${separator.trim()} ${text}` : separator + text;
      return true;
    },
    rest(text: string): void {
      const fullyUnderstood = understood(text) && leftoverWords(text, [...otherPatterns(), genericWords]).length === 0;
      if (!fullyUnderstood && (looksLikeEntry(text, (words) => keysOf(words) !== undefined) || !understood(text))) reading.unread.push(text);
    },
    finish(): ClauseReading {
      reading.unread.push(...pendingKeys);
      return reading;
    },
  };
}

/** Entries of one clause, and the pieces that are neither entries nor understood otherwise. */
export function readClause(clause: string, recognition: Recognition<TicketReading>, options: MappingOptions): ClauseReading {
  const reader = createClauseReader(clause, recognition, options);
  const pieces = split(clause);
  for (const [index, { text, separator }] of pieces.entries()) {
    const later = pieces.slice(index + 1).map((piece) => piece.text);
    if (reader.condition(text) || reader.entry(text) || reader.heading(text) || reader.bareKey(text, later) || reader.continuation(text, separator)) continue;
    reader.rest(text);
  }
  return reader.finish();
}

/** The kind of each entry: its verb, else its value, else its keys, else the entries around it. */
export function settleKinds(entries: Entry[], recognition: Recognition<TicketReading>): void {
  for (const [index, entry] of entries.entries()) {
    if (entry.kind) continue;
    const byKeys = entry.keys.length > 0 && entry.keys.every(isKnownLocation) ? 'queue' : entry.keys.length > 0 && entry.keys.every(isKnownDepartment) ? 'hardware' : undefined;
    entry.kind = kindOfValue(entry.value) ?? byKeys ?? entries[index - 1]?.kind ?? entries.slice(index + 1).find((other) => other.kind)?.kind ?? SECTION.get(recognition);
  }
}

export function createMappingRule(
  options: MappingOptions,
  store: (entries: Entry[], clause: string, recognition: Recognition<TicketReading>) => void,
): Rule<TicketReading> {
  return {
    // The whole clause when it holds a table-like phrase; the reading above decides what it says.
    pattern: new RegExp(String.raw`^(?=.*(?:${ENTRY_SIGNAL.source}|:|\b(?:if|when|for|order|needs?|lands? in|belongs? to|${[...DEPARTMENTS, ...LOCATIONS].map((name) => name.replace('&', '\\&')).join('|')})\b|${DEVICE_WORDS.source})).+$`, 'i'),
    apply: (match, recognition) => {
      const { entries, unread, notes } = readClause(match.input, recognition, options);
      settleKinds(entries, recognition);
      recognition.assumptions.push(...notes);
      for (const text of unread) recognition.problems.push(`could not read "${text}" in "${match.input}"`);
      store(entries, match.input, recognition);
    },
  };
}

export type { Entry };
