// Every request to /mcp needs a bearer token. Without a usable one the answer is 401 with the
// challenge the MCP authorization spec asks for: `WWW-Authenticate: Bearer error=…, resource_metadata=…`
// pointing at the protected-resource metadata (when sign-in with an identity provider is configured),
// from which a client finds where to sign in. A genuine token without a Joinery role is 403
// insufficient_scope. The identity provider being unreachable is 503, logged with a reference.

import { randomUUID } from 'node:crypto';
import { metadataUrl, resourceUrl, type OidcSettings } from '../auth/index.ts';
import type { Handler, HttpRequest, HttpResponse } from './http-types.ts';
import type { AccessTokenVerifier } from './token-verifier.ts';

export function bearerAuth({ verify, oidc, log }: { verify: AccessTokenVerifier; oidc?: OidcSettings; log: (line: string) => void }): Handler {
  return async (request, response, next) => {
    const refuse = (status: 401 | 403, error: 'invalid_token' | 'insufficient_scope', description: string) => {
      response.set('WWW-Authenticate', challenge(request, oidc, error, description));
      response.status(status).json({ error, error_description: description });
    };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return refuse(401, 'invalid_token', request.headers.authorization ? "expected 'Authorization: Bearer <token>'" : 'Missing Authorization header');
    let check;
    try {
      check = await verify(match[1]);
    } catch (error) {
      return unavailable(response, log, error);
    }
    if (check.kind === 'invalid') return refuse(401, 'invalid_token', check.reason);
    if (check.kind === 'no-role') return refuse(403, 'insufficient_scope', check.reason);
    if (typeof check.auth.expiresAt === 'number' && check.auth.expiresAt < Date.now() / 1000 - (oidc?.clockSkewSeconds ?? 0)) return refuse(401, 'invalid_token', 'the token has expired');
    request.auth = check.auth;
    next();
  };
}

function challenge(request: HttpRequest, oidc: OidcSettings | undefined, error: string, description: string): string {
  const parts = [`error="${error}"`, `error_description="${description.replace(/["\\]/g, '')}"`];
  if (oidc) {
    parts.push(`resource_metadata="${metadataUrl(resourceUrl(oidc, request.headers.host))}"`);
    if (oidc.scopes) parts.push(`scope="${oidc.scopes.join(' ')}"`);
  }
  return `Bearer ${parts.join(', ')}`;
}

function unavailable(response: HttpResponse, log: (line: string) => void, error: unknown): void {
  const reference = randomUUID().slice(0, 8);
  log(`joinery mcp: token check failed (reference ${reference}): ${error instanceof Error ? error.message : String(error)}`);
  response.status(503).json({ error: 'temporarily_unavailable', error_description: `the sign-in could not be checked (reference ${reference}); retry later` });
}
