// One console request: the parsed URL, the signed-in session (re-checked against the token store), and
// the guards every route uses: a role check and, for every POST, the CSRF token. Each refusal is written
// to the audit trail and answered with a page, never a stack trace.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenRole } from '../../../core/tokens/index.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { html } from '../html/safe-html.ts';
import { layout } from '../pages/layout.ts';
import { readCookie } from '../session/cookies.ts';
import { sameToken, type Session, type SessionStore } from '../session/session-store.ts';
import { redirect, sendPage } from './page-response.ts';

export const SESSION_COOKIE = 'joinery_session';

export interface ConsoleContext {
  request: IncomingMessage;
  response: ServerResponse;
  method: string;
  path: string;
  query: URLSearchParams;
  deps: ConsoleDeps;
  sessions: SessionStore;
  now: number;
}

/** The live session, its Joinery token (if it signed in with one) still valid and its role unchanged;
 *  otherwise the session ends. */
export function currentSession(context: ConsoleContext): Session | undefined {
  const session = context.sessions.get(readCookie(context.request, SESSION_COOKIE));
  if (session === undefined || session.token === undefined) return session;
  const record = context.deps.tokens.verify(session.token);
  if (record === undefined || record.role !== session.principal.role || record.name !== session.principal.name) {
    context.sessions.destroy(session.id);
    return undefined;
  }
  return session;
}

/** The session when its role is one of `roles`; otherwise the request is answered (sign-in or 403). */
export function requireRole(context: ConsoleContext, roles: readonly TokenRole[], action: string): Session | undefined {
  const session = currentSession(context);
  if (session === undefined) {
    if (context.method === 'GET')
      redirect(context.response, `/sign-in?next=${encodeURIComponent(context.path + (context.query.size > 0 ? `?${context.query}` : ''))}`);
    else
      refuse(context, undefined, 401, `console.${action}`, 'sign in first', {
        reason: 'session',
      });
    return undefined;
  }
  if (!(roles as readonly string[]).includes(session.principal.role)) {
    refuse(context, session, 403, `console.${action}`, `your role (${session.principal.role}) may not do this; allowed: ${roles.join(', ')}`, {
      reason: 'role',
      role: session.principal.role,
    });
    return undefined;
  }
  return session;
}

/** True when the form's CSRF field matches the session's; otherwise answered 403 and audited. */
export function checkCsrf(context: ConsoleContext, session: Session, fields: URLSearchParams, action: string): boolean {
  if (sameToken(fields.get('csrf') ?? undefined, session.csrf)) return true;
  refuse(
    context,
    session,
    403,
    `console.${action}`,
    'the form is out of date or did not come from this console (CSRF check failed); reload the page and try again',
    { reason: 'csrf' },
  );
  return false;
}

export function refuse(
  context: ConsoleContext,
  session: Session | undefined,
  status: number,
  action: string,
  message: string,
  detail: Record<string, unknown>,
  target: string | null = null,
): void {
  context.deps.registry.recordAudit({
    actor: session?.principal.name ?? 'anonymous',
    action,
    target,
    allowed: false,
    detail: { ...detail, via: 'console' },
  });
  sendPage(
    context.response,
    status,
    layout({
      title: 'Refused',
      session,
      body: html`<h1>Refused</h1>`,
      notice: { kind: 'error', text: message },
    }),
  );
}

export function notFound(context: ConsoleContext, session: Session | undefined, message: string): void {
  sendPage(
    context.response,
    404,
    layout({
      title: 'Not found',
      session,
      body: html`<h1>Not found</h1>`,
      notice: { kind: 'error', text: message },
    }),
  );
}
