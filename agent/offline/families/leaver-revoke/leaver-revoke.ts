// Leaver revocation in Entra through Microsoft Graph: disable the account and revoke its sign-in
// sessions, at once or not before (a number of days after) the last day; a missing user skipped or an
// error; the secret holding the Graph token. The phrases read the template's parameters; the rule is
// http-action's (leaver-revoke-action.ts), made from them when the function and fixtures are written.

import { readingFields, type FamilyRecognizer, type Recognition } from '../../recognizer.ts';
import { httpActionFixtures } from '../../kinds/http-action/http-action-fixtures.ts';
import { httpActionSource } from '../../kinds/http-action/http-action-source.ts';
import { LEAVER_REVOKE_DEFAULTS, LEAVER_REVOKE_READING_DEFAULTS, leaverRevokeAction, type LeaverRevokeReading } from './leaver-revoke-action.ts';
import { draftOf, LEAVER_RULES } from './leaver-revoke-rules.ts';
import { strictReadingRule } from '../../grammar/strict-reading-rule.ts';

/** The params start as the rule's defaults; the phrases write the template's parameters next to them. */
const params = (recognition: Recognition<LeaverRevokeReading>) => readingFields(recognition.params, LEAVER_REVOKE_READING_DEFAULTS);

/** "John Smith → john.smith@acme.com": the UPN acted on, as written. */
const examplesOf = (recognition: Recognition<LeaverRevokeReading>) => recognition.examples.map((example) => {
  const [firstName = '', ...rest] = example.input.trim().split(/\s+/);
  const account = example.output.includes('@') ? { userPrincipalName: example.output } : {};
  return { input: `${JSON.stringify({ firstName, lastName: rest.join(' '), account })}|userPrincipalName`, output: example.output };
});

function finish(recognition: Recognition<LeaverRevokeReading>): void {
  const p = params(recognition);
  const { timings, said } = draftOf(recognition);
  const kinds = new Set(timings.map((timing) => timing.kind));
  if (kinds.size > 1) recognition.problems.push(`the requirement says both ${timings.map((timing) => `"${timing.text}"`).join(' and ')}: one function revokes at one time`);
  if (kinds.size === 0) recognition.assumptions.push('the requirement does not say when: access goes as soon as user.left arrives');
  if (!kinds.has('wait') && p.deferUntilLastDay) Object.assign(recognition.params, { deferUntilLastDay: false, daysAfterLastDay: 0 });
  if (said.has('keepAccount')) recognition.problems.push('the template always disables the account; it cannot only revoke sessions');
  if (!said.has('disable') && !said.has('revoke')) recognition.assumptions.push("ending a leaver's access is read as disabling the Entra account and revoking its sign-in sessions");
  if (said.has('keepSessions')) recognition.params.revokeSessions = false;
  else if (!said.has('revoke') && said.has('disable')) recognition.assumptions.push('sign-in sessions are revoked too, so sign-ins already made end (say "don\'t revoke sessions" to leave them)');
  if (params(recognition).deferUntilLastDay) recognition.assumptions.push('something must run the function again on or after the day access may go (e.g. a schedule), or the account stays enabled');
}

