// Verifies the identity provider's access tokens: a JWT signed with one of the issuer's published keys
// (found through its /.well-known/openid-configuration), for this audience, from this issuer, within
// its lifetime (with the configured clock skew), with an asymmetric algorithm (`alg: none` and shared-
// secret HS* tokens are refused). A key the cached key set does not have makes jose fetch the set again
// (key rotation), at most once per `jwksCooldownMs`.

import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { JoineryError } from '../../core/errors.ts';
import { principalFromClaims, type ClaimPrincipal } from './claim-principal.ts';
import type { OidcSettings } from './oidc-settings.ts';

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export type OidcVerification = (ClaimPrincipal & { expiresAt: number; subject: string }) | { kind: 'invalid'; reason: string };

export interface OidcVerifier {
  /** Never throws for a bad token (that is `invalid`); throws JoineryError INTERNAL when the issuer's
   *  discovery document or keys cannot be had. */
  verify(token: string, check?: OidcTokenCheck): Promise<OidcVerification>;
}

/** For an ID token (the console's sign-in): its audience is the client id, and it must carry the nonce
 *  the sign-in started with. */
export interface OidcTokenCheck {
  audience?: string;
  nonce?: string;
}

export function createOidcVerifier(settings: OidcSettings, { _internal: { jwksCooldownMs = 30_000 } = {} }: { _internal?: { jwksCooldownMs?: number } } = {}): OidcVerifier {
  let keySet: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  const keys = () => {
    keySet ??= discoverKeySet(settings.issuer, jwksCooldownMs).catch((error: unknown) => {
      keySet = undefined; // try the discovery again on the next request
      throw error;
    });
    return keySet;
  };
  return {
    async verify(token, check = {}) {
      const jwks = await keys();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          issuer: settings.issuer,
          audience: check.audience ?? settings.audience,
          clockTolerance: settings.clockSkewSeconds,
          algorithms: ALGORITHMS,
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        if (error instanceof errors.JWKSTimeout || (error instanceof errors.JOSEError && error.code === 'ERR_JWKS_INVALID')) {
          throw new JoineryError('INTERNAL', `the identity provider's keys could not be fetched: ${error.message}`);
        }
        return { kind: 'invalid', reason: reasonOf(error) };
      }
      if (check.nonce !== undefined && payload.nonce !== check.nonce) return { kind: 'invalid', reason: 'the token does not carry this sign-in\'s nonce' };
      const principal = principalFromClaims(payload as Record<string, unknown>, settings);
      return { ...principal, expiresAt: payload.exp ?? 0, subject: String(payload.sub ?? '') };
    },
  };
}

async function discoverKeySet(issuer: string, cooldownMs: number): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const address = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(address, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`status ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new JoineryError('INTERNAL', `the identity provider's discovery document ${address} could not be read: ${(error as Error).message}`);
  }
  if (document.issuer !== issuer) throw new JoineryError('INTERNAL', `the discovery document at ${address} names the issuer ${JSON.stringify(document.issuer)}, not ${issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new JoineryError('INTERNAL', `the discovery document at ${address} has no jwks_uri`);
  return createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: cooldownMs, timeoutDuration: 10_000 });
}

/** What the caller is told: enough to fix their client, nothing about the keys. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'the token is for another audience';
    if (error.claim === 'iss') return 'the token is from another issuer';
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's ${error.claim} claim is not acceptable`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with a key the issuer does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  return 'the token is not a valid signed JWT';
}
