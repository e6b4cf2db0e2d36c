// The sentence shapes of the mover-groups family: group tables ("Engineering gets GitHub-Users and
// VPN-Users", "people in Berlin: Office-Berlin"), baseline groups, exclusions ("contractors never get
// VPN-Users"), section headings and worked examples. Each shape covers its whole clause; the group
// lists are then read strictly: anything that does not look like group names is a problem.

const WHO = String.raw`(?<who>contractors?|interns?|employees?)`;
const BASELINE = String.raw`(?:baseline|base|core|default|standard|common|everyone'?s|global)\s+groups?`;
const NEVER_REMOVE = String.raw`(?:never|not)\s+(?:be\s+|get\s+)?(?:removed|touched|taken\s+away|revoked|dropped|changed)(?:\s+(?:on|by|in)\s+(?:a\s+)?moves?)?`;
const BY_HAND = String.raw`(?!.*\b(?:granted|by\s+hand|manual(?:ly)?|other\s+rules?|outside|not\s+in\s+(?:the|these|any))\b)`;
const NOT_A_TABLE = String.raw`(?!\s*(?:when|if|on\s+(?:a\s+)?moves?|whenever|after|before|never|don'?t|do\s+not|only|add|remove|keep|e\.g|for\s+example|for\s+instance|example|so|note|but|and|also\s+(?:add|remove))\b)`;
/** A word of a table row's subject: never a word about moving or a request ("for movers please:"). */
const TABLE_WORD = String.raw`(?!(?:mov\w*|transfer\w*|please|rules?|hi|hello|hey|add|remove|take|diff|event\.\w+|old|new|previous|swap\w*|updat\w*|chang\w*|their|compute|work)\b)[^\s:]+`;
const TABLE_CONNECTOR = String.raw`(?:\s+(?:gets?|receives?|is\s+in|are\s+in|go(?:es)?\s+in(?:to)?|joins?|(?:is|are|gets?)\s+added\s+to|belongs?\s+to|maps?\s+to|(?:should|must|will)\s+be\s+in|(?:are|is)\s+(?:a\s+)?members?\s+of)\s+|(?:'s)?\s+groups?(?:\s+(?:are|is)\s+|\s*[:=]\s*)|\s*(?::|→|->|=>|=)\s*)`;

/** Shapes in the order they are tried; the first that matches a clause reads it. */
export const MOVER_SHAPES = {
  section: /^(?:(?:groups?\s+)?(?:by|per)\s+)?(?<section>departments?|depts?|teams?|locations?|offices?|sites?|cities|worker\s+types?|employment\s+types?)(?:\s+(?:groups?|tables?|→\s*groups?))?\s*:?$/i,
  sectionRows: /^(?:(?:groups?\s+)?(?:by|per)\s+)?(?<section>departments?|depts?|teams?|locations?|offices?|sites?|cities|worker\s+types?|employment\s+types?)(?:\s+groups?)?\s*:\s*(?<rows>.+)$/i,
  exclusion: new RegExp(String.raw`^(?:but\s+|except\s+(?:that\s+)?|however,?\s+|and\s+)?${WHO},?\s+(?:who\s+)?(?:should\s+|must\s+|will\s+|do\s+|does\s+|are\s+|is\s+)?(?:never|not|don'?t|doesn'?t|do\s+not|does\s+not|must\s+not|should\s+not|cannot|can'?t|won'?t)\s+(?:ever\s+)?(?:get|have|receive|be\s+(?:in|added\s+to|given)|in|keep|join|hold)\s+(?<groups>.+)$`, 'i'),
  exclusionFor: new RegExp(String.raw`^(?:no|never\s+(?:add|give)|skip|exclude|leave\s+out)\s+(?<groups>.+?)\s+(?:for|to)\s+${WHO}$`, 'i'),
  exclusionPassive: new RegExp(String.raw`^(?<groups>.+?)\s+(?:is|are)\s+never\s+(?:given|granted|added)\s+to\s+${WHO}$`, 'i'),
  baselineNamed: new RegExp(String.raw`^(?:the\s+)?${BASELINE}(?:\s*\([^)]*\))?\s*(?::|=|are|is|include)\s*(?<groups>.+)$`, 'i'),
  baselineListed: new RegExp(String.raw`^(?:the\s+)?${BASELINE}\s*\((?<groups>[^)]+)\)\s*(?:(?:are|is|should\s+be|must\s+be|will\s+be|stay|remain)\s+)?(?:${NEVER_REMOVE}|always\s+(?:kept|stay)|kept|untouched)$`, 'i'),
  neverRemoveBaseline: new RegExp(String.raw`^(?:(?:but|and|also)\s+)?(?:never|don'?t|do\s+not)\s+(?:ever\s+)?(?:remove|touch|take\s+away|revoke|drop)\s+(?:the\s+|any\s+)?${BASELINE}(?:\s*(?:\(|:|,|such\s+as|like)\s*(?<groups>[^)]*)\)?)?$`, 'i'),
  neverRemove: new RegExp(String.raw`^${BY_HAND}(?:(?:but|and|also)\s+)?(?:never|don'?t|do\s+not)\s+(?:ever\s+)?(?:remove|touch|take\s+away|revoke|drop)\s+(?<groups>.+?)(?:\s+(?:on|by|in)\s+(?:a\s+)?moves?|\s+from\s+anyone)?(?:\s+ever)?$`, 'i'),
  neverRemovedPassive: new RegExp(String.raw`^${BY_HAND}(?<groups>.+?)\s+(?:are|is|should|must|will)\s+(?:for\s+everyone\s+and\s+(?:is\s+|are\s+)?)?(?:always\s+)?(?:be\s+)?(?:${NEVER_REMOVE}|kept|stay|remain)(?:\s+(?:for\s+everyone|from\s+anyone))?$`, 'i'),
  nobodyLoses: /^(?:nobody|no\s*one|none)\s+(?:ever\s+)?(?:loses?|is\s+(?:ever\s+)?removed\s+from|gets?\s+removed\s+from)\s+(?<groups>.+)$/i,
  keepAlways: /^(?:always\s+)?keep\s+(?<groups>.+?)(?:\s+always|\s+for\s+everyone|\s+on\s+(?:every|a)\s+move)?$/i,
  everyoneKeeps: /^(?:everyone|everybody|all\s+staff|all\s+users|all\s+employees)\s+(?:always\s+)?keeps?\s+(?<groups>.+)$/i,
  example: /^(?:(?:e\.g\.?|for\s+example|for\s+instance|example)\s*[,:]?\s*)?(?:so\s+)?(?:(?:someone|somebody|a\s+person|a\s+user|an\s+employee|a\s+mover|anyone)\s+)?(?:who\s+)?(?:moving|moves|moved|transferring|transfers|going|goes)\s+from\s+(?<from>.+?)\s+to\s+(?<to>.+?)\s*,?\s+(?<outcome>(?:gets|gains|adds?|loses|removes?|drops?|is\s+(?:added|removed)|should|will|→|->|:).+)$/i,
  table: new RegExp(String.raw`^${NOT_A_TABLE}(?<subject>(?:${TABLE_WORD}\s+){0,5}?${TABLE_WORD}?)${TABLE_CONNECTOR}(?<groups>.+)$`, 'i'),
} as const;

