// The test issuer's authorization code flow (for the console's sign-in): GET /authorize answers at once
// with a redirect to the client's redirect_uri carrying a code (or error=access_denied when `deny` is
// set), as if the person had signed in and consented; POST /token with grant_type=authorization_code
// checks the code (single use), the client (Basic for a confidential one, client_id for a public one),
// the redirect_uri and the PKCE verifier against the S256 challenge, and returns an ID token.

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CodeFlowSettings {
  /** Clients registered for the code flow: id → secret (undefined: a public client) and redirect_uri. */
  codeClients: Map<string, { secret?: string; redirectUri: string }>;
  /** The next sign-in: claims added to (and overriding) the ID token's, or a denied consent. */
  nextSignIn: { claims: Record<string, unknown>; deny?: boolean };
  /** Answer /authorize with a page whose "Allow" link goes back (a navigation the issuer's page starts,
   *  cross-site as after a real consent screen) instead of an immediate redirect. */
  consentPage?: boolean;
  /** Every /authorize query, for assertions. */
  authorizeRequests: URLSearchParams[];
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | null;
  claims: Record<string, unknown>;
}

export function createCodeFlowEndpoints({ sign }: { sign(claims: Record<string, unknown>): Promise<string> }) {
  const settings: CodeFlowSettings = { codeClients: new Map(), nextSignIn: { claims: {} }, authorizeRequests: [] };
  const codes = new Map<string, IssuedCode>();

  function authorize(query: URLSearchParams, response: ServerResponse): void {
    settings.authorizeRequests.push(query);
    const clientId = query.get('client_id') ?? '';
    const client = settings.codeClients.get(clientId);
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!client || client.redirectUri !== redirectUri) return void response.writeHead(400).end('unknown client or redirect_uri');
    const back = new URL(redirectUri);
    back.searchParams.set('state', query.get('state') ?? '');
    const challenge = query.get('code_challenge');
    if (settings.nextSignIn.deny) back.searchParams.set('error', 'access_denied');
    else if (query.get('response_type') !== 'code' || query.get('code_challenge_method') !== 'S256' || !challenge)
      back.searchParams.set('error', 'invalid_request');
    else {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { clientId, redirectUri, challenge, nonce: query.get('nonce'), claims: settings.nextSignIn.claims });
      back.searchParams.set('code', code);
    }
    if (!settings.consentPage) return void response.writeHead(302, { location: back.toString() }).end();
    const link = back.toString().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>consent</title><a id="allow" href="${link}">Allow</a>`);
  }

  async function exchange(request: IncomingMessage, form: URLSearchParams): Promise<{ status: number; body: unknown }> {
    const basic = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
    const [basicId, basicSecret] = basic.split(':').map(decodeURIComponent);
    const clientId = basicId || form.get('client_id') || '';
    const client = settings.codeClients.get(clientId);
    if (!client || (client.secret !== undefined && client.secret !== basicSecret)) return { status: 401, body: { error: 'invalid_client' } };
    const issued = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (!issued || issued.clientId !== clientId || issued.redirectUri !== form.get('redirect_uri') || issued.challenge !== challenge)
      return { status: 400, body: { error: 'invalid_grant' } };
    const idToken = await sign({ aud: clientId, ...(issued.nonce ? { nonce: issued.nonce } : {}), ...issued.claims });
    return { status: 200, body: { access_token: 'opaque', token_type: 'Bearer', expires_in: 300, id_token: idToken } };
  }

  return { settings, authorize, exchange };
}
