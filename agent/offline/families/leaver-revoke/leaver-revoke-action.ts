// Leaver revocation as an HTTP action rule: disable the Entra account (Graph's PATCH of accountEnabled
// false), then revoke its sign-in sessions (revokeSignInSessions), both with the Graph token as a bearer;
// disabling first leaves no window to sign in again. A 404 on the disable is the user already gone:
// an error, or a warning and `notFound: true`. With a wait, an event before lastDay plus N days changes
// nothing and says until when. The function, the reference and the fixtures are http-action's;
// templates/leaver-revoke is the same rule written by hand.

import type { HttpActionRule, HttpStep, StatusAnswer } from '../../kinds/http-action/http-action-rule.ts';

/** What the leaver-revoke phrases read (the leaver-revoke template's parameters). */
export interface LeaverRevokeParams {
  functionName: string;
  deferUntilLastDay: boolean;
  daysAfterLastDay: number;
  revokeSessions: boolean;
  missingUser: 'error' | 'skip';
  tokenSecret: string;
}

/** The params while reading: the rule's defaults (http-action's form) with the template's parameters written next to them. */
export type LeaverRevokeReading = HttpActionRule & Partial<LeaverRevokeParams>;

/** The reading before the text says anything: the template's parameters (a test keeps them equal). */
export const LEAVER_REVOKE_READING_DEFAULTS: LeaverRevokeParams = {
  functionName: 'revoke-leaver-access',
  deferUntilLastDay: false,
  daysAfterLastDay: 0,
  revokeSessions: true,
  missingUser: 'error',
  tokenSecret: 'GRAPH_TOKEN',
};

const USER = 'https://graph.microsoft.com/v1.0/users/<upn>';

function missingUser(params: LeaverRevokeParams): StatusAnswer {
  if (params.missingUser === 'error') return { status: 404, error: 'no Entra user <upn> (Microsoft Graph answered HTTP 404): nothing was disabled' };
  const output = { disabled: false, sessionsRevoked: false, lastDay: '<lastDay>', userPrincipalName: '<upn>', notFound: true };
  return { status: 404, warning: 'no such Entra user: nothing to disable', output };
}

function steps(params: LeaverRevokeParams): HttpStep[] {
  const auth = { scheme: 'bearer', secret: params.tokenSecret } as const;
  const disable: HttpStep = {
    when: [],
    method: 'PATCH',
    url: USER,
    auth,
    body: { accountEnabled: false },
    successStatus: 204,
    requires: [],
    sensitive: [],
    failureMessage: 'Microsoft Graph did not disable <upn>',
    onStatus: [missingUser(params)],
  };
  // Refresh tokens and session cookies revoked, so sign-ins already made end too.
  const revoke: HttpStep = {
    when: [],
    method: 'POST',
    url: `${USER}/revokeSignInSessions`,
    auth,
    body: null,
    successStatus: 200,
    requires: [],
    sensitive: [],
    failureMessage: '<upn> is disabled, but Microsoft Graph did not revoke the sign-in sessions',
  };
  return params.revokeSessions ? [disable, revoke] : [disable];
}

export function leaverRevokeAction(params: LeaverRevokeParams): HttpActionRule {
  const deferred = { disabled: false, sessionsRevoked: false, lastDay: '<lastDay>', deferred: true, revokeOn: '<waitUntil>' };
  return {
    functionName: params.functionName,
    trigger: 'user.left',
    when: [],
    skipOutput: { skipped: true },
    ...(params.deferUntilLastDay ? { wait: { date: 'lastDay', days: params.daysAfterLastDay, output: deferred } } : {}),
    steps: steps(params),
    tables: [],
    output: { disabled: true, sessionsRevoked: params.revokeSessions, lastDay: '<lastDay>', userPrincipalName: '<upn>' },
    // The UPN is never guessed from the email: without one, or with one that is not an address, nothing is called.
    checks: [{ value: '<upn>', shape: 'email' }],
  };
}

/** The rule before the text says anything. */
export const LEAVER_REVOKE_DEFAULTS: LeaverRevokeReading = leaverRevokeAction(LEAVER_REVOKE_READING_DEFAULTS);
