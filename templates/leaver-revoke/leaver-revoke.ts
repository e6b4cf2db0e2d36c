import { defineFunction, type FetchResponse } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /**
   * false: revoke as soon as user.left arrives. true: when the event happened before lastDay (UTC dates),
   * change nothing and return deferred: true; a later run on or after lastDay revokes.
   */
  deferUntilLastDay: boolean;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "revoke-leaver-access",
  "deferUntilLastDay": false
};
/* joinery:params:end */

const GRAPH_USERS = 'https://graph.microsoft.com/v1.0/users/';

/** '@' may stay in a path segment; '#' (guest UPNs: ...#EXT#@...) and the rest must be escaped. */
function userSegment(userPrincipalName: string): string {
  return encodeURIComponent(userPrincipalName).replace(/%40/g, '@');
}

/** "HTTP 403 Authorization_RequestDenied: ..." from a Graph error body, the token cut out just in case. */
async function describeFailure(response: FetchResponse, token: string): Promise<string> {
  const text = await response.text();
  let detail = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.code) detail = `${body.error.code}: ${body.error.message ?? ''}`;
  } catch {
    // Not JSON (a gateway page): the start of the text is the detail.
  }
  const message = `HTTP ${response.status}${detail.trim() ? ` ${detail.trim()}` : ''}`;
  return token === '' ? message : message.split(token).join('[redacted]');
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Disables a leaver's Entra account and revokes their sign-in sessions through Microsoft Graph${PARAMS.deferUntilLastDay ? ', not before their last day' : ''}.`,
  trigger: 'user.left',
  egress: ['graph.microsoft.com'],
  secrets: ['GRAPH_TOKEN'],
  async run(event, ctx) {
    const lastDay = event.lastDay ?? null;
    const userPrincipalName = event.account?.userPrincipalName?.trim() ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(userPrincipalName)) {
      throw new Error(`cannot revoke access for ${event.person.employeeId}: event.account.userPrincipalName is missing or not a UPN`);
    }
    if (PARAMS.deferUntilLastDay && lastDay !== null && event.occurredAt.slice(0, 10) < lastDay) {
      ctx.log.warn('before the last day: access left as it is; run again on or after lastDay', { userPrincipalName, lastDay });
      return { disabled: false, sessionsRevoked: false, lastDay, deferred: true };
    }
    const token = await ctx.secrets.get('GRAPH_TOKEN');
    const user = `${GRAPH_USERS}${userSegment(userPrincipalName)}`;
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

    // 1. Disable first: revoking first would leave a window in which the user signs in again.
    const disabled = await ctx.http.fetch(user, { method: 'PATCH', headers, body: { accountEnabled: false } });
    if (disabled.status === 404) throw new Error(`no Entra user ${userPrincipalName} (Microsoft Graph answered HTTP 404): nothing was disabled`);
    if (!disabled.ok) throw new Error(`Microsoft Graph did not disable ${userPrincipalName}: ${await describeFailure(disabled, token)}`);
    ctx.log.info('account disabled', { userPrincipalName });

    // 2. Revoke refresh tokens and session cookies, so sign-ins already made end too.
    const revoked = await ctx.http.fetch(`${user}/revokeSignInSessions`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    if (!revoked.ok) {
      throw new Error(`${userPrincipalName} is disabled, but Microsoft Graph did not revoke the sign-in sessions: ${await describeFailure(revoked, token)}; re-running is safe`);
    }
    ctx.log.info('sign-in sessions revoked', { userPrincipalName, lastDay });
    return { disabled: true, sessionsRevoked: true, lastDay, userPrincipalName };
  },
});
