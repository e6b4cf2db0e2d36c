// A requirement cut into clauses: sentences, bullet items and lines. Every clause must be understood by
// the offline author or named back to the admin as not handled; none is silently dropped.

export interface Clause {
  index: number;
  text: string;
  /** Which message of the conversation it came from: a later message revises an earlier one. */
  message: number;
  /** Written as "Clarification: <sentence>", the admin's answer to a question the author asked. */
  clarification: boolean;
}

const ABBREVIATIONS = /\b(e\.g|i\.e|etc|vs|approx|incl|dept|no|mr|mrs|ms|dr|st|ext)\.$/i;

export function splitClauses(requirement: string | readonly string[]): Clause[] {
  const messages = typeof requirement === 'string' ? [requirement] : requirement;
  let index = 0;
  return messages.flatMap((message, messageIndex) => splitMessage(message).map((piece) => ({ index: index++, ...piece, message: messageIndex })));
}

function splitMessage(requirement: string): Array<{ text: string; clarification: boolean }> {
  const pieces: Array<{ text: string; clarification: boolean }> = [];
  for (const rawLine of requirement.replace(/\r\n?/g, '\n').split('\n')) {
    // "Clarification: <sentence>" lines answer a question the author asked; the sentence is the rule.
    const bare = rawLine.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '');
    const clarification = /^\s*clarification:\s*/i.test(bare);
    const line = bare.replace(/^\s*clarification:\s*/i, '').trim();
    if (!line) continue;
    let current = '';
    const words = line.split(/(\s+)/);
    for (const word of words) {
      current += word;
      // A sentence ends at . ! ? ; followed by a space, unless the word is an abbreviation or a number.
      // Never inside a quoted text: "Your new starter <name> begins on <startDate>; their username is …".
      const insideQuotes = (current.match(/"/g) ?? []).length % 2 === 1;
      if (/[.!?;]$/.test(word) && !ABBREVIATIONS.test(word) && !/(?:\.\.\.|…)$/.test(word) && !insideQuotes) {
        pieces.push({ text: current, clarification });
        current = '';
      }
    }
    pieces.push({ text: current, clarification });
  }
  return pieces
    .map((piece) => ({ ...piece, text: piece.text.trim().replace(/[.!?;]+$/, '').trim() }))
    .filter((piece) => /[\p{L}\p{N}]/u.test(piece.text));
}

/** Words that carry no requirement of their own. */
const FILLER_WORDS = new Set(
  `a an the and or but so to of in on at for with by from as is are be been being it its this that these those
   we our us you your i me my they them their he she his her please thanks thank hi hello hey team all
   need needs want wants would like should must will can could may might shall also just then than too very
   rule rules function script logic new hire hires joiner joiners starter starters employee employees user users
   person people account accounts generate generated generating create created make made write build set use used
   using when if else always never every each any some one two three into onto up out there here what which who
   how why where do does did done get gets got have has had via per e.g i.e etc ok okay yes no not
   like such format formatted style look looks following follows example examples instance
   try first next instead otherwise before after fall falls back fallback again so on forth etc
   hope well help something lot lots quick regards best kind appreciate appreciated much advance great awesome
   guys folks wondering know let possible you're we're i'm it's that's here's there's let's we've i've they're we'd i'd you'd re ve ll doing
   through anything everything whatever including whose`.split(/\s+/),
);

/** Content words in `text` after removing the spans a recogniser consumed. */
export function leftoverWords(text: string, consumed: RegExp[]): string[] {
  let rest = ` ${text} `;
  for (const pattern of consumed) rest = rest.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'), ' ');
  return rest
    .toLowerCase()
    .split(/[^\p{L}\p{N}'@._-]+/u)
    .map((word) => word.replace(/^['._-]+|['._-]+$/g, ''))
    .filter((word) => word.length > 1 && !FILLER_WORDS.has(word) && !/^\d+$/.test(word));
}

/** Clauses that say nothing a function must do: greetings, thanks, "write me a rule". */
export function isFiller(text: string): boolean {
  return leftoverWords(text, [/\b(?:hi|hello|hey|thanks|thank you|cheers|please|asap|sorry|typo)\b/i]).length === 0;
}
