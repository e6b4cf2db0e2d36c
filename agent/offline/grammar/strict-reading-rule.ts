// A stricter reading than the analyser's for the approvals, mover-groups and leaver-revoke families: a
// clause counts as understood only when one of the family's rules or words occurs in it and at most one
// content word is left over (the analyser allows two, which lets "Old groups stay for a week" or "Joiners
// in Finance get a laptop" pass unread). The rule consumes nothing, so clauses the analyser itself cannot
// read stay "not handled" (and get its typo-corrected second reading); this rule only names, as a
// problem, the clauses the analyser would let through.

import { isFiller, leftoverWords } from '../clauses.ts';
import type { Rule } from '../recognizer.ts';

const MAX_LEFTOVER_WORDS = 1;
/** The analyser's own output-shape clause ("Return { approvers }"), understood by every family. */
const OUTPUT_SHAPE = /\breturn(?:s|ed|ing)?\b[^.]*?\{[^}]*\}/gi;

const once = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace('g', ''));

/** Must come last among the family's rules; `rules` are the others. */
export function strictReadingRule(family: string, rules: Rule[], vocabulary: RegExp[]): Rule {
  return {
    pattern: /^(?=[\s\S])/,
    apply(match, recognition) {
      const text = match.input.trim();
      if (isFiller(text)) return;
      const patterns = [...rules.map((rule) => rule.pattern), ...vocabulary];
      const left = leftoverWords(text, [...patterns, OUTPUT_SHAPE]);
      const touched = [...patterns, OUTPUT_SHAPE].some((pattern) => once(pattern).test(text));
      if (touched && left.length <= MAX_LEFTOVER_WORDS) return;
      const words = left.length > 0 ? ` (not understood: ${left.slice(0, 6).map((word) => `"${word}"`).join(', ')})` : '';
      const problem = `the ${family} author could not handle this sentence: "${text}"${words}`;
      if (!recognition.problems.includes(problem)) recognition.problems.push(problem);
    },
  };
}
