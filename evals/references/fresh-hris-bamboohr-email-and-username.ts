// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-hris-bamboohr-email-and-username.

export default defineFunction({
  name: 'fresh-hris-bamboohr-email-and-username',
  description: 'Writes the work email and the AD username back to BambooHR in one call; contractors are skipped.',
  trigger: 'user.joined',
  egress: ['api.bamboohr.com'],
  secrets: [{ name: 'BAMBOO_KEY', hosts: ['api.bamboohr.com'] }],
  async run(event, ctx) {
    const { person } = event;
    if (person.employmentType === 'contractor') return { skipped: true };
    const workEmail = event.account?.email?.trim();
    const username = event.account?.username?.trim();
    if (!workEmail || !username) throw new Error(`event.account needs both email and username for ${person.employeeId}`);
    const response = await ctx.http.fetch(`https://api.bamboohr.com/api/gateway.php/tailwind/v1/employees/${encodeURIComponent(person.employeeId)}`, {
      method: 'POST',
      auth: { basic: { username: { secret: 'BAMBOO_KEY' }, password: 'x' } },
      headers: { Accept: 'application/json' },
      body: { workEmail, customADUsername: username },
    });
    if (response.status !== 200) throw new Error(`BambooHR answered HTTP ${response.status}`);
    return { updated: true };
  },
});
