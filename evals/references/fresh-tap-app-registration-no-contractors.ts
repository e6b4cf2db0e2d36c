// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-tap-app-registration-no-contractors.

const TOKEN_URL = 'https://login.microsoftonline.com/3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b/oauth2/v2.0/token';

export default defineFunction({
  name: 'fresh-tap-app-registration-no-contractors',
  description: 'A one-day single-use TAP through Graph with client credentials; contractors get none; the pass is not delivered.',
  trigger: 'user.joined',
  egress: ['login.microsoftonline.com', 'graph.microsoft.com'],
  secrets: [{ name: 'ENTRA_APP_SECRET', hosts: ['login.microsoftonline.com'] }],
  oauth: {
    graph: {
      tokenUrl: TOKEN_URL,
      clientId: '9d2c7e10-1111-4222-8333-a1b2c3d4e5f6',
      clientSecret: 'ENTRA_APP_SECRET',
      scope: 'https://graph.microsoft.com/.default',
      hosts: ['graph.microsoft.com'],
    },
  },
  async run(event, ctx) {
    if (event.person.employmentType === 'contractor') return { skipped: 'contractor' };
    const upn = event.account?.userPrincipalName?.trim();
    if (!upn) throw new Error(`no userPrincipalName for ${event.person.employeeId}`);
    const issued = await ctx.http.fetch(`https://graph.microsoft.com/v1.0/users/${upn}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      auth: { oauth: 'graph' },
      body: { lifetimeInMinutes: 1440, isUsableOnce: true },
    });
    if (issued.status !== 201) throw new Error(`Graph answered HTTP ${issued.status}`);
    const { id } = (await issued.json()) as { id?: string };
    ctx.log.info('Temporary Access Pass issued', { upn, methodId: id });
    return { tapIssued: true, methodId: id };
  },
});
