// The words of the tap family's clauses, and the phrases that ask for something the template does not do.
// Generic words (send, create, day, fail) count only in a clause that is about the pass, so "Also create
// their mailbox" stays unhandled instead of being silently understood.

import type { Rule } from '../../recognizer.ts';
import { API_DESCRIPTION_VOCABULARY, returnShapeRule, secretNamesRule, URL_PATTERN } from '../../grammar/shared-rules.ts';

const SPECIFIC = String.raw`\bfor example\b|\be\.g\.|temp\w*\s+ac+ess?\s+pass|\btaps?\b|access pass|\bpass(?:es|code)?\b|\bcredentials?\b|\bslack\b|\bwebhook\b|\bdm\b|\bmanagers?\b|\bmfa\b|\bauthenticator\b|\blifetime\b|\bv(?:ali|ail|ial|lai)d\b|\bexpir|\busable\b|\breusable\b|\bsingle[- ]use\b|\bone[- ]time\b|\bmulti[- ]?use\b`;

function aboutThePass(words: string): RegExp {
  return new RegExp(String.raw`(?:(?<=(?:${SPECIFIC}).*)|(?=.*(?:${SPECIFIC})))\b(?:${words})\b`, 'gi');
}

/**
 * A rule, not vocabulary, and the family's first: the analyser removes rule patterns before vocabulary, and
 * the lookarounds must still see the clause's specific words.
 */
export const GENERIC_WORDS_RULE: Rule = {
  pattern: aboutThePass(String.raw`example|instance|her|his|their|if|issu\w*|send\w*|sent|deliver\w*|share\w*|hand(?:ed|s)?(?: over| out)?|post\w*|give\w*|forward\w*|creat\w*|generat\w*|mak\w*|get|gets|messag\w*|channel|enrol+\w*|register\w*|set ?up|sign[- ]?ins?|log[- ]?(?:on|ins?)|onboard\w*|day[- ](?:one|1)|day|morning|first|start\w*|date|time|last(?:s|ing)?|duration|work(?:s|ing)?|once|use|fail\w*|error|stop|refuse|abort|throw|policy|tenant|allow\w*|secure(?:ly)?|safe(?:ly)?|logs?|logged|output|result|return(?:ed)?|store[sd]?|print(?:ed)?|expos\w*|leak\w*|show(?:s|n)?|appear\w*|email|e-mail|address|look(?:ed)?|up`),
};

