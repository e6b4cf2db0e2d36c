// Sign-in with a Joinery bearer token (`joinery token create <name> --role reviewer`). The form carries
// a one-time CSRF token bound to a cookie, so another site cannot sign a browser in as someone else.

import { html, type SafeHtml } from '../html/safe-html.ts';

export function signInBody({ csrf, next }: { csrf: string; next: string }): SafeHtml {
  return html`<section class="card signin"><h1>Sign in to Joinery</h1>
<p class="small muted">Paste your Joinery token. An administrator creates one with <code>joinery token create &lt;your name&gt; --role reviewer</code>.</p>
<form method="post" action="/sign-in"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="next" value="${next}">
<p><label for="token">Token</label><br><input id="token" type="password" name="token" autocomplete="off" size="48" required></p>
<p><button type="submit">Sign in</button></p></form></section>`;
}
