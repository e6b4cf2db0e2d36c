// The console's sign-in with the identity provider: OpenID Connect's authorization code flow with PKCE
// (S256). `authorizationUrl` builds the redirect to the issuer's authorization endpoint (read from its
// discovery document); `complete` exchanges the code at the token endpoint with the verifier (client
// secret by HTTP Basic for a confidential client, client_id in the form for a public one) and verifies the
// ID token with the MCP server's verifier: issuer, audience = client id, nonce, expiry, signature by the
// issuer's published keys, and the principal and role mapped from its claims as for MCP callers.

import { JoineryError } from '../../core/errors.ts';
import type { OidcSettings } from './oidc-settings.ts';
import { createOidcVerifier, type OidcVerification } from './oidc-verifier.ts';

export interface OidcClientSettings {
  clientId: string;
  /** Omitted: a public client (PKCE alone). */
  clientSecret?: string;
  /** The console's callback, exactly as registered with the issuer: https://<console>/sign-in/oidc/callback. */
  redirectUri: string;
}

export interface OidcCodeFlow {
  issuer: string;
  authorizationUrl(request: { state: string; nonce: string; codeChallenge: string }): Promise<string>;
  /** Never throws for a refused exchange or a bad token (`invalid`); throws JoineryError INTERNAL when the
   *  issuer cannot be reached. */
  complete(request: { code: string; codeVerifier: string; nonce: string }): Promise<OidcVerification>;
}

interface Endpoints {
  authorization: string;
  token: string;
}

export function createOidcCodeFlow({ settings, client }: { settings: OidcSettings; client: OidcClientSettings }): OidcCodeFlow {
  const verifier = createOidcVerifier(settings);
  let endpoints: Promise<Endpoints> | undefined;
  const discover = () => {
    endpoints ??= discoverEndpoints(settings.issuer).catch((error: unknown) => {
      endpoints = undefined;
      throw error;
    });
    return endpoints;
  };
  return {
    issuer: settings.issuer,
    async authorizationUrl({ state, nonce, codeChallenge }) {
      const url = new URL((await discover()).authorization);
      const scope = ['openid', 'profile', 'email', ...(settings.scopes ?? [])].join(' ');
      const query = { response_type: 'code', client_id: client.clientId, redirect_uri: client.redirectUri, scope, state, nonce };
      for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return url.toString();
    },
    async complete({ code, codeVerifier, nonce }) {
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: codeVerifier });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (client.clientSecret === undefined) form.set('client_id', client.clientId);
      else headers.authorization = basicAuthorization(client.clientId, client.clientSecret);
      let response: Response;
      try {
        response = await fetch((await discover()).token, { method: 'POST', headers, body: form, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        throw new JoineryError('INTERNAL', `the identity provider's token endpoint could not be reached: ${(error as Error).message}`);
      }
      const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
      if (!response.ok || typeof body.id_token !== 'string') {
        const reason = typeof body.error === 'string' ? body.error.slice(0, 100) : `status ${response.status}`;
        return { kind: 'invalid', reason: `the identity provider refused the sign-in code (${reason})` };
      }
      return verifier.verify(body.id_token, { audience: client.clientId, nonce });
    },
  };
}

async function discoverEndpoints(issuer: string): Promise<Endpoints> {
  const address = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; authorization_endpoint?: unknown; token_endpoint?: unknown };
  try {
    const response = await fetch(address, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`status ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new JoineryError('INTERNAL', `the identity provider's discovery document ${address} could not be read: ${(error as Error).message}`);
  }
  const { authorization_endpoint: authorization, token_endpoint: token } = document;
  if (document.issuer !== issuer) throw new JoineryError('INTERNAL', `the discovery document at ${address} names another issuer`);
  if (typeof authorization !== 'string' || typeof token !== 'string')
    throw new JoineryError('INTERNAL', `the discovery document at ${address} has no authorization_endpoint or token_endpoint`);
  return { authorization, token };
}

/** RFC 6749 §2.3.1: the id and secret form-encoded, then joined and base64-encoded. */
function basicAuthorization(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}
