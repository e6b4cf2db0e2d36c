// Clause accounting: for every clause of the requirement, what it became (settings, example fixtures,
// the template's fixed behaviour) and every salient token in it with what accounts for it. A reading
// whose accounting has a gap is never handed over as done: the author refuses or asks instead.

import type { Clause } from '../clauses.ts';
import { editDistance } from '../edit-distance.ts';
import { asideSpans } from '../grammar/asides.ts';
import { findSalientTokens, type SalientToken } from '../grammar/salient-tokens.ts';
import type { Evidence } from './evidence.ts';
import type { TraceEntry } from './reading-trace.ts';

export interface AccountedToken extends SalientToken {
  /** What accounts for it ("setting maxLength", "example fixture", "the template"), or undefined. */
  by?: string;
}

export interface ClauseAccount {
  index: number;
  text: string;
  /** False when the clause as a whole was not understood (content words no rule read). */
  understood: boolean;
  /** Parameter names and "example" entries the clause produced, in order, without repeats. */
  produced: string[];
  tokens: AccountedToken[];
}

export interface AccountingInput {
  clauses: Clause[];
  unhandled: Clause[];
  trace: TraceEntry[];
  evidence: Evidence;
  /** What the family's template always does, so the text may say it ("slack" for the TAP template). */
  facts: RegExp[];
}

export function accountClauses({ clauses, unhandled, trace, evidence, facts }: AccountingInput): ClauseAccount[] {
  const accounts = clauses.map((clause) => {
    const entries = trace.filter((entry) => entry.clause === clause.index);
    const account = (token: SalientToken) => ({ ...token, by: accountFor(token, clause.text, entries, evidence, facts) });
    const tokens: AccountedToken[] = findSalientTokens(clause.text).map(account);
    continueSequences(tokens, clause.text);
    const named = entries.length > 0 ? [] : namesFed(clause.text, evidence);
    return {
      index: clause.index,
      text: clause.text,
      understood: !unhandled.some((other) => other.index === clause.index),
      produced: [...new Set([...entries.map((entry) => entry.produced), ...named, ...tokens.flatMap(producedBy)])],
      tokens,
    };
  });
  settleByClarifications(accounts, clauses);
  return accounts;
}

/**
 * 'Clarification: "starting on Monday" means the pass is valid from its start date.' settles the phrase
 * where the requirement wrote it, once the clarification itself is accounted for.
 */
function settleByClarifications(accounts: ClauseAccount[], clauses: Clause[]): void {
  for (const clause of clauses.filter((candidate) => candidate.clarification)) {
    const phrase = /^["“']([^"“”']{2,80})["”']\s+means\b/i.exec(clause.text)?.[1];
    const own = accounts[clause.index];
    if (!phrase || !own) continue;
    const [quoted, ...rest] = own.tokens;
    if (quoted?.kind === 'quoted' && quoted.start === 0) quoted.by = 'the clause it settles';
    if (rest.some((token) => token.by === undefined) || !own.understood) continue;
    for (const account of accounts) {
      if (account.index === clause.index) continue;
      for (const at of occurrences(account.text.toLowerCase(), phrase.toLowerCase())) {
        const settled = account.tokens.filter((token) => token.by === undefined && at <= token.start && token.end <= at + phrase.length);
        for (const token of settled) token.by = `clarification ${clause.index + 1}`;
      }
    }
  }
}

function occurrences(text: string, phrase: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) found.push(at);
  return found;
}

export function accountingGaps(accounts: ClauseAccount[]): { clauses: ClauseAccount[]; tokens: Array<{ clause: ClauseAccount; token: AccountedToken }> } {
  return {
    clauses: accounts.filter((account) => !account.understood),
    tokens: accounts.flatMap((clause) => clause.tokens.filter((token) => token.by === undefined).map((token) => ({ clause, token }))),
  };
}

