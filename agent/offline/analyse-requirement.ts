// Reads a plain-language requirement: picks the rule family, extracts its parameters clause by clause,
// and names every clause it could not handle. Deterministic: the same text gives the same result.

import { isFiller, leftoverWords, splitClauses, type Clause } from './clauses.ts';
import { correctTypos } from './typos.ts';
import { matchAll, type FamilyRecognizer, type Recognition } from './recognizer.ts';

export interface Analysis {
  recognizer?: FamilyRecognizer;
  recognition?: Recognition;
  clauses: Clause[];
  unhandled: Clause[];
  /** Other families the unhandled clauses look like. */
  otherFamilies: string[];
}

/** Content words a clause may keep and still count as understood. */
const MAX_LEFTOVER_WORDS = 2;

/** Clauses every family understands: the output shape ("Return { username }"). */
const GLOBAL_RULES: RegExp[] = [/\breturn(?:s|ed|ing)?\b[^.]*?\{[^}]*\}/gi, /\breturn(?:s|ed|ing)?\s+(?:just\s+|only\s+)?(?:the|an?)\s+[\w ]{1,30}?(?:\bobject\b|\barray\b|\blist\b|$)/gi];

export function analyseRequirement(original: string, recognizers: FamilyRecognizer[], defaults: (family: string) => Record<string, unknown>): Analysis {
  const asWritten = analyseText(original, [], recognizers, defaults);
  if (asWritten.unhandled.length === 0) return asWritten;
  const { text, corrections } = correctTypos(original);
  if (corrections.length === 0) return asWritten;
  const corrected = analyseText(text, corrections, recognizers, defaults);
  return corrected.unhandled.length < asWritten.unhandled.length ? corrected : asWritten;
}

function analyseText(requirement: string, corrections: string[], recognizers: FamilyRecognizer[], defaults: (family: string) => Record<string, unknown>): Analysis {
  const clauses = splitClauses(requirement);
  const score = (recognizer: FamilyRecognizer, text: string) => recognizer.keywords.reduce((total, keyword) => total + matchAll(keyword, text).length, 0);
  const ranked = recognizers.map((recognizer) => ({ recognizer, score: score(recognizer, requirement) })).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score === 0) {
    return { clauses, unhandled: clauses.filter((clause) => !isFiller(clause.text)), otherFamilies: [] };
  }

  // The family the text is most about reads it; on a tie of keyword scores, the one that understands the
  // most wins. A family behind on keywords never wins by claiming sentences it barely reads.
  const readings = ranked
    .filter((candidate) => candidate.score === best.score)
    .map((candidate, rank) => ({ rank, ...readAs(candidate.recognizer, clauses, corrections, defaults) }));
  const cost = (reading: (typeof readings)[number]) => reading.unhandled.length + reading.recognition.problems.length;
  const chosen = readings.reduce((best, reading) => (cost(reading) < cost(best) ? reading : best));
  const { recognizer, recognition, unhandled } = chosen;

  const unhandledText = unhandled.map((clause) => clause.text).join(' ');
  const otherFamilies = ranked
    .filter((candidate) => candidate.recognizer !== recognizer && score(candidate.recognizer, unhandledText) > 0)
    .map((candidate) => candidate.recognizer.family);
  return { recognizer, recognition, clauses, unhandled, otherFamilies };
}

function readAs(recognizer: FamilyRecognizer, clauses: Clause[], corrections: string[], defaults: (family: string) => Record<string, unknown>) {
  const recognition: Recognition = { params: { ...defaults(recognizer.family) }, assumptions: [...corrections], problems: [], examples: [], stated: new Set() };
  const unhandled: Clause[] = [];
  for (const clause of clauses) {
    let matched = false;
    for (const rule of recognizer.rules) {
      for (const match of matchAll(rule.pattern, clause.text)) {
        matched = true;
        rule.apply?.(match, recognition);
      }
    }
    const consumed = [...recognizer.rules.map((rule) => rule.pattern), ...recognizer.vocabulary, ...GLOBAL_RULES];
    const understood = (matched || [...recognizer.vocabulary, ...GLOBAL_RULES].some((word) => new RegExp(word.source, word.flags.replace('g', '')).test(clause.text))) && leftoverWords(clause.text, consumed).length <= MAX_LEFTOVER_WORDS;
    if (!understood && !isFiller(clause.text)) unhandled.push(clause);
  }
  recognizer.finish?.(recognition);
  return { recognizer, recognition, unhandled };
}
