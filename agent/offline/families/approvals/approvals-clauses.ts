// The sentence shapes of the approvals family: "<whom> need <chain>", "For <whom>: <chain>", "If the
// department is <X>, route to <chain>", what happens without a manager, and worked examples. Each shape
// covers its whole clause; the parts are then read strictly (approvals-steps.ts).

import { APPROV, EMAIL, MANAGER_WORD } from './approvals-steps.ts';

const APPROVED = String.raw`ap+ro+ved`;

/** "there is no manager", "the manager is missing", "without a manager". */
export const MISSING_BODY = String.raw`(?:(?:an?\s+|the\s+|any\s+)?(?:joiners?|hires?|new\s+hires?|people|person|someone|anyone|employees?)\s+(?:who\s+(?:has|have)\s+no|without\s+an?|with\s+no)\s+${MANAGER_WORD}|(?:there\s+is|there'?s|they\s+have|(?:the\s+)?(?:joiner|person|new\s+hire|employee|user)\s+has|someone\s+has|(?:a\s+)?joiner\s+has|it\s+has)\s+no\s+(?:line\s+|direct\s+)?${MANAGER_WORD}(?:\s+(?:set|listed|on\s+(?:file|record)|assigned|e-?mail|address))*|(?:the\s+|their\s+|his\s+|her\s+)?${MANAGER_WORD}(?:'?s)?(?:\s*e-?mail)?(?:\s+address)?\s+(?:is\s+|was\s+)?(?:missing|unknown|empty|blank|absent|null|not\s+(?:set|known|listed|given|present|available|there)|isn'?t\s+(?:set|known|there|listed|given))|no\s+${MANAGER_WORD}|without\s+an?\s+${MANAGER_WORD}|(?:an?\s+)?missing\s+${MANAGER_WORD}|${MANAGER_WORD}less(?:\s+(?:joiners?|hires?|people|starters?))?)`;
const CONDITION = String.raw`(?:if|when|whenever|where|in\s+case|should|for\s+joiners?\s+with)`;

/** A clause about the missing manager: "If there is no manager, use hr@acme.com", "No manager → error". */
export const MISSING_LEADING = new RegExp(String.raw`^(?:${CONDITION}\s+)?${MISSING_BODY}\s*(?:[,:?→]|->|-|then)?\s*(?<action>.*)$`, 'i');
/** "Use hr@acme.com if there is no manager", "Throw an error when the manager is missing". */
export const MISSING_TRAILING = new RegExp(String.raw`^(?<action>.+?)\s*,?\s+${CONDITION}\s+${MISSING_BODY}\s*$`, 'i');
/** "Fallback approver: hr@acme.com", "The backup approver is hr@acme.com". */
export const FALLBACK_DECLARED = new RegExp(String.raw`^(?:the\s+|our\s+)?(?:fall-?\s*back|back-?up|stand-?in|substitute|deputy)(?:\s+${APPROV})?(?:\s+for\s+(?:a\s+)?missing\s+${MANAGER_WORD}s?)?\s*(?:is|:|=|→|->|-)?\s*(?<action>.+)$`, 'i');
/** The clause after "No manager?": "Use hr@acme.com", "Then fail". */
export const MISSING_FOLLOW_UP = new RegExp(String.raw`^(?!.*${MISSING_BODY})(?:then\s+)?(?<action>(?:(?:use|fall\s*back\s+to|route\s+(?:it\s+)?to|send\s+(?:it\s+)?to|escalate\s+to|throw|raise|fail|error|reject|stop|abort|skip)\b|${EMAIL}\s+(?:approves|steps|stands|takes)\b).*)$`, 'i');

