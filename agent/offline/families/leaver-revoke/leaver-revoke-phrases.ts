// How admins say when a leaver's Entra access goes ("immediately", "on their last day", "the day after
// their last day", "3 days after their last day") and what happens to it (disable, revoke sessions).

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30 };
const LAST_DAY = String.raw`(?:(?:their|thier|there|the|his|her|the\s+person'?s|the\s+leaver'?s)\s+)?(?:actual\s+|final\s+)?(?:last\s+(?:working\s+)?day|leaving\s+date|end\s+date|termination\s+date|exit\s+date|departure\s+date|(?:event\.)?lastDay)`;

export const TIMING = {
  afterCount: new RegExp(String.raw`\b(?<count>\d{1,4}|a|an|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(?<unit>(?:calendar\s+)?days?|weeks?)\s+(?:after|past|following|from)\s+${LAST_DAY}`, 'i'),
  beforeCount: new RegExp(String.raw`\b(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|ten)\s+(?:days?|weeks?)\s+(?:before|ahead\s+of|prior\s+to)\s+${LAST_DAY}`, 'i'),
  dayAfter: new RegExp(String.raw`\b(?:(?:on\s+)?the\s+(?:day|morning)\s+after|(?:only\s+)?after|once|when|as\s+soon\s+as)\s+${LAST_DAY}(?:\s+(?:has\s+)?(?:passed|is\s+over|ended|ends|is\s+done|has\s+ended|is\s+behind\s+them))?|\b(?:at\s+)?(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:day|business)\s+(?:on\s+)?${LAST_DAY}|\b(?:at\s+)?(?:eod|cob)\s+(?:on\s+)?${LAST_DAY}|\b(?:at\s+)?(?:the\s+)?end\s+of\s+${LAST_DAY}`, 'i'),
  notBefore: new RegExp(String.raw`\b(?:(?:don'?t|do\s+not|never)\s+(?:\w+\s+){1,3}?before|(?:is|are|happens?|arrives?|comes?)\s+before|earlier\s+than)\s+${LAST_DAY}`, 'i'),
  onLastDay: new RegExp(String.raw`\b(?:on(?:\s+or\s+after)?|not\s+before|no\s+earlier\s+than|wait(?:ing)?\s+(?:until|till|for)|until|when|once|from)\s+${LAST_DAY}(?:\s+(?:comes|arrives|is\s+reached|starts|begins))?`, 'i'),
  immediate: /\b(?:immediately|right\s+away|straight\s+away|at\s+once|asap|instantly|without\s+(?:any\s+)?(?:delay|waiting)|(?:as\s+soon\s+as|the\s+moment|when(?:ever)?)\s+(?:the\s+|an?\s+)?(?:leaver\s+|user\.left\s+|leave\s+)?event\s+(?:arrives|comes\s+in|fires)|as\s+soon\s+as\s+(?:possible|(?:they|someone|the\s+person|hr)\s+\w+[^,]*?)(?=,|$)|(?:don'?t|do\s+not|never)\s+wait\s+for\s+(?:their|the)\s+last\s+day|(?:regardless|whatever)\s+(?:of\s+)?(?:their|the)\s+last\s+day(?:\s+says)?)\b/i,
} as const;

/** Days from "3 days", "a week", "two weeks". */
export function daysOf(count: string, unit: string): number {
  const number = /^\d+$/.test(count) ? Number(count) : NUMBER_WORDS[count.toLowerCase()] ?? Number.NaN;
  return /^week/i.test(unit) ? number * 7 : number;
}

export const ACTIONS = {
  disable: /\b(?:disab(?:l|el)\w*|deactivat\w*|block(?:s|ed|ing)?\s+(?:their\s+|the\s+|all\s+)?sign-?ins?|(?:turn|switch)\s+off|lock(?:s|ed)?\s+(?:(?:their|the)\s+)?(?:account|user)s?|suspend\w*|(?:set\s+)?accountEnabled(?:\s*(?:to|=|:)\s*false)?)\b/i,
  revoke: /\b(?:(?:rev?ok\w*|kill\w*|terminat\w*|invalidat\w*|end|clear|wipe)\s+(?:all\s+)?(?:of\s+)?(?:(?:their|thier|there|the|any|active|existing|open|current)\s+)*(?:(?:sign-?in|login|log-?in|refresh|web|browser|m365|office)\s+)*(?:sess?ions?|tokens?|cookies)|sign(?:s|ing)?\s+(?:them|him|her|the\s+user|the\s+leaver)\s+out(?:\s+(?:everywhere|of\s+everything|of\s+all\s+(?:sessions|devices)))?|log(?:s|ging)?\s+(?:them|him|her|the\s+user)\s+out(?:\s+everywhere)?|revokeSignInSessions|revoke(?:s|d)?\s+(?:their\s+|all\s+)?(?:access|sessions))\b/i,
  keepSessions: /\b(?:(?:don'?t|do\s+not|no\s+need\s+to|never)\s+(?:revoke|kill|end|touch)\s+(?:their\s+|the\s+)?(?:sign-?in\s+)?sessions?|(?:only|just)\s+disable(?:\s+(?:the|their)\s+account)?(?:,?\s+(?:nothing|no)\s+(?:else|more))?|leave\s+(?:the\s+|their\s+)?sessions\s+(?:alone|to\s+expire|as\s+they\s+are))\b/i,
  keepAccount: /\b(?:(?:don'?t|do\s+not|never)\s+disable|(?:only|just)\s+(?:revoke|sign\s+them\s+out|kill|log\s+them\s+out))\b/i,
} as const;

/** "If the user no longer exists, just log a warning": the condition and what to do. */
export const MISSING_USER = /\b(?:if|when)\s+(?:the\s+)?(?:PATCH|disable|graph)\s+(?:says|answers|returns)\s+404\b|\b(?:if|when|where|in\s+case)\s+(?:the\s+)?(?:user|account|person|leaver|entra\s+(?:user|account))\s+(?:doesn'?t|does\s+not|no\s+longer)\s+exists?|\b(?:if|when|where|in\s+case)\s+(?:the\s+)?(?:user|account|person|leaver|entra\s+(?:user|account))\s+(?:is|was|has\s+been)\s+(?:not\s+found|already\s+(?:gone|deleted|removed)|missing|deleted|removed)|\b(?:if|when|in\s+case)\s+(?:the\s+)?(?:user|account)\s+(?:isn'?t|wasn'?t|can'?t\s+be|cannot\s+be)\s+found|\b(?:if|when|on)\s+(?:graph\s+(?:returns|answers|says)\s+)?(?:a\s+)?404\b|\b(?:a\s+)?(?:missing|deleted|unknown)\s+(?:entra\s+)?(?:user|account)s?\b/i;
export const SKIP_MISSING = /\b(?:ignore\s+it|skip(?:\s+it)?|do\s+nothing|nothing\s+to\s+do|(?:just\s+)?log\s+(?:a\s+)?warn(?:ing)?|(?:just\s+)?warn|carry\s+on|move\s+on|succeed|(?:don'?t|do\s+not|never)\s+(?:fail|error|throw)|treat\s+it\s+as\s+(?:done|success)|that'?s\s+(?:fine|ok)|(?:is|it'?s)\s+(?:fine|ok))\b/i;
export const FAIL_MISSING = /\b(?:fail|error|throw|raise|alert|stop|abort)\b/i;

/** The only two requests the template makes; an admin who spells them out must spell these. */
export const GRAPH_CALLS = [
  { method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/users/{upn}' },
  { method: 'POST', url: 'https://graph.microsoft.com/v1.0/users/{upn}/revokeSignInSessions' },
];
export const CALL = /\b(?:(?<method>PATCH|POST|GET|PUT|DELETE)\s+(?:to\s+)?)?(?<url>https?:\/\/[^\s)"'`]+)/i;
/** "{userPrincipalName}", "<upn>", "{UPN}", ":upn" in a URL stand for the user's UPN. */
export const UPN_PLACEHOLDER = /\{[^}]*\}|<[^>]*>|\[[^\]]*\]|:upn\b|%7B[^%]*%7D/gi;
export const DISABLE_BODY = /(?:\b(?:with|body|payload|json)\s*:?\s*)?\{\s*["']?accountEnabled["']?\s*:\s*(?<value>false|true)\s*\}/i;

/** "If the disable fails, don't revoke: throw with the status code": what the template does on a failure. */
export const ON_FAILURE = /\b(?:if|when)\s+(?:the\s+)?(?:disable|disabling|revoke|revoking|patch|post|graph(?:\s+call)?|call|request|it|either\s+(?:call|step))\s+(?:fails?|errors?|says\s+no|returns?\s+an?\s+error|doesn'?t\s+work)\b(?<rest>.*)$/i;
export const FAILURE_WORDS = /\b(?:(?:don'?t|do\s+not|never)\s+(?:revoke|continue|go\s+on|carry\s+on)|throw|raise|error|fail|stop|report|status(?:\s+code)?|code|too|also|so|see|run\s+log|log|http|with|its)\b/gi;

/** Why the event comes early, and what it means: explanations of the template's deferral. */
export const EARLY_EVENT = /\b(?:hr|the\s+hris|people\s+team)?\s*(?:sends?|fires?|delivers?|triggers?)\s+(?:the\s+)?(?:leaver\s+)?events?\s+(?:early|in\s+advance|ahead\s+of\s+time|before\s+the\s+last\s+day)/i;
