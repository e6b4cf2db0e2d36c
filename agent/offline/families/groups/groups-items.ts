// What a sentence grants: a list of names ("GitHub-Users and Jira-Users", "Salesforce, Slack",
// "the 'Sales Team' group") or, in an exception, a kind of name ("no admin groups", "nothing with admin in
// the name"). Every word must be a name, a connective or a word for the kind of item.

import { leftoverWords } from '../../clauses.ts';

export interface ItemWords {
  /** Words for the kind of item ("group", "DL", "app", "licence"), dropped around names. */
  nouns: RegExp;
  /** Names written in lower case that are still names ("slack" → "Slack"), by lower-case key. */
  known: Record<string, string>;
  /** Words that only introduce the rule ("group membership", "based on department"). */
  intro: RegExp;
  /** The fields the template's output holds ("groups", "excluded"), for output-shape sentences. */
  fields: string[];
}

export type Items = { names: string[]; patterns: string[] } | { error: string };

const QUOTED = /^["'“‘`](.+)["'”’`]$/;
const NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}_.&'+-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}_.&'+-]*)*$|^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)+$|^[\p{Ll}]+[\p{Lu}][\p{L}\p{N}]*$/u;
const LEAD = /^(?:only|the|a|an|their|its|his|her|our|membership (?:in|of|to)|member(?:ship)? of|members of|access to|access (?:in|for)|accounts? (?:in|on|for)|seats? (?:in|on|for)|licen[cs]es? (?:for|to|in)|added to|to|in|into|also|both)\s+/i;
/** "whatever their department": the rule holds for everyone it names, which is what every rule does. */
export const REGARDLESS = /(?:^|,?\s+|,\s*)(?:whatever|regardless of|no matter|irrespective of|independent of|in any)\s+(?:(?:their|the|his|her|which|what)\s+)?(?:department|location|title|team|office|role|job|dept|country|site)s?(?:\s+(?:they(?:'re| are)\s+in|it is|is|they have))?\s*(?:,\s*|$)/i;
const TRAIL = /\s+(?:too|also|either|as well|by default|automatically|always|on day (?:one|1)|from day (?:one|1)|though|please|thanks)$/i;
const SEPARATORS = /\s*(?:,|;|\band\b|&|\+|\bplus\b|\bas well as\b|\bor\b|\balong with\b)\s*/i;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "admin groups", "any admin or privileged apps", "groups with admin in the name" → ["admin", "privileged"]. */
function kindsOf(text: string, words: ItemWords): string[] | undefined {
  const rest = text.replace(/^(?:no|any|nothing|anything|none of the|none)\b\s*/i, '');
  const named = /^(?:(?:\w+\s+)?(?:with|containing|matching|that contains?|including|named|called)\s+)["'“‘]?([\p{L}\d -]+?)["'”’]?(?:\s+in (?:the|their|its) names?)?$/iu.exec(rest);
  const noun = new RegExp(String.raw`^["'“‘]?([a-z][\w-]*(?:\s*(?:,|or|and|/)\s*[a-z][\w-]*)*)["'”’]?\s*(?:-?related\s+|-?level\s+)?(?:${words.nouns.source}|rights|roles?|privileges|access)$`, 'i').exec(rest);
  const found = (named?.[1] ?? noun?.[1])?.split(/\s*(?:,|\bor\b|\band\b|\/)\s*/i).map((word) => word.trim()).filter(Boolean);
  // A name ("Salesforce licences") is not a kind of name ("admin groups"); "with 'Admin' in its name" is.
  if (named) return found;
  return found?.every((word) => word === word.toLowerCase() && !words.known[word]) ? found : undefined;
}

function nameOf(piece: string, words: ItemWords): string | undefined {
  const quoted = QUOTED.exec(piece.trim());
  if (quoted) return quoted[1]!.trim();
  let text = piece.trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(LEAD, '').replace(TRAIL, '').replace(new RegExp(String.raw`^(?:${words.nouns.source})\s+|\s+(?:${words.nouns.source})$`, 'i'), '').trim();
  }
  const inner = QUOTED.exec(text);
  if (inner) return inner[1]!.trim();
  if (words.known[text.toLowerCase()]) return words.known[text.toLowerCase()];
  return NAME.test(text) && !new RegExp(String.raw`^(?:${words.nouns.source})$`, 'i').test(text) ? text : undefined;
}

/** Reads what a sentence grants or withholds. `exception` allows kinds of names ("no admin groups"). */
export function parseItems(text: string, words: ItemWords, { exception = false } = {}): Items {
  const cleaned = text.trim().replace(/[.!?:]+$/, '').replace(REGARDLESS, ' ').replace(TRAIL, '').trim();
  if (!cleaned) return { names: [], patterns: [] };
  if (exception) {
    const kinds = kindsOf(cleaned, words);
    if (kinds && kinds.length > 0 && kinds.every((kind) => /^[\p{L}\d-]+$/u.test(kind))) return { names: [], patterns: kinds.map(escape) };
  }
  const names: string[] = [];
  const withoutNo = exception ? cleaned.replace(/^(?:no|any)\s+/i, '') : cleaned;
  // Quoted names may hold separators ("'Sales and Marketing'"): set them aside while splitting.
  const quoted: string[] = [];
  const masked = withoutNo.replace(/["“‘`][^"”’`]+["”’`]/g, (name) => `\u0000${quoted.push(name) - 1}\u0000`);
  const pieces = masked.split(SEPARATORS).map((part) => part.replace(/\u0000(\d+)\u0000/g, (_mark, index: string) => quoted[Number(index)]!));
  for (const piece of pieces.filter((part) => part.trim() !== '')) {
    const name = nameOf(exception ? piece.replace(/^\s*(?:not|no|never|nor)\s+/i, '') : piece, words);
    if (name !== undefined) names.push(name);
    else if (leftoverWords(piece, [words.nouns, LEAD]).length > 0) return { error: `could not read "${piece.trim()}" as a name` };
  }
  if (names.length === 0) return { error: `no names in "${cleaned}"` };
  return { names: [...new Set(names)], patterns: [] };
}
