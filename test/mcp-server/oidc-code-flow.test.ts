// The code flow against the test issuer as a confidential client (client secret by HTTP Basic): the
// right secret and verifier give the principal; a wrong secret, a wrong verifier or a reused code are
// `invalid` values, never throws; an unreachable issuer is a JoineryError.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcCodeFlow, oidcSettingsSchema } from '../../mcp-server/auth/index.ts';

type OidcCodeFlow = ReturnType<typeof createOidcCodeFlow>;
import { startTestIssuer, type TestIssuer } from './oidc-issuer.ts';

const REDIRECT = 'http://127.0.0.1:9/sign-in/oidc/callback';
let issuer: TestIssuer;
const flowWith = (clientSecret: string): OidcCodeFlow =>
  createOidcCodeFlow({
    settings: oidcSettingsSchema.parse({ issuer: issuer.url, audience: 'api://joinery', roleClaim: 'roles' }),
    client: { clientId: 'console', clientSecret, redirectUri: REDIRECT },
  });

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: 'api://joinery' });
  issuer.codeFlow.codeClients.set('console', { secret: 's3cret', redirectUri: REDIRECT });
  issuer.codeFlow.nextSignIn = { claims: { sub: 'rita', roles: 'reviewer' } };
});
afterAll(async () => issuer?.close());

/** The code the issuer hands back for a sign-in started with `challenge`. */
async function codeFor(flow: OidcCodeFlow, challenge: string): Promise<string> {
  const url = await flow.authorizationUrl({ state: 'st', nonce: 'n-1', codeChallenge: challenge });
  const answer = await fetch(url, { redirect: 'manual' });
  return new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

const VERIFIER = 'dBjftJeZ4CVP-mJ0kzR9YjvXvFwSTc2A2hmRFMphMYI';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

describe('createOidcCodeFlow (confidential client)', () => {
  it('exchanges the code with the secret and verifier and maps the claims', async () => {
    const flow = flowWith('s3cret');
    const code = await codeFor(flow, CHALLENGE);
    const result = await flow.complete({ code, codeVerifier: VERIFIER, nonce: 'n-1' });
    expect(result).toMatchObject({ kind: 'principal', name: 'rita', role: 'reviewer' });
    const reused = await flow.complete({ code, codeVerifier: VERIFIER, nonce: 'n-1' });
    expect(reused).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('invalid_grant') });
  });

  it('refuses a wrong secret and a wrong verifier as values', async () => {
    const wrong = flowWith('guess');
    expect(await wrong.complete({ code: await codeFor(wrong, CHALLENGE), codeVerifier: VERIFIER, nonce: 'n-1' })).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('invalid_client'),
    });
    const flow = flowWith('s3cret');
    expect(await flow.complete({ code: await codeFor(flow, CHALLENGE), codeVerifier: `${VERIFIER}x`, nonce: 'n-1' })).toMatchObject({ kind: 'invalid' });
  });

  it('throws INTERNAL when the issuer cannot be reached', async () => {
    const flow = createOidcCodeFlow({
      settings: oidcSettingsSchema.parse({ issuer: 'http://127.0.0.1:9', audience: 'a', roleClaim: 'roles' }),
      client: { clientId: 'console', redirectUri: REDIRECT },
    });
    await expect(flow.authorizationUrl({ state: 's', nonce: 'n', codeChallenge: CHALLENGE })).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