/** "Nobody approves twice", "don't ask the same person twice": what the template does anyway. */
export const ASKED_ONCE = /\b(?:nobody|no\s*one|no\s+person|never\s+ask\s+\w+(?:\s+\w+)?|(?:don'?t|do\s+not)\s+ask\s+(?:the\s+same\s+person|anyone|someone|people))\b[^.()]*?\b(?:twice|more\s+than\s+once|two\s+times)\b|\([^()]*\b(?:asked|approves?)\s+(?:only\s+)?once\b[^()]*\)|\b(?:asked|approves?)\s+(?:only\s+)?once\b|\bde-?dup\w*/i;

/** "Route joiner approvals: <chain clause>": the words before the colon only introduce it. */
export const INTRO = /^(?<intro>[^:@]*?\b(?:ap+ro+v\w*|routing|route|chains?|sign-?offs?)\b[^:@]*):\s*(?<rest>.+)$/i;

export type MissingAction = { mode: 'fallback'; approver: string } | { mode: 'error' } | { mode: 'skip' } | { mode: 'pending' };

const ERROR_ACTION = /^(?:(?:it|that|this)\s+)?(?:(?:is|are|should\s+be|must\s+be|will\s+be|counts?\s+as|becomes?)\s+an?\s+error|(?:throw|raise|return)\s+an?\s+(?:error|exception)|error(?:\s+out)?|(?:it\s+|we\s+)?(?:should\s+|must\s+)?(?:fail|fails|reject|stop|abort|refuse|halt)(?:\s+(?:it|the\s+(?:run|function|routing|request)))?|(?:don'?t|do\s+not|never)\s+(?:route|guess)(?:\s+it)?)(?:\s+(?:with\s+an?\s+(?:clear\s+)?(?:error|exception|message)|and\s+(?:say|report|explain)\s+why|loudly|instead)|\s*[:;,-]?\s*(?:don'?t|do\s+not|never)\s+(?:route\s+around\s+it|guess|fall\s*back|make\s+one\s+up|pick\s+someone))*$/i;
const SKIP_ACTION = new RegExp(String.raw`^(?:(?:just\s+)?(?:skip|drop|omit|leave\s+out|remove|ignore)\s+(?:the\s+|that\s+|their\s+)?(?:${MANAGER_WORD}(?:'s)?\s*)?(?:step|${APPROV}|stage|it)?|(?:go|continue|move\s+on|jump)\s+(?:straight\s+)?(?:on\s+)?(?:to|with)\s+the\s+(?:next|rest|remaining)(?:\s+(?:step|${APPROV}s?))?)(?:\s+and\s+(?:go|continue|move\s+on)\s+(?:straight\s+)?(?:to|with)\s+the\s+(?:next|rest|remaining)(?:\s+(?:step|steps|${APPROV}s?))?)?$`, 'i');
const FALLBACK_ACTION = new RegExp(
  String.raw`^(?:(?:use|fall\s*back\s+to|route\s+(?:it\s+)?to|send\s+(?:it\s+)?to|go(?:es)?\s+to|(?:is|are)\s+(?:routed\s+to|approved\s+by)|needs?|requires?|ask|escalate\s+to|assign\s+(?:it\s+)?to|replace\s+(?:it|them|the\s+${MANAGER_WORD})\s+with|substitute|(?:the\s+)?(?:fall-?\s*back|back-?up)(?:\s+${APPROV})?\s*(?:is|:|=)?)\s+)?(?:[\p{L}][\p{L}'’ -]{0,40}?(?:\s+|\s*(?=[(<])))?[(<]?(?<email>${EMAIL})[)>]?\s*(?:(?:approves?|steps?\s+in|stands?\s+in|signs?\s+off|takes?\s+over|takes?\s+(?:the\s+${MANAGER_WORD}'?s|their)\s+place|(?:is|as)\s+(?:the\s+)?(?:fall-?\s*back|back-?up|substitute)(?:\s+${APPROV})?)\s*)?(?:instead(?:\s+of\s+(?:the|their)\s+${MANAGER_WORD})?|in\s+(?:their|the\s+${MANAGER_WORD}'?s|his\s+or\s+her)\s+place)?$`,
  'iu',
);

/** What to do without a manager, read strictly; undefined when the words say something else. */
export function readMissingAction(action: string): MissingAction | undefined {
  const text = action.trim().replace(/^[,:\s-]+|[.\s]+$/g, '').replace(/^then\s+/i, '').replace(/^(?:we\s+|you\s+)?(?:should|must|will|want\s+to)\s+/i, '');
  if (text === '') return { mode: 'pending' };
  if (ERROR_ACTION.test(text)) return { mode: 'error' };
  if (SKIP_ACTION.test(text)) return { mode: 'skip' };
  const fallback = FALLBACK_ACTION.exec(text);
  return fallback ? { mode: 'fallback', approver: fallback.groups!.email!.toLowerCase() } : undefined;
}

/** Splits "…, and if the manager is missing, use hr@acme.com" off the end of a chain. */
export function splitTrailingMissing(chain: string): { chain: string; missing?: string } {
  const at = new RegExp(String.raw`(?:${CONDITION}\s+)?${MISSING_BODY}`, 'i').exec(chain);
  if (!at) return { chain };
  const start = Math.max(chain.lastIndexOf(',', at.index), chain.lastIndexOf('(', at.index), chain.lastIndexOf(' - ', at.index));
  if (start < 0) return { chain };
  const missing = chain.slice(start + 1).replace(/\)\s*$/, '').replace(/^\s*(?:and|but|or|though|except)\s+/i, '').trim();
  return { chain: chain.slice(0, start), missing };
}

/** A clause opening with these is not a chain, even when it has a chain's shape. */
const NOT_A_CHAIN = String.raw`(?!\s*(?:${CONDITION}\s+)?${MISSING_BODY})(?!\s*(?:e\.g|for\s+example|for\s+instance|example)\b)(?!\s*(?:the\s+)?(?:fall-?\s*back|back-?up)\b)`;
const CONNECTOR = String.raw`(?:\b(?:(?:must|should|will|shall|has\s+to|have\s+to|need\s+to|needs\s+to)\s+)?(?:be\s+|get\s+|gets\s+|are\s+|is\s+)?(?:${APPROVED}|signed[- ]off|okayed)\s+by|\b(?:needs?|requires?|must\s+(?:have|get)|should\s+(?:have|get)|needs?\s+to\s+get|gets?|has|have)\s+(?:an?\s+)?(?:${APPROV}|sign[- ]?offs?|ok)\s+(?:from|by)|\b(?:needs?|requires?|must\s+have|must\s+get|needs?\s+to\s+get|should\s+have)|\b(?:${APPROV}|sign[- ]?offs?|chain|routing)\s+(?:is|are|go(?:es)?|=|:)\s*(?:to\b|through\b|via\b|by\b)?|\b(?:go(?:es)?|routes?|routed|is\s+routed|are\s+routed|gets?\s+routed|should\s+go|must\s+go|is\s+sent|are\s+sent)\s+(?:to|through|via|by)\b|:|→|->|=>|=)`;

/** Clause shapes that state a chain; each has the groups `subject` and `chain`. First match wins. */
export const CHAIN_SHAPES: RegExp[] = [
  new RegExp(String.raw`^${NOT_A_CHAIN}(?:the\s+)?(?:${APPROV}\s+chain|${APPROV}\s+route|${APPROV}|sign-?offs?|routing)\s+(?:for|in|of)\s+(?<subject>.+?)\s+(?:is|are|go(?:es)?\s+to|go(?:es)?\s+through|=|:|→|->)\s*(?<chain>.+)$`, 'i'),
  new RegExp(String.raw`^${NOT_A_CHAIN}(?:for|in|within)\s+(?<subject>[^,:]+?)\s*[,:]\s*(?:the\s+)?(?:(?:${APPROV}\s+)?chain\s+|${APPROV}\s+|routing\s+|it\s+|they\s+|we\s+)?(?:is\s+|are\s+|go(?:es)?\s+to\s+|go(?:es)?\s+through\s+|routes?\s+to\s+|=\s*|needs?\s+|requires?\s+|use\s+|ask\s+)?(?<chain>.+)$`, 'i'),
  new RegExp(String.raw`^${NOT_A_CHAIN}(?:if|when)\s+(?:the\s+(?:department|dept|team)\s+is|(?:someone|a\s+person|a\s+joiner|a\s+new\s+hire|anyone|they)\s+(?:joins?|starts?\s+in|is\s+in|(?:is\s+)?hired\s+into))\s+(?<subject>.+?)\s*,?\s*(?:then\s+)?(?:route\s+(?:it\s+|them\s+)?to|send\s+(?:it\s+|them\s+)?to|(?:${APPROV}s?\s+)?go(?:es)?\s+to|use|ask|${APPROV}s?\s+are|the\s+chain\s+is|(?:it|they)\s+needs?|needs?|requires?)\s+(?<chain>.+)$`, 'i'),
  new RegExp(String.raw`^${NOT_A_CHAIN}route\s+(?<subject>.+?)\s+(?:to|through|via)\s+(?<chain>.+)$`, 'i'),
  new RegExp(String.raw`^${NOT_A_CHAIN}(?:for|in)\s+(?<subject>.+?)\s*,?\s+(?:also\s+)?(?<add>add|append|include|plus)\s+(?<chain>.+)$`, 'i'),
  new RegExp(String.raw`^${NOT_A_CHAIN}(?:also\s+)?(?<add>add|append|include)\s+(?<chain>.+?)\s+(?:for|to\s+the\s+(?:chain|${APPROV}s?)\s+(?:for|of))\s+(?<subject>.+)$`, 'i'),
  new RegExp(String.raw`^${NOT_A_CHAIN}(?<subject>.+?)\s*${CONNECTOR}\s*(?<chain>.+)$`, 'i'),
  // The verb left out: "Sales joiners their manager and then sales-ops@initech.com", "anyone else just their manager".
  new RegExp(String.raw`^${NOT_A_CHAIN}(?<subject>(?:[\w&'-]+\s+){0,3}?(?:joiners?|hires?|starters?|people|staff|else|others?|every(?:one|body)|any(?:one|body)))\s+(?<chain>(?:(?:just|only)\s+)?(?:(?:the|their)\s+)?(?:line\s+|direct\s+)?${MANAGER_WORD}\b.*|${EMAIL}.*)$`, 'i'),
];

/** "e.g. a Finance joiner managed by ann@acme.com → ann@acme.com, fd@acme.com". */
export const EXAMPLE_SHAPE = new RegExp(
  String.raw`^(?:e\.g\.?|for\s+example|for\s+instance|example)\s*[,:]?\s*(?:an?\s+)?(?<department>[\p{L}][\p{L}&.-]*(?:\s+[\p{L}][\p{L}&.-]*)?)\s+(?<noun>joiner|hire|new\s+hire|starter|employee|person|contractor|intern)\s+(?:(?:whose\s+${MANAGER_WORD}\s+is|managed\s+by|with\s+(?:the\s+)?${MANAGER_WORD}|reporting\s+to)\s+(?<manager>${EMAIL})|(?<none>with\s+no\s+${MANAGER_WORD}|without\s+an?\s+${MANAGER_WORD}))\s*(?:needs|goes\s+to|is\s+approved\s+by|gets|routes?\s+to|→|->|=>|:)\s*(?<approvers>.+)$`,
  'iu',
);