export const TAP_VOCABULARY: RegExp[] = [
  ...API_DESCRIPTION_VOCABULARY,
  /\bguests?\b|#EXT#|%23|\bescap\w*\b|\b(?:keep|leave)\s+(?:the\s+)?@\s+(?:as\s+(?:it\s+)?is|alone|unescaped)|\bcontain\w*\b|\bbecomes?\b|\bincoming\b|\bnaming\b|\bask(?:s|ing)? for\b|\bnew hire'?s?\b|\btext\b/gi,
  /\btemp\w*\s+ac+ess?\s+pass(?:es|code)?\b|\bTAPs?\b|\baccess pass(?:es)?\b|\bpass(?:es|code)?\b|\bcredentials?\b|\btemporaryAccessPass\w*\b|\bisUsableOnce\b|\blifetimeInMinutes\b/gi,
  /\b(?:microsoft\s+)?graph\b|\b(?:entra|azure)(?:\s+(?:id|ad))?\b|\baad\b|\bmfa\b|\bmulti-?factor\b|\b2fa\b|\bauthenticator(?: app)?\b|\bwindows hello\b|\bpasskeys?\b|\bfido2?\b|\bsecurity keys?\b|\bpasswordless\b/gi,
  /\bslack\b|\bwebhook\b|\bdm\b|\bdirect(?:ly)? message\b|\b(?:line |hiring |direct |reporting )?managers?(?:'s|’s|s')?\b|\bboss\b|\bsupervisor\b|\bmanagerEmail\b|\blifetime\b|\bv(?:ali|ail|ial|lai)d(?:ity)?\b|\bexpir\w*\b|\busable\b|\bupns?\b|\buser ?principal ?names?\b|\bput\b|\bleave\b|\bdays\b/gi,
  /\b(?:never|not|don'?t|do not|no|without)\b[^.]*?\b(?:log(?:s|ged|ging)?|return(?:ed)?|output|store[sd]?|print(?:ed)?|expos\w*|leak\w*|show(?:s|n)?)\b/gi,
];

const negated = (match: RegExpExecArray) => /\b(?:never|not|don'?t|do not|no|without|nor|avoid|must not|mustn'?t|shouldn'?t)\b/i.test(match.input.slice(0, match.index));
const refuse = (what: string): Rule['apply'] => (match, recognition) => {
  if (!negated(match)) recognition.problems.push(`${what} ("${match.input}"): the offline tap template issues the pass through Graph and sends it only to the manager through a Slack webhook`);
};

/** Graph's temporaryAccessPassMethods for a user, and the Slack webhook: the only endpoints the template calls. */
const ENDPOINTS = [/^https:\/\/graph\.microsoft\.com(?:\/v1\.0\/users\/[^/]+\/authentication\/temporaryAccessPassMethods)?\/?$/i, /^https:\/\/hooks\.slack\.com(?:\/services(?:\/.*)?)?\/?$/i];

export const TECHNICAL_RULES: Rule[] = [
  {
    pattern: URL_PATTERN,
    apply: (match, recognition) => {
      const url = match[0].replace(/[.:]+$/, '');
      if (!ENDPOINTS.some((endpoint) => endpoint.test(url))) recognition.problems.push(`the function calls only Graph's temporaryAccessPassMethods and the Slack webhook, not ${url}`);
    },
  },
  secretNamesRule(['GRAPH_TOKEN', 'SLACK_WEBHOOK_PATH']),
  returnShapeRule({ tapIssued: true, delivered: 'slack', lifetimeInMinutes: null, isUsableOnce: null, userPrincipalName: null }),
];

/** Phrases that ask for something the template does not do; each becomes a named problem, never ignored. */
export const UNSUPPORTED_RULES: Rule[] = [
  {
    // "email it", "by email", "a welcome email"; not "the manager's email" or "looked up by email".
    pattern: /(?<!\b(?:manager|boss|supervisor)(?:'s|’s|s')?\s+(?:work\s+)?|\bup\s+by\s+(?:their\s+)?)\b(?:e-?mail(?!\s+address)|mail|outlook|teams|sms|text message|whatsapp|phone|call)\b/i,
    apply: refuse('delivering the pass another way than Slack'),
  },
  { pattern: /\blog(?:s|ged|ging)?\s+(?:it|the (?:pass|tap|code))\b|\b(?:write|put|record|keep)\s+(?:it|the (?:pass|tap|code))\s+(?:in|to)\s+the\s+logs?\b|\b(?:return|output|include)\s+(?:it|the (?:pass|tap|code))\b(?!\s+in\s+(?:the\s+)?(?:slack|message))/i, apply: refuse('logging or returning the pass') },
  { pattern: /\b(?:the\s+)?(?:it|service|help|security|hr|people)\s*-?(?:desk|team|helpdesk|support|department|admins?|ops)\b(?!\s+re-?issue)|(?<!\d\s{0,2})\b(?:hr|cc|bcc)\b|\b(?:and|also|cc)\s+(?:to\s+)?(?:the\s+)?(?:new hire|joiner|employee|user|starter)s?\b|\bto\s+(?:the\s+|them\s+|themselves\b)?(?:new hire|joiner|employee|user|starter|person)s?\b(?!'|’|\s+(?:(?:line|hiring|direct|reporting)\s+)?(?:managers?|boss|supervisor))/i, apply: refuse('sending the pass to someone other than the manager') },
  { pattern: /\b(?:if|when)\b[^.]*\bno\s+manager\b[^.]*\b(?:send|deliver|give|post|fall ?back|use)\b/i, apply: refuse('a fallback recipient when there is no manager') },
  { pattern: /\b(?:reset\w*|add|adds|added|remove[sd]?|delete[sd]?|revoke[sd]?|grant(?:s|ed)?|licen[cs]e[sd]?|passwords?)\b/i, apply: (match, recognition) => { if (!negated(match)) recognition.problems.push(`"${match[0]}" ("${match.input}") is not something the tap template does: it only issues the pass and sends it to the manager`); } },
  { pattern: /\b(?:\d+|eight|twelve|sixteen)[- ]?(?:char(?:acter)?s?|digits?|letters?)\s+(?:long\s+)?(?:pass|tap|code)?|\blength of\b/i, apply: (match, recognition) => recognition.problems.push(`the length of the pass ("${match.input}") is set by the tenant's Temporary Access Pass policy (defaultLength), not per request`) },
];

