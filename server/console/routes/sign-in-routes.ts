// Sign-in with a bearer token, and sign-out. The sign-in form's CSRF token is bound to a short-lived
// cookie (there is no session yet); a new session gets a fresh id, so a planted cookie is never reused.

import { clearedCookieHeader, cookieHeader, readCookie } from '../session/cookies.ts';
import { randomToken, sameToken } from '../session/session-store.ts';
import { checkCsrf, currentSession, refuse, SESSION_COOKIE, type ConsoleContext } from '../http/console-context.ts';
import { readForm } from '../http/form-body.ts';
import { redirect, sendPage } from '../http/page-response.ts';
import { layout, type Notice } from '../pages/layout.ts';
import { signInBody } from '../pages/sign-in-page.ts';

const SIGN_IN_COOKIE = 'joinery_sign_in';

export function showSignIn(context: ConsoleContext, { status = 200, notice }: { status?: number; notice?: Notice } = {}): void {
  if (status === 200 && currentSession(context)) {
    redirect(context.response, '/');
    return;
  }
  const csrf = randomToken();
  const secure = context.deps.secureCookies ?? false;
  const next = safeNext(context.query.get('next'));
  sendPage(
    context.response,
    status,
    layout({
      title: 'Sign in',
      session: undefined,
      body: signInBody({ csrf, next, issuer: context.deps.oidc?.issuer }),
      notice,
    }),
    [cookieHeader(SIGN_IN_COOKIE, csrf, { secure, maxAgeSeconds: 600 })],
  );
}

export async function signIn(context: ConsoleContext): Promise<void> {
  const form = await readForm(context.request);
  if (!form.ok) return refuse(context, undefined, form.status, 'console.sign-in', form.message, { reason: 'form' });
  if (!sameToken(form.fields.get('csrf') ?? undefined, readCookie(context.request, SIGN_IN_COOKIE))) {
    return refuse(context, undefined, 403, 'console.sign-in', 'the sign-in form is out of date (CSRF check failed); reload it and try again', {
      reason: 'csrf',
    });
  }
  const token = (form.fields.get('token') ?? '').trim();
  const record = token === '' ? undefined : context.deps.tokens.verify(token);
  if (record === undefined || record.role === 'source') {
    context.deps.registry.recordAudit({
      actor: record?.name ?? 'anonymous',
      action: 'console.sign-in',
      allowed: false,
      detail: {
        reason: record ? 'role' : 'token',
        via: 'console',
        remoteAddress: context.request.socket.remoteAddress ?? null,
      },
    });
    context.query.set('next', form.fields.get('next') ?? '/');
    return showSignIn(context, {
      status: 401,
      notice: {
        kind: 'error',
        text: record ? 'A source token cannot sign in to the console.' : 'That token is not valid (unknown, expired or revoked).',
      },
    });
  }
  const session = context.sessions.create({
    principal: { name: record.name, role: record.role, source: 'mcp-token' },
    token,
  });
  context.deps.registry.recordAudit({
    actor: record.name,
    action: 'console.sign-in',
    allowed: true,
    detail: { role: record.role, tokenId: record.id, via: 'console' },
  });
  const secure = context.deps.secureCookies ?? false;
  redirect(context.response, safeNext(form.fields.get('next')), [
    cookieHeader(SESSION_COOKIE, session.id, { secure }),
    clearedCookieHeader(SIGN_IN_COOKIE, { secure }),
  ]);
}

export async function signOut(context: ConsoleContext): Promise<void> {
  const session = currentSession(context);
  const secure = context.deps.secureCookies ?? false;
  if (session !== undefined) {
    const form = await readForm(context.request);
    if (!form.ok || !checkCsrf(context, session, form.fields, 'sign-out')) return;
    context.sessions.destroy(session.id);
  }
  redirect(context.response, '/sign-in', [clearedCookieHeader(SESSION_COOKIE, { secure })]);
}

/** Only a path on this site: "/x", never "//host" or "https://host". */
export function safeNext(next: string | null | undefined): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}