/** "…, but never remove the baseline groups (All-Staff, MFA-Required)" inside a longer clause. */
export const BASELINE_INSIDE = new RegExp(String.raw`\b(?:never|don'?t|do\s+not)\s+(?:ever\s+)?(?:remove|touch|take\s+away|revoke|drop)\s+(?:the\s+|any\s+)?${BASELINE}\s*\((?<groups>[^)]+)\)`, 'i');

export type ShapeName = keyof typeof MOVER_SHAPES;

const GROUP_NOISE = /^(?:the|both|all|their|a|an)\s+|\s+(?:(?:security|distribution|ad|entra|azure)\s+)?(?:groups?|lists?|dls?)$|^(?:groups?|dls?)\s+/gi;
const SEPARATOR = /\s*,\s*(?:and\s+|or\s+|&\s+|plus\s+)?|\s+(?:and|or|nor|&|plus|\+)\s+|\s*;\s*/i;

/** A list of group names; a problem for any part that does not look like a group name. */
export function readGroups(text: string): { groups: string[]; problems: string[] } {
  const result = { groups: [] as string[], problems: [] as string[] };
  const list = text.trim().replace(/[.]+$/, '')
    .replace(/\s*\((?:never|always|not|keep|kept|these|those|stays?)\b[^)]*\)\s*$/i, '')
    .replace(/\s*[:;,-]\s*(?:(?:and|but)\s+)?(?:never|don'?t|do\s+not)\s+(?:ever\s+)?(?:remove|touch|take\s+away)\s+(?:those|them|these|it)(?:\s+ever)?\s*$/i, '');
  for (const part of list.split(SEPARATOR)) {
    const quoted = /^["'“‘`](.+)["'”’`]$/.exec(part.trim());
    const name = quoted ? quoted[1]!.trim() : part.replace(GROUP_NOISE, '').replace(GROUP_NOISE, '').trim();
    // One word is a group name when it looks like one (GitHub-Users, Sales, vpn_users), not a plain lower-case word (laptop).
    const looksLikeGroup = quoted !== null || (/^[\p{L}\p{N}][\p{L}\p{N}._&'-]*$/u.test(name) && /[\p{Lu}\p{N}._-]/u.test(name)) || /^(?:[\p{Lu}\p{N}][\p{L}\p{N}._&'-]*\s+){1,2}[\p{Lu}\p{N}][\p{L}\p{N}._&'-]*$/u.test(name);
    if (name === '') continue;
    if (!looksLikeGroup || /^(?:none|nothing|no|groups?)$/i.test(name)) result.problems.push(`"${part.trim()}" does not read as a group name`);
    else if (!result.groups.includes(name)) result.groups.push(name);
  }
  return result;
}

/** Outcome lists of a worked example: "gets Sales and CRM-Users and loses GitHub-Users". */
export function readOutcome(text: string): { add: string[]; remove: string[]; keep: string[]; problems: string[] } {
  const verb = /(?:^|,\s*|\s+(?:and|but|while)\s+|\s+)(?<verb>gets|gains|adds?|is\s+added\s+to|joins|loses|removes?|drops?|leaves|is\s+removed\s+from|keeps|stays\s+in)\s*:?\s+/gi;
  const marks = [...text.matchAll(verb)];
  const result = { add: [] as string[], remove: [] as string[], keep: [] as string[], problems: [] as string[] };
  if (marks.length === 0 || marks[0]!.index !== 0) result.problems.push(`"${text}" does not say which groups are added and removed`);
  marks.forEach((mark, index) => {
    const list = text.slice(mark.index! + mark[0].length, marks[index + 1]?.index ?? text.length);
    const removing = /^(?:loses|removes?|drops?|leaves|is\s+removed)/i.test(mark.groups!.verb!);
    if (/^\s*(?:nothing|no\s+groups?|none)\s*$/i.test(list)) return;
    const { groups, problems } = readGroups(list);
    (removing ? result.remove : /^(?:keeps|stays)/i.test(mark.groups!.verb!) ? result.keep : result.add).push(...groups);
    result.problems.push(...problems);
  });
  return result;
}
