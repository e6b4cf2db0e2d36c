// Job-title conditions written as words in the title: "whose job title contains the word Manager, Director
// or 'Head of'" (whole words, any of them), "whose title starts with "Chief"" (a prefix) and "… ends with
// Lead"; and how a title condition is added to a subject.

import type { Subject } from './groups-subjects.ts';

export interface Piece { pattern: RegExp; take(match: RegExpExecArray, into: Subject): void }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TITLE_WORD = String.raw`["'“‘]?[\p{L}\d][\p{L}\d &-]*?["'”’]?`;

/** A title pattern that matches whole words only ("Manager", not "Management"). */
export function wholeWords(pattern: string): string {
  return pattern.startsWith('\\b') ? pattern : `\\b(?:${pattern})\\b`;
}

export function setTitle(into: Subject, pattern: string, titles: { matching: string; nearMiss: string }): void {
  into.condition.titlePattern = into.condition.titlePattern ? `${into.condition.titlePattern}|${pattern}` : pattern;
  into.titles ??= titles;
}

export const TITLE_PIECES: Piece[] = [
  {
    // "whose job title contains the word Manager, Director or 'Head of'": whole words, any of them.
    pattern: new RegExp(String.raw`\b(?:job\s+)?(?:titles?|roles?)\s+(?:that\s+)?(?:contains?|containing|includes?|including|has|having|mentions?|mentioning)\s+(?:the\s+|a\s+|any\s+of\s+the\s+)?(?:whole\s+)?words?\s+(${TITLE_WORD}(?:\s*(?:,\s*(?:or\s+)?|\s+or\s+|\/)\s*${TITLE_WORD})*)(?=\s*$|\s+(?:in|at|and|get|gets)\b|\s*;)`, 'giu'),
    take: (match, into) => {
      const words = match[1]!.split(/\s*(?:,\s*(?:or\s+)?|\s+or\s+|\/)\s*/).map((word) => word.replace(/^["'“‘]|["'”’]$/g, '').trim()).filter(Boolean);
      setTitle(into, wholeWords(words.map(escape).join('|')), { matching: `Senior ${words[0]}`, nearMiss: `${words[0]}ial Associate` });
    },
  },
  {
    // "whose title starts with "Chief"": a prefix, whole word; "ends with Lead" likewise at the end.
    pattern: /\b(?:job\s+)?(?:titles?|roles?)\s+(?:that\s+)?(?:(starts?|starting|begins?|beginning)|ends?|ending)\s+with\s+(?:the\s+word\s+)?["'“‘]?([\p{L}\d][\p{L}\d &-]*?)["'”’]?(?=\s*$|\s+(?:in|at|and|or|get|gets)\b|\s*[,;])/giu,
    take: (match, into) => {
      const words = match[2]!.trim().split(/\s*(?:,|\bor\b|\/)\s*/).filter(Boolean);
      const alternatives = words.map(escape).join('|');
      const [first] = words as [string];
      if (match[1]) setTitle(into, `^\\s*(?:${alternatives})\\b`, { matching: `${first} Officer`, nearMiss: `Assistant to the ${first}` });
      else setTitle(into, `\\b(?:${alternatives})\\s*$`, { matching: `Senior ${first}`, nearMiss: `${first} Assistant` });
    },
  },
];
