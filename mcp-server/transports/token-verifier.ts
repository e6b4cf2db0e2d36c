// Bearer tokens from the TokenStore, in the shape the SDK's requireBearerAuth expects. The principal
// (the token's name and role) rides in `authInfo.extra`, which reaches every handler as extra.authInfo.

import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { TokenStore } from '../../core/tokens/index.ts';
import { scopeOf } from '../boundary/principal.ts';

export function tokenVerifier(tokens: TokenStore): OAuthTokenVerifier {
  return {
    async verifyAccessToken(token: string): Promise<AuthInfo> {
      const record = tokens.verify(token);
      // The same answer for unknown, revoked and expired tokens: a caller learns nothing from it.
      if (!record) throw new InvalidTokenError('unknown, revoked or expired token');
      return {
        token,
        clientId: record.name,
        scopes: [scopeOf(record.role)],
        expiresAt: Math.floor(Date.parse(record.expiresAt) / 1000),
        extra: { principal: { name: record.name, role: record.role }, tokenId: record.id },
      };
    },
  };
}
