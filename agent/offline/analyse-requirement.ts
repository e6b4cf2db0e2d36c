// Reads a plain-language requirement: picks the rule family, extracts its parameters clause by clause,
// and names every clause it could not handle. Deterministic: the same text gives the same result.

import { accountClauses, accountingGaps, type ClauseAccount } from './accounting/account-clauses.ts';
import { collectEvidence } from './accounting/evidence.ts';
import { createReadingTrace } from './accounting/reading-trace.ts';
import { ASIDES } from './grammar/asides.ts';
import { distributeFirstStep, normaliseLists } from './grammar/normalise-lists.ts';
import { isFiller, leftoverWords, splitClauses, type Clause } from './clauses.ts';
import { correctTypos } from './typos.ts';
import { matchAll, type AnyFamilyRecognizer, type Params, type Recognition } from './recognizer.ts';

export interface Analysis {
  recognizer?: AnyFamilyRecognizer;
  recognition?: Recognition<Params>;
  clauses: Clause[];
  unhandled: Clause[];
  /** Other families the unhandled clauses look like. */
  otherFamilies: string[];
  /** Every clause with what it became and what in it nothing accounts for. */
  accounts: ClauseAccount[];
  /** When a family refuses and a general kind read every clause: what that kind would still need. */
  generalNeeds?: { family: string; problems: string[] };
}

/** Content words a clause may keep and still count as understood. */
const MAX_LEFTOVER_WORDS = 2;

/** Clauses every family understands: the output shape ("Return { username }"). */
const GLOBAL_RULES: RegExp[] = [/\breturn(?:s|ed|ing)?\b[^.]*?\{[^}]*\}/gi, /\breturn(?:s|ed|ing)?\s+(?:just\s+|only\s+)?(?:the|an?)\s+[\w ]{1,30}?(?:\bobject\b|\barray\b|\blist\b|$)/gi];

/** The requirement, or the messages of a conversation in order (each later one revises the earlier). */
export function analyseRequirement(
  original: string | readonly string[],
  recognizers: AnyFamilyRecognizer[],
  defaults: (family: string) => Record<string, unknown>,
): Analysis {
  const messages = (typeof original === 'string' ? [original] : original).map((message) => distributeFirstStep(normaliseLists(message)));
  const asWritten = analyseText(messages, [], recognizers, defaults);
  if (asWritten.unhandled.length === 0) return asWritten;
  const fixed = messages.map((message) => correctTypos(message));
  const corrections = [...new Set(fixed.flatMap((message) => message.corrections))];
  if (corrections.length === 0) return asWritten;
  const corrected = analyseText(fixed.map((message) => message.text), corrections, recognizers, defaults);
  return corrected.unhandled.length < asWritten.unhandled.length ? corrected : asWritten;
}

