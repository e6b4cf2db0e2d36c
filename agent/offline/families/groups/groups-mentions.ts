// Sentences that name items without saying who gets them: a teaser ("some people get salesforce, some get
// jira, some both!") and a spelling note ("App names exactly: Salesforce, Jira"). They add no rule; every
// name they mention must then be one a rule grants or withholds (spelled the same when "exactly" was
// said), or the sentence is named back — it is never silently dropped.

import { parseItems, type ItemWords } from './groups-items.ts';

export interface Mention { sentence: string; names: string[]; exact: boolean }

const TEASER_PIECE = /^\s*(?:(?:and|but|while|whereas)\s+)?(?:some|others|other people|a few)(?:\s+(?:people|folks|users|employees|of them|joiners))?\s+(?:(?:get|gets|need|needs|have|has|use|uses)\s+)?(.+?)\s*[!.]*\s*$/i;
const ALL_OF_THEM = /^(?:both|all|all of them|all three|everything|neither|none|nothing)$/i;
const SPELLING = /^\s*(?:(?:please\s+)?(?:use|spell|write)\s+)?(?:the\s+)?(?:app|application|group|tool)\s+names?\s+(?:are\s+|is\s+)?(?:exactly|verbatim|exactly as written|as written|spelled exactly|case[- ]sensitive)\s*(?:as\s+(?:follows|written)\s*)?[:=-]?\s*(.+)$/i;

export function readMention(sentence: string, words: ItemWords): Mention | undefined {
  const spelling = SPELLING.exec(sentence);
  if (spelling) {
    const items = parseItems(spelling[1]!, words);
    return 'error' in items ? undefined : { sentence, names: items.names, exact: true };
  }
  const pieces = sentence.split(/\s*[,;]\s*/).filter((piece) => piece.trim() !== '');
  if (pieces.length < 2) return undefined;
  const names: string[] = [];
  for (const piece of pieces) {
    const match = TEASER_PIECE.exec(piece);
    if (!match) return undefined;
    if (ALL_OF_THEM.test(match[1]!.trim())) continue;
    const items = parseItems(match[1]!, words);
    if ('error' in items) return undefined;
    names.push(...items.names);
  }
  return names.length > 0 ? { sentence, names, exact: false } : undefined;
}

/** Problems for mentioned names no rule uses (or spells differently, when "exactly" was said). */
export function mentionProblems(mentions: Mention[], used: string[], noun: string): string[] {
  return mentions.flatMap((mention) => {
    const missing = mention.names.filter((name) => !used.some((other) => (mention.exact ? other === name : other.toLowerCase() === name.toLowerCase())));
    return missing.length > 0 ? [`"${mention.sentence}" names ${missing.join(', ')}, but no rule says who gets ${missing.length === 1 ? 'that' : 'those'} ${noun}${missing.length === 1 ? '' : 's'}${mention.exact ? ' spelled exactly so' : ''}`] : [];
  });
}
