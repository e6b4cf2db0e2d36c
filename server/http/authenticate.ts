// Bearer tokens from the token store (core/tokens), checked against the roles a route admits. Failures
// are values the route answers with (401 without a valid token, 403 with the wrong role), each audited.

import type { IncomingMessage } from 'node:http';
import type { Registry } from '../../core/registry/index.ts';
import type { TokenRecord, TokenRole, TokenStore } from '../../core/tokens/index.ts';

export type Authentication = { ok: true; principal: TokenRecord } | { ok: false; status: 401 | 403; code: string; message: string };

export function authenticate(
  request: IncomingMessage,
  { tokens, registry, roles, action }: { tokens: TokenStore; registry: Registry; roles: readonly TokenRole[]; action: string },
): Authentication {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const principal = match?.[1] === undefined ? undefined : tokens.verify(match[1]);
  if (!principal) {
    registry.recordAudit({ actor: 'anonymous', action, allowed: false, detail: { reason: 'token', remoteAddress: request.socket.remoteAddress ?? null } });
    return { ok: false, status: 401, code: 'UNAUTHORIZED', message: 'a valid bearer token is required: Authorization: Bearer <token>' };
  }
  if (!roles.includes(principal.role)) {
    registry.recordAudit({ actor: principal.name, action, allowed: false, detail: { reason: 'role', role: principal.role } });
    return { ok: false, status: 403, code: 'FORBIDDEN', message: `${principal.name} (role ${principal.role}) may not ${action}; allowed roles: ${roles.join(', ')}` };
  }
  return { ok: true, principal };
}
