// The frame of every signed-in page: the navigation, who is signed in, and sign-out (a form with the
// session's CSRF token, like every other form).

import { html, type HtmlValue, type SafeHtml } from '../html/safe-html.ts';
import type { Session } from '../session/session-store.ts';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export function layout({
  title,
  session,
  body,
  notice,
}: {
  title: string;
  session: Session | undefined;
  body: HtmlValue;
  notice?: Notice | undefined;
}): SafeHtml {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Joinery</title><link rel="stylesheet" href="/console.css"><script src="/console.js" defer></script></head>
<body><header class="top"><a class="brand" href="/">Joinery</a>${session ? navigation(session) : ''}</header>
<main>${notice ? html`<div class="notice${notice.kind === 'error' ? ' error' : ''}" role="status">${notice.text}</div>` : ''}${body}</main></body></html>`;
}

function navigation(session: Session): SafeHtml {
  return html`<nav><a href="/">Inbox</a> · <a href="/flows">Flows</a> · <a href="/executions">Executions</a> · <a href="/events">Events</a>
 · <a href="/audit">Audit</a></nav>
<span class="who"><span>${session.principal.name} <span class="muted">(${session.principal.role})</span></span>
<form method="post" action="/sign-out"><input type="hidden" name="csrf" value="${session.csrf}"><button type="submit">Sign out</button></form></span>`;
}

/** The hidden field every form carries. */
export function csrfField(session: Session): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${session.csrf}">`;
}

/** "3 h ago" from an ISO time. */
export function age(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(seconds)) return iso;
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

export function versionPath(name: string, version: number): string {
  return `/functions/${encodeURIComponent(name)}/versions/${version}`;
}
