// Browsers send Origin on cross-site requests. A page from another site must not drive the server: a
// DNS-rebinding page (evil.example resolving to 127.0.0.1) or a page on the LAN calling an exposed one.
// Requests without Origin (the SDK client, curl, Claude Desktop) pass; with one, its host must be a
// loopback name or one of the allowed host names, else 403 before the token is looked at.

import { isLoopbackHost } from '../../core/hosts/index.ts';
import { rpcError, type Handler } from './http-types.ts';

export function originCheck(allowedHosts: readonly string[] = []): Handler {
  const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
  return (request, response, next) => {
    const origin = request.headers.origin;
    if (origin === undefined) return next();
    const hostname = hostnameOf(origin);
    if (hostname !== undefined && (isLoopbackHost(hostname) || allowed.has(hostname))) return next();
    rpcError(response, 403, -32000, `Forbidden: requests from the origin ${JSON.stringify(origin.slice(0, 200))} are not accepted`);
  };
}

function hostnameOf(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
