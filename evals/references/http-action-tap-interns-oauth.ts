// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case http-action-tap-interns-oauth.

const TOKEN_URL = 'https://login.microsoftonline.com/7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f/oauth2/v2.0/token';

export default defineFunction({
  name: 'http-action-tap-interns-oauth',
  description: 'A multi-use Temporary Access Pass for interns, through an app registration; never logged or returned.',
  trigger: 'user.joined',
  egress: ['login.microsoftonline.com', 'graph.microsoft.com'],
  secrets: [{ name: 'INTERN_APP_SECRET', hosts: ['login.microsoftonline.com'] }],
  oauth: {
    graph: {
      tokenUrl: TOKEN_URL,
      clientId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
      clientSecret: 'INTERN_APP_SECRET',
      scope: 'https://graph.microsoft.com/.default',
      hosts: ['graph.microsoft.com'],
    },
  },
  async run(event, ctx) {
    if (event.person.employmentType !== 'intern') return { skipped: true };
    const upn = event.account?.userPrincipalName ?? '';
    if (!upn) throw new Error('the account has no userPrincipalName');
    const path = encodeURIComponent(upn).replace(/%40/g, '@');
    const response = await ctx.http.fetch(`https://graph.microsoft.com/v1.0/users/${path}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      auth: { oauth: 'graph' },
      body: { lifetimeInMinutes: 240, isUsableOnce: false },
    });
    if (response.status !== 201) throw new Error(`Microsoft Graph refused the Temporary Access Pass: HTTP ${response.status}`);
    const granted = (await response.json()) as { id?: string; temporaryAccessPass?: string };
    if (!granted.temporaryAccessPass) throw new Error('Microsoft Graph answered 201 without a temporaryAccessPass');
    return { tapIssued: true, methodId: granted.id };
  },
});
