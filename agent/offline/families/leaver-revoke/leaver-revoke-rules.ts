// The clauses of the leaver-revoke family: timing relative to the last day, the actions, a missing
// user, the secret's name, and the technical spelling-out admins paste in (the Graph URLs, the
// request body, what happens on a failure), which must match what the template does.

import { leftoverWords } from '../../clauses.ts';
import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { LeaverRevokeReading } from './leaver-revoke-action.ts';
import { outputShapeRule } from '../../grammar/output-shape-rule.ts';
import { ACTIONS, CALL, daysOf, DISABLE_BODY, EARLY_EVENT, FAIL_MISSING, FAILURE_WORDS, GRAPH_CALLS, MISSING_USER, ON_FAILURE, SKIP_MISSING, TIMING, UPN_PLACEHOLDER } from './leaver-revoke-phrases.ts';

export interface LeaverDraft {
  timings: Array<{ kind: 'now' | 'wait'; text: string }>;
  said: Set<keyof typeof ACTIONS>;
}

const drafts = new WeakMap<Recognition, LeaverDraft>();
export const draftOf = (recognition: Recognition) => drafts.get(recognition) ?? drafts.set(recognition, { timings: [], said: new Set() }).get(recognition)!;
const MAX_DAYS_AFTER = 365;
const NO_LAST_DAY = /\b(?:(?:if|when|where)\s+(?:there\s+is\s+|there'?s\s+|the\s+event\s+has\s+|it\s+has\s+|they\s+have\s+)?no|with\s+no|without\s+an?)\s+(?:last\s*day|lastDay|end\s+date)(?:\s+(?:set|given|on\s+the\s+event))?\b/i;

function wait(recognition: Recognition<LeaverRevokeReading>, days: number, text: string): void {
  draftOf(recognition).timings.push({ kind: 'wait', text });
  if (!Number.isInteger(days) || days < 0) recognition.problems.push(`"${text}" is not a number of days`);
  else if (days > MAX_DAYS_AFTER) recognition.problems.push(`${days} days after the last day is more than a year: the leaver's account would stay enabled that long (at most ${MAX_DAYS_AFTER})`);
  state(recognition, 'deferUntilLastDay', true);
  state(recognition, 'daysAfterLastDay', days);
}

const FILLER_OF_MISSING = /\b(?:just|only|then|instead|graph|entra|microsoft|loudly|clear|message)\b/i;
/** "… and return { notFound: true } without revoking": what the template returns when it skips. */
const NOT_FOUND_OUTPUT = /\breturn\s+\{\s*notFound:\s*true\s*\}(?:\s+without\s+revoking)?|\bthe\s+account\s+is\s+already\s+gone\b/gi;

/** "If the user no longer exists, just log a warning": the rest of the clause says what to do. */
const missingUserRule: Rule<LeaverRevokeReading> = {
  pattern: new RegExp(`(?:${MISSING_USER.source}).*$`, 'i'),
  apply(match, recognition) {
    const rest = match[0].replace(MISSING_USER, ' ');
    const skip = SKIP_MISSING.test(rest);
    const unread = leftoverWords(rest, [SKIP_MISSING, FAIL_MISSING, FILLER_OF_MISSING, NOT_FOUND_OUTPUT]);
    if (unread.length > 1 || (!skip && !FAIL_MISSING.test(rest))) recognition.problems.push(`"${match.input}": could not tell what to do when the user does not exist (say "… skip it" or "… it is an error")`);
    else state(recognition, 'missingUser', skip ? 'skip' : 'error');
  },
};

/** A rule whose match is a problem; an empty message means the words are fine as they are. */
const problem = (text: (match: RegExpExecArray) => string): Rule<LeaverRevokeReading>['apply'] => (match, recognition) => {
  const message = text(match);
  const said = message.replace(/ \([^)]*\)$/, '');
  if (message && !recognition.problems.some((known) => known.startsWith(said))) recognition.problems.push(message);
};

/** Whole-clause statements come first: their spans are consumed before single words of the same clause. */
export const LEAVER_RULES: Rule<LeaverRevokeReading>[] = [
  {
    pattern: new RegExp(`${NO_LAST_DAY.source}.*$`, 'i'),
    apply: problem((match) => (/\b(?:do\s+nothing|skip|wait|fail|error|throw|don'?t|leave)\b/i.test(match[0]) ? `"${match.input}": without a last day the template revokes at once` : '')),
  },
  missingUserRule,
  {
    pattern: /\b(?:(?:(?:if|when)\s+(?:there\s+is\s+|there'?s\s+)?)?(?:no|a\s+missing|missing|without\s+an?)\s+(?:upn|userPrincipalName)|(?:the\s+)?(?:upn|userPrincipalName)\s+is\s+(?:missing|not\s+set|empty)).*$/i,
    apply: problem((match) => (/\b(?:fail|error|throw|refuse|stop)\b/i.test(match[0]) && !/\b(?:e-?mail|username|guess|build|derive)\b/i.test(match[0]) ? '' : `"${match.input}": the template never guesses a UPN; without one it is an error`)),
  },
  {
    pattern: CALL,
    apply: problem((match) => {
      const url = match.groups!.url!.replace(/[.,;:]+$/, '').replace(UPN_PLACEHOLDER, '{upn}');
      const method = match.groups!.method?.toUpperCase();
      const known = GRAPH_CALLS.find((call) => call.url.toLowerCase() === url.toLowerCase());
      if (known && (!method || method === known.method)) return '';
      return `"${match[0]}": the leaver-revoke template calls only ${GRAPH_CALLS.map((call) => `${call.method} ${call.url}`).join(' and ')}`;
    }),
  },
  { pattern: DISABLE_BODY, apply: problem((match) => (match.groups!.value!.toLowerCase() === 'false' ? '' : `"${match[0]}": disabling sets accountEnabled to false`)) },
  {
    pattern: ON_FAILURE,
    apply: problem((match) => (leftoverWords(match.groups!.rest!, [FAILURE_WORDS]).length <= 1 ? '' : `"${match.input}": on a Graph failure the template throws with the status (and does not revoke after a failed disable); it does nothing else`)),
  },
  { pattern: TIMING.afterCount, apply: (match, recognition) => wait(recognition, daysOf(match.groups!.count!, match.groups!.unit!), match[0]) },
  { pattern: TIMING.beforeCount, apply: problem((match) => `"${match[0]}": the leaver-revoke template can wait for the last day but cannot act before it (the user.left event is when it runs)`) },
  {
    pattern: TIMING.dayAfter,
    apply(match, recognition) {
      if (TIMING.afterCount.test(match.input)) return;
      wait(recognition, 1, match[0]);
      recognition.assumptions.push(`"${match[0]}" is read as the day after the last day (dates compare in UTC; the function cannot wait for a time of day)`);
    },
  },
  { pattern: TIMING.onLastDay, apply: (match, recognition) => { if (![TIMING.afterCount, TIMING.dayAfter, TIMING.beforeCount].some((other) => other.test(match.input))) wait(recognition, 0, match[0]); } },
  { pattern: TIMING.immediate, apply: (match, recognition) => { if (!NO_LAST_DAY.test(match.input)) draftOf(recognition).timings.push({ kind: 'now', text: match[0] }); } },
  ...(Object.keys(ACTIONS) as Array<keyof typeof ACTIONS>).map((name): Rule => ({ pattern: ACTIONS[name], apply: (_match, recognition) => void draftOf(recognition).said.add(name) })),
  { pattern: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/, apply(match, recognition) {
    // "…in the secret ENTRA_OFFBOARDING_TOKEN (bearer), not GRAPH_TOKEN": the one ruled out is not a second secret.
    if (new RegExp(String.raw`\bnot\s+${match[0]}\b`).test(match.input)) return;
    const named = recognition.stated.has('tokenSecret') ? String(recognition.params.tokenSecret) : undefined;
    if (named !== undefined && named !== match[0]) recognition.problems.push(`the requirement names two secrets (${named} and ${match[0]}); the template reads one, the Graph token`);
    state(recognition, 'tokenSecret', match[0]);
  } },
  { pattern: /\b(?:google(?:\s+workspace)?|gsuite|okta|slack|salesforce|github|jira|zoom|on-?prem(?:ises)?|workday|bamboo\s*hr)\b/i, apply: problem((match) => `"${match.input}": the leaver-revoke template acts only on the Entra account through Microsoft Graph (${match[0]})`) },
  {
    pattern: /\b(?:delete\s+(?:the\s+|their\s+)?(?:account|user|mailbox|data|files)|remov\w*\s+(?:them\s+from\s+|(?:their|the|all)\s+)*(?:licen|groups?|memberships?|devices?|mfa|authentication|apps?)\w*|licen[cs]\w*|mailbox\w*|forward\w*|out[- ]of[- ]office|auto-?repl\w*|reset\w*\s+(?:their\s+|the\s+)?password|passwords?|wipe\s+(?:their\s+)?(?:devices?|laptop|phone)|onedrive|archiv\w*|notify|notif\w+|e-?mail\s+(?:the|their|hr|it)|tickets?|badges?|keycards?|doors?|building|desks?|parking|laptops?|phones?|splunk|siem|twice|hand\s*over|convert\w*|schedul\w*|nightly|cron|every\s+(?:day|night|hour)|at\s+\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|access\s+(?:to|in)\s+(?!(?:entra|azure|microsoft|m365|office|graph)\b)\w+)\b/i,
    apply: problem((match) => {
      const time = /^at\s+(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(match[0]);
      if (time && (Number(time[1]) > (time[3] ? 12 : 23) || Number(time[2] ?? 0) > 59)) return `"${match[0].trim()}" is not a time of day`;
      return `"${match.input}" asks for something the leaver-revoke template does not do (${match[0]})`;
    }),
  },
  { pattern: TIMING.notBefore, apply: (match, recognition) => wait(recognition, 0, match[0]) },
  { pattern: EARLY_EVENT },
  outputShapeRule('leaver-revoke', ['disabled', 'sessionsRevoked', 'lastDay', 'userPrincipalName', 'deferred', 'revokeOn', 'notFound']),
  { pattern: /(?<!azure\s)\bAD\b|(?<!azure\s)\bactive\s+directory\b/, apply: (_match, recognition) => void recognition.assumptions.push('"AD" is read as Entra ID (Azure AD); an account mastered on-premises cannot be disabled through Graph, and the function reports Graph\'s error for it') },
];

