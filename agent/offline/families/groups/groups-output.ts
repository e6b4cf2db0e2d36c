// Sentences about the output's shape rather than who gets what: "Return { groups } sorted alphabetically",
// "output { groups }, sorted", "return the groups sorted please". The template already returns its list
// sorted and de-duplicated, so such a sentence is accepted when every field it names is one the template
// returns, and named back when it asks for a field the template does not return.

import { leftoverWords } from '../../clauses.ts';

const OUTPUT_VERB = /^\s*(?:(?:please|pls|and|then|finally)\s+)*(?:return\w*|output\w*|respond with|send back|give back|hand back)\b/i;
const SHAPE_WORDS = /\b(?:sorted|sort(?:ed)?\s+(?:them|it)|alphabetic(?:al(?:ly)?)?|in alphabetical order|a-z|a to z|ascending|de-?duplicated|deduped|unique|no duplicates|without duplicates|both|the|a|an|as|list|lists|array|arrays|object|field|fields|key|keys|pls|plz|please|thanks|order|ordered|by name|each|one|of|with|names?)\b/gi;

export type OutputReading = { accepted: true } | { problem: string } | undefined;

/** Reads an output-shape sentence; undefined when the sentence is not one. */
export function readOutputSentence(sentence: string, fields: string[]): OutputReading {
  const verb = OUTPUT_VERB.exec(sentence);
  if (!verb) return undefined;
  const rest = sentence.slice(verb[0].length);
  const braces = [...rest.matchAll(/\{([^}]*)\}/g)];
  const named = braces.flatMap((brace) => brace[1]!.split(/[,;\s]+/).map((field) => field.replace(/[?:].*$/, '').trim()).filter(Boolean));
  const plain = rest.replace(/\{[^}]*\}/g, ' ');
  const bare = leftoverWords(plain, [SHAPE_WORDS]);
  // "return the groups sorted": the bare words must all be field names.
  const asked = [...named, ...bare];
  if (asked.length === 0) return undefined;
  const unknown = asked.filter((field) => !fields.some((known) => known.toLowerCase() === field.toLowerCase()));
  if (unknown.length > 0) return { problem: `"${sentence.trim()}" asks for ${unknown.map((field) => `"${field}"`).join(', ')}, which this function does not return (it returns { ${fields.join(', ')} })` };
  return { accepted: true };
}

/** "HR data is messy, so compare case-insensitively and ignore extra spaces": the template already trims,
 *  collapses inner spaces and compares case-insensitively, so these sentences ask for nothing more. */
export const MATCHING_NOTES: RegExp[] = [
  /\b(?:the\s+)?(?:hr|hris|source|input|directory)\s+data\s+(?:is|are|can be|may be|tends to be)\s+(?:(?:a\s+bit|very|quite|often|sometimes)\s+)?(?:messy|dirty|inconsistent|sloppy|unreliable)\b/gi,
  /\b(?:compar\w*|match\w*)\s+(?:(?:names|values|them|it|everything|department|location|fields?)\s+)?(?:case[- ]insensitive(?:ly)?|without regard to case|ignoring case)\b|\bcase[- ]insensitive(?:ly)?\b/gi,
  /\bignor\w*\s+(?:(?:extra|leading|trailing|surrounding|stray|double|any)\s+)*(?:spaces|whitespace|white space|blanks|case|capitali[sz]ation)\b/gi,
  /\btrim\w*\s+(?:(?:extra|leading|trailing|surrounding|stray)\s+)*(?:spaces|whitespace|white space|values|names|them)\b/gi,
];