function analyseText(messages: readonly string[], corrections: string[], recognizers: AnyFamilyRecognizer[], defaults: (family: string) => Record<string, unknown>): Analysis {
  const requirement = messages.join('\n');
  const clauses = splitClauses(messages);
  const score = (recognizer: AnyFamilyRecognizer, text: string) => recognizer.keywords.reduce((total, keyword) => total + matchAll(keyword, text).length, 0);
  const ranked = recognizers.map((recognizer) => ({ recognizer, score: score(recognizer, requirement) })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  const general = recognizers.filter((recognizer) => recognizer.fallback);
  if (!best || best.score === 0) {
    // No family's keywords: a general kind that read it cleanly writes it; one that found its shape (an HTTP
    // step) refuses with its own precise reasons rather than "no rule family".
    const fallback = readCleanly(general, clauses, corrections, defaults) ?? shapedReading(general, clauses, corrections, defaults);
    if (fallback) return { ...fallback, clauses, otherFamilies: [] };
    const unhandled = clauses.filter((clause) => !isFiller(clause.text));
    const accounts = accountClauses({ clauses, unhandled, trace: [], evidence: { texts: [], numbers: new Map() }, facts: [] });
    return { clauses, unhandled, otherFamilies: [], accounts };
  }

  // The family the text is most about reads it; on a tie of keyword scores, the one that understands the
  // most wins. A family behind on keywords never wins by claiming sentences it barely reads.
  const readings = ranked
    .filter((candidate) => candidate.score === best.score)
    .map((candidate, rank) => ({ rank, ...readAs(candidate.recognizer, clauses, corrections, defaults) }));
  const cost = ({ unhandled, recognition, accounts }: (typeof readings)[number]) =>
    unhandled.length + recognition.problems.length + accountingGaps(accounts).tokens.length;
  const specific = readings.reduce((best, reading) => (cost(reading) < cost(best) ? reading : best));
  // A family that cannot account for everything gives way to a general kind that can (a condition, a
  // second step, another auth); when neither can, the family's own reasons are the clearer ones.
  const chosen = (cost(specific) > 0 && readCleanly(general, clauses, corrections, defaults, specific)) || specific;
  const { recognizer, recognition, unhandled, accounts } = chosen;

  const unhandledText = unhandled.map((clause) => clause.text).join(' ');
  // Another family is named only when it would read one of those sentences: a word such as "left" in a
  // retired-names sentence does not make it a leaver rule.
  const reads = (other: AnyFamilyRecognizer) => readAs(other, unhandled, corrections, defaults).unhandled.length < unhandled.length;
  const otherFamilies = ranked
    .filter((candidate) => candidate.recognizer !== recognizer && score(candidate.recognizer, unhandledText) > 0 && reads(candidate.recognizer))
    .map((candidate) => candidate.recognizer.family);
  const clean = unhandled.length + recognition.problems.length + accountingGaps(accounts).tokens.length === 0;
  const generalNeeds = recognizer.fallback || clean ? undefined : needsOf(general, clauses, corrections, defaults);
  return { recognizer, recognition, clauses, unhandled, otherFamilies, accounts, generalNeeds };
}

/**
 * The first general kind that reads every clause with no problem and no unaccounted token; or, against a
 * family that could not read a clause or named problems (nothing a question settles), one that read every
 * clause and token and has fewer problems: its reasons are the precise ones.
 */
function readCleanly(
  general: AnyFamilyRecognizer[],
  clauses: Clause[],
  corrections: string[],
  defaults: (family: string) => Record<string, unknown>,
  specific?: ReturnType<typeof readAs>,
) {
  const refused = specific && specific.unhandled.length + specific.recognition.problems.length > 0;
  const specificCost = specific ? specific.unhandled.length + specific.recognition.problems.length + accountingGaps(specific.accounts).tokens.length : 0;
  for (const recognizer of general) {
    const reading = readAs(recognizer, clauses, corrections, defaults);
    const read = reading.unhandled.length + accountingGaps(reading.accounts).tokens.length === 0;
    const shaped = recognizer.recognised?.(reading.recognition) ?? true;
    if (read && (reading.recognition.problems.length === 0 || (refused && shaped && reading.recognition.problems.length < specificCost))) return reading;
  }
  return undefined;
}

/** The reading of the first general kind that recognised its shape in the text, problems and all. */
const shapedReading = (general: AnyFamilyRecognizer[], clauses: Clause[], corrections: string[], defaults: (family: string) => Record<string, unknown>) =>
  general.map((recognizer) => readAs(recognizer, clauses, corrections, defaults)).find(({ recognizer, recognition }) => recognizer.recognised?.(recognition));

/** The problems of the first general kind that read every clause and token: what to add to the text. */
function needsOf(general: AnyFamilyRecognizer[], clauses: Clause[], corrections: string[], defaults: (family: string) => Record<string, unknown>) {
  for (const recognizer of general) {
    const reading = readAs(recognizer, clauses, corrections, defaults);
    if (reading.unhandled.length + accountingGaps(reading.accounts).tokens.length === 0 && reading.recognition.problems.length > 0) {
      return { family: recognizer.family, problems: reading.recognition.problems };
    }
  }
  return undefined;
}

function readAs(recognizer: AnyFamilyRecognizer, clauses: Clause[], corrections: string[], defaults: (family: string) => Record<string, unknown>) {
  const trace = createReadingTrace();
  const templateDefaults = defaults(recognizer.family);
  const params = trace.watch({ ...templateDefaults });
  const recognition: Recognition<Params> = { params, assumptions: [...corrections], problems: [], examples: [], stated: new Set() };
  const unhandled: Clause[] = [];
  for (const clause of clauses) {
    if (clause.message > 0 && clauses[clause.index - 1]?.message !== clause.message) recognition.revising = new Set(recognition.stated);
    let matched = false;
    for (const rule of recognizer.rules) {
      for (const match of matchAll(rule.pattern, clause.text)) {
        matched = true;
        trace.at({ clause: clause.index, start: match.index, end: match.index + match[0].length });
        const before = { stated: new Set(recognition.stated), examples: recognition.examples.length };
        rule.apply?.(match, recognition);
        for (const name of recognition.stated) if (!before.stated.has(name)) trace.produced(name, recognition.params[name]);
        if (recognition.examples.length > before.examples) trace.produced('example');
      }
    }
    trace.at(undefined);
    // Asides first: a family's single words must not break them up.
    const consumed = [...ASIDES, ...recognizer.rules.map((rule) => rule.pattern), ...recognizer.vocabulary, ...GLOBAL_RULES];
    const said = (word: RegExp) => new RegExp(word.source, word.flags.replace('g', '')).test(clause.text);
    const mentioned = [...recognizer.vocabulary, ...GLOBAL_RULES, ...ASIDES].some(said);
    const understood = (matched || mentioned) && leftoverWords(clause.text, consumed).length <= MAX_LEFTOVER_WORDS;
    if (!understood && !isFiller(clause.text)) unhandled.push(clause);
  }
  recognizer.finish?.(recognition);
  const set = [...recognition.stated, ...trace.entries.map((entry) => entry.produced)];
  const evidence = collectEvidence({ params: recognition.params, defaults: templateDefaults, set, examples: recognition.examples });
  const accounts = accountClauses({ clauses, unhandled, trace: trace.entries, evidence, facts: recognizer.facts ?? [] });
  return { recognizer, recognition, unhandled, accounts };
}