const VOCABULARY: RegExp[] = [
  // Keeping access until a later day, and the event arriving before it: the deferral the template does.
  /\b(?:legal|hr|security)\s+wants?\s+access\s+kept\s+until\b|\bif\s+the\s+event\s+arrives\s+earlier\s+than\s+that\s+day\b/gi,
  /\bother\s+failures?\b/gi,
  /\bcompare\s+the\s+date\s+of\s+event\.occurredAt\b|\bchange\s+nothing\b|\breturn\s+\{\s*deferred:\s*true,\s*revokeOn:\s*<that date>\s*\}/gi,
  /\b(?:event(?:\.\w+)+|upns|los(?:e|es|ing)|through|kill|blocked|e-?mails?|lower-?case(?:d)?|event'?s|occurredAt|utc|path|guest|escape[sd]?|as\s+it\s+is|encod\w*|urls?|bearer|authorization|headers?|status(?:\s+code)?|thrown?|throws|errors?|run\s+log|nothing|always|body|json|requests?|calls?|http|steps?|do\s+it|change)\b|%23|#|@/i,
  /\b(?:leav(?:e|es|er|ers|ing)|left|offboard\w*|terminat\w*|depart(?:s|ed|ing|ures?)?|exits?|exiting|quits?|accounts?|access|entra(?:\s+id)?|azure(?:\s+ad)?|aad|microsoft(?:\s+(?:graph|365|entra))?|graph|m365|office\s*365|sess?ions?|sign-?ins?|tokens?|secrets?|stored|upn|userPrincipalName|users?|last|day|date|cut|lock|both|in\s+(?:that\s+|this\s+)?order|already\s+disabled|idempotent|re-?run|everywhere|logins?|some?one|somebody|anyone|there|thier)\b/i,
];

export const leaverRevokeRecognizer: FamilyRecognizer<LeaverRevokeReading> = {
  family: 'leaver-revoke',
  // Graph answers 404 for a user that is gone: the template's missingUser setting handles it.
  facts: [/^404$/],
  keywords: [/\bleav(?:e|es|er|ers|ing)\b/i, /\bleft\b/i, /\boffboard\w*/i, /\bterminat\w*/i, /\bdisab(?:l|el)\w*/i, /\brev?ok\w*/i, /\bdeprovision\w*/i, /\bsess?ions?\b/i, /\brevokeSignInSessions\b/i, /\baccountEnabled\b/i, /\b(?:kill|cut|remove|end)\s+(?:all\s+)?(?:their\s+|the\s+)?access\b/i, /\blast\s+(?:working\s+)?day\b/i, /\bdeactivat\w*/i, /\b(?:entra(?:\s+id)?|azure\s+ad|aad|microsoft\s+graph)\b/i, /\bblock\s+sign-?in/i],
  vocabulary: VOCABULARY,
  rules: [...LEAVER_RULES, strictReadingRule('leaver-revoke', LEAVER_RULES, VOCABULARY)],
  finish,
  defaults: LEAVER_REVOKE_DEFAULTS,
  fixtures: (recognition) => httpActionFixtures(leaverRevokeAction(params(recognition)), examplesOf(recognition)),
  generate: (recognition) => httpActionSource(leaverRevokeAction(params(recognition))),
  spec(recognition) {
    const p = params(recognition);
    const when = p.deferUntilLastDay ? (p.daysAfterLastDay === 0 ? 'on or after the last day' : `${p.daysAfterLastDay} day(s) after the last day or later`) : 'as soon as user.left arrives';
    return {
      summary: `Disables the leaver's Entra account${p.revokeSessions ? ' and revokes their sign-in sessions' : ''} through Microsoft Graph, ${when}.`,
      trigger: 'user.left',
      inputs: ['account.userPrincipalName', 'lastDay', 'occurredAt', 'person.employeeId'],
      output: '{ disabled: true, sessionsRevoked: true|false, lastDay, userPrincipalName }, or { disabled: false, sessionsRevoked: false, deferred: true, lastDay, revokeOn }, or { disabled: false, notFound: true }',
      rules: [
        ...(p.deferUntilLastDay ? [`Before ${p.daysAfterLastDay === 0 ? 'lastDay' : `lastDay + ${p.daysAfterLastDay} day(s)`} (UTC dates) nothing changes and the result says deferred; without lastDay access goes at once.`] : ['Access goes at once, whatever lastDay says.']),
        `PATCH /v1.0/users/{upn} with accountEnabled: false, with the ${p.tokenSecret} bearer token.`,
        ...(p.revokeSessions ? ['Then POST /v1.0/users/{upn}/revokeSignInSessions; disabling first leaves no window to sign in again.'] : ['Sessions are left to expire.']),
        `No UPN on the event is an error (never guessed from the email); a 404 ${p.missingUser === 'skip' ? 'is logged and skipped' : 'is an error'}; other Graph failures are errors naming Graph's code, never the token.`,
      ],
      edgeCases: ['before, on and after the last day', 'no lastDay', 'a guest #EXT# UPN', 'no account or no UPN', '404, 403 and 429 from Graph', 'the token never logged'],
      assumptions: [],
    };
  },
};
