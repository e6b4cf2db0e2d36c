// The access tokens the HTTP entry point accepts, as the AuthInfo every handler reads (extra.authInfo):
// Joinery's own bearer tokens (`jny_…`, from the TokenStore), and, when config.json has an `oidc`
// section, access tokens from the organisation's identity provider. The principal (name and role) rides
// in `authInfo.extra`; `sessionKey` is what an HTTP session is bound to.

import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { TokenStore } from '../../core/tokens/index.ts';
import type { OidcVerifier } from '../auth/index.ts';
import { scopeOf } from '../boundary/principal.ts';

export type TokenCheck =
  | { kind: 'accepted'; auth: AuthInfo }
  /** 401 invalid_token: unknown, revoked, expired or forged. */
  | { kind: 'invalid'; reason: string }
  /** 403 insufficient_scope: a genuine token that gives no (single) Joinery role. */
  | { kind: 'no-role'; reason: string };

export type AccessTokenVerifier = (token: string) => Promise<TokenCheck>;

export function accessTokenVerifier({ tokens, oidc }: { tokens: TokenStore; oidc?: OidcVerifier }): AccessTokenVerifier {
  return async (token) => {
    if (token.startsWith('jny_') || !oidc) {
      const record = tokens.verify(token);
      // The same answer for unknown, revoked and expired tokens: a caller learns nothing from it.
      if (!record) return { kind: 'invalid', reason: 'unknown, revoked or expired token' };
      return accepted(token, record.name, record.role, Math.floor(Date.parse(record.expiresAt) / 1000), record.id);
    }
    const verified = await oidc.verify(token);
    if (verified.kind === 'invalid') return verified;
    if (verified.kind === 'refused') return { kind: 'no-role', reason: verified.reason };
    return accepted(token, verified.name, verified.role, verified.expiresAt, `oidc:${verified.name}`);
  };
}

function accepted(token: string, name: string, role: string, expiresAt: number, sessionKey: string): TokenCheck {
  return {
    kind: 'accepted',
    auth: { token, clientId: name, scopes: [scopeOf(role)], expiresAt, extra: { principal: { name, role }, tokenId: sessionKey } },
  };
}
