// Redirects are followed by hand so every hop passes the same policy as the first request.

import type { IncomingResponse } from '../../core/execution/types.ts';
import { checkUrlAgainstPolicy } from './check-egress-url.ts';
import type { EgressPolicy } from './egress-policy.ts';
import { EgressFailure } from './network-error.ts';
import type { PreparedRequest } from './outgoing-request.ts';
import { quote } from '../../core/hosts/index.ts';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// A redirect to another origin carries only these: credentials (authorization, cookies, API-key headers of
// any name) never follow a request to a host the function did not address itself.
const CROSS_ORIGIN_HEADERS = new Set(['accept', 'accept-encoding', 'accept-language', 'content-type', 'user-agent']);

/**
 * The request to send next when the response is a redirect with a Location, undefined otherwise. Method
 * changes follow the Fetch standard: 303 (except HEAD), and 301/302 after POST, become a GET without body.
 * Throws EGRESS_DENIED when policy refuses the new URL.
 */
export function nextRedirect(
  current: PreparedRequest,
  response: IncomingResponse,
  policy: EgressPolicy,
): PreparedRequest | undefined {
  const location = response.headers['location'];
  if (!REDIRECT_STATUSES.has(response.status) || location === undefined || location === '') return undefined;
  let resolved: URL;
  try {
    resolved = new URL(location, current.url);
  } catch {
    throw new EgressFailure(`${quote(current.url.hostname)} redirected to an invalid URL`);
  }
  const url = checkUrlAgainstPolicy(resolved, policy, 'redirect');
  const becomesGet =
    (response.status === 303 && current.method !== 'HEAD') ||
    ((response.status === 301 || response.status === 302) && current.method === 'POST');
  const sameOrigin = url.origin === current.url.origin;
  // A 307/308 resends the body, which may hold a secret bound to the first host: never to another origin.
  if (!sameOrigin && !becomesGet && current.body !== undefined && current.body.length > 0) {
    throw new EgressFailure(`${quote(current.url.hostname)} redirected a request with a body to another origin (${quote(url.hostname)}); not followed`);
  }
  const headers = Object.fromEntries(
    Object.entries(current.headers).filter(
      ([name]) => (sameOrigin || CROSS_ORIGIN_HEADERS.has(name)) && !(becomesGet && name.startsWith('content-')),
    ),
  );
  return { method: becomesGet ? 'GET' : current.method, url, headers, body: becomesGet ? undefined : current.body };
}
