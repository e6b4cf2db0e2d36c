// Signing in to the console with the identity provider, over HTTP against the test issuer: the redirect
// with state, nonce and an S256 challenge (the verifier never leaves the server), the callback that
// starts a session with the role the claims give, and each refusal (replayed or foreign state, denied
// consent, a token for another audience or with another nonce, no role) as a plain page, audited.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOidcCodeFlow } from '../../mcp-server/index.ts';
import { oidcSettingsSchema } from '../../mcp-server/auth/index.ts';
import { startTestIssuer, type TestIssuer } from '../mcp-server/oidc-issuer.ts';
import { consoleClient, type ConsoleClient } from './http-client.ts';
import { startLightConsole, type LightConsole } from './light-console.ts';

const CLIENT_ID = 'joinery-console';
let issuer: TestIssuer;
let consoleServer: LightConsole;
type OidcCodeFlow = ReturnType<typeof createOidcCodeFlow>;
let flow: OidcCodeFlow | undefined;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: 'api://joinery' });
  const settings = oidcSettingsSchema.parse({ issuer: issuer.url, audience: 'api://joinery', principalClaim: 'preferred_username', roleClaim: 'roles' });
  // The console's address is known once it listens; the flow is made then (the port reads it lazily).
  consoleServer = await startLightConsole({
    oidc: {
      issuer: issuer.url,
      authorizationUrl: (request) => (flow as OidcCodeFlow).authorizationUrl(request),
      complete: (request) => (flow as OidcCodeFlow).complete(request),
    },
  });
  const redirectUri = `${consoleServer.url}/sign-in/oidc/callback`;
  flow = createOidcCodeFlow({ settings, client: { clientId: CLIENT_ID, redirectUri } });
  issuer.codeFlow.codeClients.set(CLIENT_ID, { redirectUri });
});
afterAll(async () => {
  await consoleServer?.close();
  await issuer?.close();
});

/** Start at the console, let the issuer answer, and return the callback path (not yet followed). */
async function throughIssuer(client: ConsoleClient, claims: Record<string, unknown>, deny = false): Promise<string> {
  issuer.codeFlow.nextSignIn = { claims, deny };
  const start = await client.get('/sign-in/oidc?next=%2Faudit');
  expect(start.status).toBe(303);
  const answer = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  const callback = new URL(answer.headers.get('location') ?? '');
  expect(callback.origin).toBe(consoleServer.url);
  return callback.pathname + callback.search;
}

function lastRefusal(): unknown {
  const entry = consoleServer.registry.listAudit({ allowed: false }).find((item) => item.action === 'console.sign-in');
  return entry?.detail ?? {};
}

describe('console sign-in with the identity provider', () => {
  it('offers the issuer on the sign-in page and redirects with state, nonce and an S256 challenge', async () => {
    const client = consoleClient(consoleServer.url);
    expect((await client.get('/sign-in')).text).toContain(`Sign in with ${issuer.url}`);
    const start = await client.get('/sign-in/oidc');
    const location = new URL(start.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${issuer.url}/authorize`);
    const query = location.searchParams;
    expect(query.get('response_type')).toBe('code');
    expect(query.get('client_id')).toBe(CLIENT_ID);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('nonce')).not.toBe(query.get('state'));
    expect(start.headers.getSetCookie().join()).toMatch(/joinery_oidc_state=.*SameSite=Lax/);
  });

  it('signs in with the role from the claims, once: a replayed callback is refused', async () => {
    const client = consoleClient(consoleServer.url);
    const callback = await throughIssuer(client, { preferred_username: 'olga@example.com', roles: ['auditor'] });
    const signedIn = await client.get(callback);
    expect(signedIn.status).toBe(200);
    expect(signedIn.text).toContain('url=/audit');
    const audit = await client.get('/audit');
    expect(audit.status).toBe(200);
    expect(audit.text).toContain('olga@example.com');
    expect(audit.text).toContain('(auditor)');
    const allowed = consoleServer.registry.listAudit({ allowed: true }).find((entry) => entry.action === 'console.sign-in');
    expect(allowed?.actor).toBe('olga@example.com');
    expect(allowed?.detail).toMatchObject({ issuer: issuer.url, role: 'auditor' });
    const replay = await client.get(callback);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('state mismatch');
    expect(lastRefusal()).toMatchObject({ reason: 'state', method: 'oidc' });
  });

  it('refuses a callback in a browser that did not start the sign-in', async () => {
    const callback = await throughIssuer(consoleClient(consoleServer.url), { preferred_username: 'mallory', roles: ['reviewer'] });
    const other = consoleClient(consoleServer.url);
    const refused = await other.get(callback);
    expect(refused.status).toBe(400);
    expect((await other.get('/')).status).toBe(303);
  });

  it('shows denied consent as a plain page, audited', async () => {
    const client = consoleClient(consoleServer.url);
    const refused = await client.get(await throughIssuer(client, {}, true));
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('consent was denied');
    expect(lastRefusal()).toMatchObject({ reason: 'denied' });
  });

  it.each([
    ['another audience', { aud: 'someone-else' }, 'another audience'],
    ['another nonce', { nonce: 'forged' }, 'nonce'],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }, 'expired'],
    ['no role', { roles: [] }, 'no Joinery role'],
    ['a source-only role claim', { roles: ['source'] }, 'no Joinery role'],
  ])('refuses an ID token with %s', async (_label, claims, message) => {
    const client = consoleClient(consoleServer.url);
    const refused = await client.get(await throughIssuer(client, { preferred_username: 'ivan', roles: ['reviewer'], ...claims }));
    expect(refused.status).toBe(401);
    expect(refused.text).toContain(message);
    expect(refused.text).not.toMatch(/\n\s+at /);
    expect((await client.get('/')).status).toBe(303);
    expect(lastRefusal()).toMatchObject({ method: 'oidc' });
  });
});
