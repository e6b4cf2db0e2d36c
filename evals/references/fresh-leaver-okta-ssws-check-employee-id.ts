// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-leaver-okta-ssws-check-employee-id.

const OKTA_USERS = 'https://acme.okta.com/api/v1/users/';

export default defineFunction({
  name: 'fresh-leaver-okta-ssws-check-employee-id',
  description: "Deactivates a leaver's Okta user, after checking its employeeNumber is the leaver's employee id.",
  trigger: 'user.left',
  egress: ['acme.okta.com'],
  secrets: [{ name: 'OKTA_API_TOKEN', hosts: ['acme.okta.com'] }],
  async run(event, ctx) {
    const { person } = event;
    const login = event.account?.email?.trim();
    if (!login) throw new Error(`no email (Okta login) for ${person.employeeId}`);
    // The host replaces the placeholder with the token in this header, for acme.okta.com only.
    const headers = { Authorization: `SSWS ${await ctx.secrets.get('OKTA_API_TOKEN')}`, Accept: 'application/json' };
    const found = await ctx.http.fetch(`${OKTA_USERS}${login}`, { method: 'GET', headers });
    if (found.status === 404) return { deactivated: false, reason: 'not found' };
    if (!found.ok) throw new Error(`Okta answered HTTP ${found.status} looking up ${login}`);
    const user = (await found.json()) as { id?: string; profile?: { employeeNumber?: string } };
    if (!user.id || user.profile?.employeeNumber !== person.employeeId) {
      throw new Error(`the Okta user ${login} has employeeNumber ${user.profile?.employeeNumber ?? '(none)'}, not ${person.employeeId}: nothing deactivated`);
    }
    const deactivated = await ctx.http.fetch(`${OKTA_USERS}${user.id}/lifecycle/deactivate`, { method: 'POST', headers });
    if (!deactivated.ok) throw new Error(`Okta answered HTTP ${deactivated.status} deactivating ${login}`);
    return { deactivated: true, oktaId: user.id };
  },
});
