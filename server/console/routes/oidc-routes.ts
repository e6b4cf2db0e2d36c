// Sign-in with the identity provider: GET /sign-in/oidc sends the browser to the issuer's authorization
// endpoint (state, nonce, S256 challenge; the verifier stays here), GET /sign-in/oidc/callback takes the
// code back, checks the state against the pending sign-in and this browser's cookie, and starts a session
// for the principal the ID token names. Every failure is a plain page and an audit entry, never a stack.

import { isJoineryError } from '../../../core/errors.ts';
import type { TokenRole } from '../../../core/tokens/index.ts';
import { refuse, SESSION_COOKIE, type ConsoleContext } from '../http/console-context.ts';
import { redirect, sendPage } from '../http/page-response.ts';
import { continuePage } from '../pages/sign-in-page.ts';
import { clearedCookieHeader, cookieHeader, readCookie } from '../session/cookies.ts';
import type { PendingSignIns } from '../session/pending-sign-ins.ts';
import { sameToken } from '../session/session-store.ts';
import { safeNext } from './sign-in-routes.ts';

const STATE_COOKIE = 'joinery_oidc_state';
const CONSOLE_ROLES: readonly string[] = ['author', 'reviewer', 'operator', 'auditor'] satisfies readonly TokenRole[];

export async function startOidcSignIn(context: ConsoleContext, pending: PendingSignIns): Promise<void> {
  const { oidc } = context.deps;
  if (oidc === undefined) return refused(context, 404, 'Sign-in with an identity provider is not configured here.', { reason: 'not-configured' });
  const entry = pending.start(safeNext(context.query.get('next')));
  let location: string;
  try {
    location = await oidc.authorizationUrl(entry);
  } catch (error) {
    return unreachable(context, error);
  }
  const secure = context.deps.secureCookies ?? false;
  redirect(context.response, location, [cookieHeader(STATE_COOKIE, entry.state, { secure, maxAgeSeconds: 600, sameSite: 'Lax' })]);
}

export async function finishOidcSignIn(context: ConsoleContext, pending: PendingSignIns): Promise<void> {
  const { oidc } = context.deps;
  if (oidc === undefined) return refused(context, 404, 'Sign-in with an identity provider is not configured here.', { reason: 'not-configured' });
  const state = context.query.get('state');
  const entry = sameToken(state ?? undefined, readCookie(context.request, STATE_COOKIE)) ? pending.take(state) : undefined;
  if (entry === undefined)
    return refused(context, 400, 'This sign-in is unknown, expired or was already used (state mismatch). Start again from the sign-in page.', {
      reason: 'state',
    });
  const error = context.query.get('error');
  if (error !== null) {
    const denied = error === 'access_denied';
    const text = denied ? 'The identity provider did not allow the sign-in (consent was denied).' : 'The identity provider could not sign you in.';
    return refused(context, 401, text, { reason: denied ? 'denied' : 'provider-error', error: error.slice(0, 100) });
  }
  const code = context.query.get('code');
  if (code === null || code === '') return refused(context, 400, 'The identity provider sent no sign-in code.', { reason: 'code' });
  let result: Awaited<ReturnType<typeof oidc.complete>>;
  try {
    result = await oidc.complete({ code, codeVerifier: entry.codeVerifier, nonce: entry.nonce });
  } catch (failure) {
    return unreachable(context, failure);
  }
  if (result.kind !== 'principal') {
    const reason = result.kind === 'refused' ? 'role' : 'token';
    return refused(context, 401, `The sign-in was refused: ${result.reason}.`, { reason, detail: result.reason });
  }
  if (!CONSOLE_ROLES.includes(result.role))
    return refused(context, 403, `The role ${result.role} cannot sign in to the console.`, { reason: 'role' }, result.name);
  const session = context.sessions.create({ principal: { name: result.name, role: result.role, source: 'mcp-token' }, token: undefined });
  context.deps.registry.recordAudit({
    actor: result.name,
    action: 'console.sign-in',
    allowed: true,
    detail: { role: result.role, issuer: oidc.issuer, via: 'console' },
  });
  const secure = context.deps.secureCookies ?? false;
  // A page, not a redirect: after the issuer's cross-site redirect a browser would not send the new
  // SameSite=Strict session cookie with a redirected request; a navigation from this page is same-site.
  sendPage(context.response, 200, continuePage(entry.next, result.name), [
    cookieHeader(SESSION_COOKIE, session.id, { secure }),
    clearedCookieHeader(STATE_COOKIE, { secure, sameSite: 'Lax' }),
  ]);
}

function refused(context: ConsoleContext, status: number, message: string, detail: Record<string, unknown>, principal?: string): void {
  refuse(context, undefined, status, 'console.sign-in', message, { ...detail, method: 'oidc', ...(principal ? { principal } : {}) });
}

function unreachable(context: ConsoleContext, error: unknown): void {
  if (!isJoineryError(error)) context.deps.logger.error({ err: error }, 'console: OIDC sign-in failed');
  refused(context, 502, 'The identity provider could not be reached; try again later.', { reason: 'issuer' });
}
