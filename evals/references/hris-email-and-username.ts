// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case hris-email-and-username.

export default defineFunction({
  name: 'hris-email-and-username',
  description: 'Writes the work email and the AD username back to BambooHR in one update.',
  trigger: 'user.joined',
  egress: ['api.bamboohr.com'],
  secrets: [{ name: 'BAMBOOHR_API_KEY', hosts: ['api.bamboohr.com'] }],
  async run(event, ctx) {
    const employeeId = event.person.employeeId;
    const workEmail = event.account?.email?.trim();
    const username = event.account?.username?.trim();
    if (!workEmail || !username) throw new Error(`account.email and account.username are both needed for ${employeeId}`);
    const response = await ctx.http.fetch(`https://api.bamboohr.com/api/gateway.php/acme/v1/employees/${encodeURIComponent(employeeId)}`, {
      method: 'POST',
      auth: { basic: { username: { secret: 'BAMBOOHR_API_KEY' }, password: 'x' } },
      body: { workEmail, customAdUsername: username },
    });
    if (!response.ok) throw new Error(`BambooHR answered HTTP ${response.status} for employee ${employeeId}`);
    return { updated: true };
  },
});
