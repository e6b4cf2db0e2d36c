// Sign-in with the identity provider in a real headless Chromium: the button on the sign-in page, the
// issuer's redirect back (a cross-site navigation, so the state cookie must be SameSite=Lax), and the
// session cookie (SameSite=Strict) carried by the page's same-site move on to the console. The issuer
// shows a consent link, so the way back is a navigation its page starts, as with a real provider.

import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcSettingsSchema } from '../../mcp-server/auth/index.ts';
import { createOidcCodeFlow } from '../../mcp-server/index.ts';
import { startTestIssuer, type TestIssuer } from '../mcp-server/oidc-issuer.ts';
import { findChromium } from './find-chromium.ts';
import { startLightConsole, type LightConsole } from './light-console.ts';

type OidcCodeFlow = ReturnType<typeof createOidcCodeFlow>;
let issuer: TestIssuer;
let consoleServer: LightConsole;
let browser: Browser;
let flow: OidcCodeFlow | undefined;

beforeAll(async () => {
  issuer = await startTestIssuer({ audience: 'api://joinery' });
  consoleServer = await startLightConsole({
    oidc: {
      issuer: issuer.url,
      authorizationUrl: (request) => (flow as OidcCodeFlow).authorizationUrl(request),
      complete: (request) => (flow as OidcCodeFlow).complete(request),
    },
  });
  // The issuer listens on 127.0.0.1 and the console is reached as localhost: two sites, as in life.
  const consoleUrl = consoleServer.url.replace('127.0.0.1', 'localhost');
  const redirectUri = `${consoleUrl}/sign-in/oidc/callback`;
  const settings = oidcSettingsSchema.parse({ issuer: issuer.url, audience: 'api://joinery', principalClaim: 'email', roleClaim: 'roles' });
  flow = createOidcCodeFlow({ settings, client: { clientId: 'joinery-console', redirectUri } });
  issuer.codeFlow.codeClients.set('joinery-console', { redirectUri });
  issuer.codeFlow.nextSignIn = { claims: { email: 'rosa@example.com', roles: ['reviewer'] } };
  issuer.codeFlow.consentPage = true;
  browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await consoleServer?.close();
  await issuer?.close();
});

describe('OIDC sign-in in Chromium', () => {
  it('signs in through the issuer and lands signed in on the page asked for', async () => {
    const page = await browser.newPage();
    const consoleUrl = consoleServer.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${consoleUrl}/flows`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.click('a.oidc');
    await page.click('#allow');
    await page.waitForURL(`${consoleUrl}/flows`);
    expect(await page.textContent('.who')).toContain('rosa@example.com');
    expect(await page.textContent('h1')).toContain('Flows');
    await page.close();
  });
});
