// Sign-in with a Joinery bearer token (`joinery token create <name> --role reviewer`) or, when configured,
// with the identity provider. The token form carries a one-time CSRF token bound to a cookie, so another
// site cannot sign a browser in as someone else.

import { html, type SafeHtml } from '../html/safe-html.ts';

export function signInBody({ csrf, next, issuer }: { csrf: string; next: string; issuer?: string | undefined }): SafeHtml {
  return html`<section class="card signin"><h1>Sign in to Joinery</h1>${issuer === undefined ? '' : html`
<p><a class="button oidc" href="/sign-in/oidc?next=${encodeURIComponent(next)}">Sign in with ${issuer}</a></p><p class="muted small">or with a token:</p>`}
<p class="small muted">Paste your Joinery token. An administrator creates one with <code>joinery token create &lt;your name&gt; --role reviewer</code>.</p>
<form method="post" action="/sign-in"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="next" value="${next}">
<p><label for="token">Token</label><br><input id="token" type="password" name="token" autocomplete="off" size="48" required></p>
<p><button type="submit">Sign in</button></p></form></section>`;
}

/** After the identity provider's redirect: the session cookie is set, and this page moves on same-site. */
export function continuePage(next: string, name: string): SafeHtml {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${next}"><title>Signed in · Joinery</title>
<link rel="stylesheet" href="/console.css"></head><body><main><p>Signed in as ${name}. <a id="continue" href="${next}">Continue</a></p></main></body></html>`;
}
