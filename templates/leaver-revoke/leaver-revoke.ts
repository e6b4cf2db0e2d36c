import { defineFunction, type FetchResponse } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /**
   * false: revoke as soon as user.left arrives. true: when the event happened before lastDay (UTC dates),
   * change nothing and return deferred: true; a later run on or after lastDay revokes.
   */
  deferUntilLastDay: boolean;
  /** With deferUntilLastDay: revoke this many days after lastDay (0: on the last day; 1: the day after it). */
  daysAfterLastDay: number;
  /** false: only disable the account; the sign-in sessions are left to expire. */
  revokeSessions: boolean;
  /** A 404 on disable: "error" throws, "skip" returns notFound: true with a warning (the account is already gone). */
  missingUser: 'error' | 'skip';
  /** Name of the secret holding the Microsoft Graph token; the host sends it to graph.microsoft.com only. */
  tokenSecret: string;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "revoke-leaver-access",
  "deferUntilLastDay": false,
  "daysAfterLastDay": 0,
  "revokeSessions": true,
  "missingUser": "error",
  "tokenSecret": "GRAPH_TOKEN"
};
/* joinery:params:end */

const DAY_MS = 24 * 60 * 60 * 1000;

const GRAPH_USERS = 'https://graph.microsoft.com/v1.0/users/';

/** '@' may stay in a path segment; '#' (guest UPNs: ...#EXT#@...) and the rest must be escaped. */
function userSegment(userPrincipalName: string): string {
  return encodeURIComponent(userPrincipalName).replace(/%40/g, '@');
}

/** The first day (YYYY-MM-DD, UTC) on which access may go: lastDay plus daysAfterLastDay. */
function revokeOn(lastDay: string): string {
  const start = Date.parse(`${lastDay}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a date that does not survive the round trip is not a date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(lastDay) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== lastDay) {
    throw new Error(`lastDay "${lastDay}" is not a YYYY-MM-DD date; cannot tell when access may go`);
  }
  return new Date(start + PARAMS.daysAfterLastDay * DAY_MS).toISOString().slice(0, 10);
}

/** "HTTP 403 Authorization_RequestDenied: ..." from a Graph error body (the host has already cut out any
 *  credential an upstream echoes; the function never holds the token). */
async function describeFailure(response: FetchResponse): Promise<string> {
  const text = await response.text();
  let detail = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.code) detail = `${body.error.code}: ${body.error.message ?? ''}`;
  } catch {
    // Not JSON (a gateway page): the start of the text is the detail.
  }
  return `HTTP ${response.status}${detail.trim() ? ` ${detail.trim()}` : ''}`;
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Disables a leaver's Entra account${PARAMS.revokeSessions ? ' and revokes their sign-in sessions' : ''} through Microsoft Graph${PARAMS.deferUntilLastDay ? (PARAMS.daysAfterLastDay > 0 ? `, ${PARAMS.daysAfterLastDay} day(s) after their last day` : ', not before their last day') : ''}.`,
  trigger: 'user.left',
  egress: ['graph.microsoft.com'],
  secrets: [{ name: PARAMS.tokenSecret, hosts: ['graph.microsoft.com'] }],
  async run(event, ctx) {
    const lastDay = event.lastDay ?? null;
    const userPrincipalName = event.account?.userPrincipalName?.trim() ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(userPrincipalName)) {
      throw new Error(`cannot revoke access for ${event.person.employeeId}: event.account.userPrincipalName is missing or not a UPN`);
    }
    if (PARAMS.deferUntilLastDay && lastDay !== null) {
      const firstDay = revokeOn(lastDay);
      if (event.occurredAt.slice(0, 10) < firstDay) {
        ctx.log.warn('too early: access left as it is; run again on or after revokeOn', { userPrincipalName, lastDay, revokeOn: firstDay });
        return { disabled: false, sessionsRevoked: false, lastDay, deferred: true, revokeOn: firstDay };
      }
    }
    // The host adds "Authorization: Bearer <token>" at egress; the function never sees the token.
    const auth = { bearer: PARAMS.tokenSecret };
    const user = `${GRAPH_USERS}${userSegment(userPrincipalName)}`;

    // 1. Disable first: revoking first would leave a window in which the user signs in again.
    const disabled = await ctx.http.fetch(user, { method: 'PATCH', auth, headers: { 'Content-Type': 'application/json' }, body: { accountEnabled: false } });
    if (disabled.status === 404 && PARAMS.missingUser === 'skip') {
      ctx.log.warn('no such Entra user: nothing to disable', { userPrincipalName });
      return { disabled: false, sessionsRevoked: false, lastDay, userPrincipalName, notFound: true };
    }
    if (disabled.status === 404) throw new Error(`no Entra user ${userPrincipalName} (Microsoft Graph answered HTTP 404): nothing was disabled`);
    if (!disabled.ok) throw new Error(`Microsoft Graph did not disable ${userPrincipalName}: ${await describeFailure(disabled)}`);
    ctx.log.info('account disabled', { userPrincipalName });

    if (!PARAMS.revokeSessions) return { disabled: true, sessionsRevoked: false, lastDay, userPrincipalName };

    // 2. Revoke refresh tokens and session cookies, so sign-ins already made end too.
    const revoked = await ctx.http.fetch(`${user}/revokeSignInSessions`, { method: 'POST', auth });
    if (!revoked.ok) {
      throw new Error(`${userPrincipalName} is disabled, but Microsoft Graph did not revoke the sign-in sessions: ${await describeFailure(revoked)}; re-running is safe`);
    }
    ctx.log.info('sign-in sessions revoked', { userPrincipalName, lastDay });
    return { disabled: true, sessionsRevoked: true, lastDay, userPrincipalName };
  },
});