function accountFor(token: SalientToken, text: string, entries: TraceEntry[], evidence: Evidence, facts: RegExp[]): string | undefined {
  if (asideSpans(text).some((span) => span.start <= token.start && token.end <= span.end)) return 'an aside';
  // A number inside the span a rule read counts when the value that rule wrote holds it ("add a number (1, 2,
  // 3)" read as 2 leaves the 1 unaccounted); a quoted value or prefix when the rule produced something.
  const values = [token.value, ...token.also];
  const wrote = (entry: TraceEntry) => token.kind !== 'number' || entry.produced === 'example' || values.some((value) => holds(entry.value, value));
  const inside = entries.find((entry) => entry.start <= token.start && token.end <= entry.end && wrote(entry));
  if (inside && (token.kind === 'number' || token.kind === 'quoted' || token.kind === 'affix')) {
    return sourceName(inside.produced);
  }
  const number = token.kind === 'number' ? values.find((value) => evidence.numbers.has(value)) : undefined;
  if (number !== undefined) return sourceName(evidence.numbers.get(number) ?? '');
  const named = token.kind === 'number' ? undefined : evidence.texts.find(({ text: evidenceText }) => values.some((value) => mentions(evidenceText, value)));
  if (named) return sourceName(named.source);
  // A misspelt name ("Enginering") counts when the reading corrected it to a name one or two edits away.
  const misspellable = (token.kind === 'place' || token.kind === 'people') && token.value.length >= 6;
  const near = misspellable ? evidence.texts.find(({ text: evidenceText }) => nearWord(evidenceText, token.value)) : undefined;
  if (near) return sourceName(near.source);
  const context = text.slice(Math.max(0, token.start - 40), Math.min(text.length, token.end + 40));
  if (facts.some((fact) => fact.test(token.text) || fact.test(context))) return "the template's fixed behaviour";
  return undefined;
}

/**
 * Settings a clause fed without a rule writing them directly (families that assemble tables after reading
 * every clause): the settings holding a name the clause wrote (Slack, HubSpot, VPN-Users).
 */
function namesFed(text: string, evidence: Evidence): string[] {
  const names = [...text.matchAll(/(?<=\s)[A-Z][\w-]{2,}/g)].map((match) => match[0].toLowerCase());
  const fed = evidence.texts.filter(({ text: evidenceText, source }) => source !== 'example' && names.some((name) => mentions(evidenceText, name)));
  return fed.map(({ source }) => source);
}

/** Whether a written value holds the number: 20, "08:00:00Z" holds "08:00", "{first:3}" holds 3. */
function holds(written: unknown, number: string): boolean {
  if (typeof written === 'number') return String(written) === number;
  const asNumber = (digits: string) => (digits.includes(':') ? digits : String(Number(digits)));
  if (typeof written === 'string') return [...written.matchAll(/\d+(?::\d\d)?/g)].some(([digits]) => asNumber(digits) === number);
  if (Array.isArray(written)) return written.some((item) => holds(item, number));
  if (written && typeof written === 'object') return Object.entries(written).some(([key, item]) => holds(key, number) || holds(item, number));
  return false;
}

function producedBy(token: AccountedToken): string[] {
  if (token.by?.startsWith('setting ')) return [token.by.slice('setting '.length)];
  return token.by === 'an example fixture' ? ['example'] : [];
}

function sourceName(source: string): string {
  return source === 'example' ? 'an example fixture' : `setting ${source}`;
}

function nearWord(evidenceText: string, value: string): boolean {
  return evidenceText.split(/[^\p{L}]+/u).some((word) => Math.abs(word.length - value.length) <= 2 && editDistance(word, value) <= 2);
}

/** Whether an evidence text names the token's value: as a word or word start, or the whole value. */
function mentions(evidenceText: string, value: string): boolean {
  // A short value ("u", "c-") must stand on its own: "u" is not found in "username".
  if (value.length <= 2) return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(value)}(?:$|[^\\p{L}\\p{N}])`, 'u').test(evidenceText);
  if (/[^\p{L}\p{N} ]/u.test(value)) return evidenceText.includes(value);
  return new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(value)}`, 'u').test(evidenceText);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "add 1, 2, 3", "starting at 2: …, then 3": a number one above an accounted number before it continues it. */
function continueSequences(tokens: AccountedToken[], text: string): void {
  for (const [index, token] of tokens.entries()) {
    if (token.by !== undefined || token.kind !== 'number') continue;
    const continues = (other: AccountedToken) => other.kind === 'number' && other.by !== undefined && Number(token.value) === Number(other.value) + 1;
    const previous = tokens.slice(0, index).find((other) => continues(other) && token.start - other.end <= 60);
    if (previous && !text.slice(previous.end, token.start).includes(';')) token.by = 'the numbering it continues';
  }
}
