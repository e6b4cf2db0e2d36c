// The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) as the host runs it: the token request in
// placeholder form (the client secret goes in at egress, like any secret), and the token response read.
// Client authentication is client_secret_post (id and secret in the form body): Entra ID, Okta (when the
// app is set to it) and ServiceNow accept it.

import type { IncomingResponse, OutgoingRequest } from '../execution/types.ts';
import type { OAuthClientCredentials } from '../sdk/index.ts';
import type { AccessToken } from './oauth-token-cache.ts';
import type { SecretPlaceholders } from '../secret-manifest/index.ts';

/** When a token response gives no expires_in (RFC 6749 only recommends it): keep the token this long. */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 300;

export function tokenRequest(client: OAuthClientCredentials, placeholders: SecretPlaceholders): OutgoingRequest {
  const clientId = typeof client.clientId === 'string' ? client.clientId : placeholders.of(client.clientId.secret);
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: placeholders.of(client.clientSecret) });
  if (client.scope !== undefined && client.scope !== '') form.set('scope', client.scope);
  return {
    method: 'POST',
    url: client.tokenUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  };
}

/** The access token of a successful response; an Error for the guest (status and OAuth error code) otherwise. */
export function readTokenResponse(clientName: string, response: IncomingResponse): AccessToken {
  const failed = (reason: string) => new Error(`OAuth client "${clientName}": ${reason}`);
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(response.body);
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON: a proxy or login page. The status says enough.
  }
  if (response.status < 200 || response.status > 299) {
    const code = typeof body.error === 'string' ? ` ${body.error.slice(0, 100)}` : '';
    const description = typeof body.error_description === 'string' ? `: ${body.error_description.slice(0, 300)}` : '';
    throw failed(`the token endpoint answered HTTP ${response.status}${code}${description}`);
  }
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = body;
  if (typeof accessToken !== 'string' || accessToken === '' || /[\r\n\0]/.test(accessToken)) {
    throw failed('the token endpoint answered without an access_token');
  }
  if (tokenType !== undefined && String(tokenType).toLowerCase() !== 'bearer') {
    throw failed(`the token endpoint issued a "${String(tokenType).slice(0, 40)}" token; only bearer tokens are supported`);
  }
  const seconds = Number(expiresIn);
  return { accessToken, expiresInSeconds: expiresIn !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TOKEN_LIFETIME_SECONDS };
}

/** The cache key: per function and client, and per what the client is (so a new version's tenant is never served an old token). */
export function tokenCacheKey(functionName: string, clientName: string, client: OAuthClientCredentials): string {
  return JSON.stringify([functionName, clientName, client.tokenUrl, client.clientId, client.clientSecret, client.scope ?? '']);
}
