// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-ticket-berlin-engineers-laptop.

export default defineFunction({
  name: 'fresh-ticket-berlin-engineers-laptop',
  description: 'A ServiceNow laptop task for Engineering joiners in Berlin; nobody else gets one.',
  trigger: 'user.joined',
  egress: ['contoso.service-now.com'],
  secrets: [{ name: 'SNOW_TOKEN', hosts: ['contoso.service-now.com'] }],
  async run(event, ctx) {
    const { person } = event;
    if (person.department !== 'Engineering' || person.location !== 'Berlin') return { ticket: null };
    const response = await ctx.http.fetch('https://contoso.service-now.com/api/now/table/sc_task', {
      method: 'POST',
      auth: { bearer: 'SNOW_TOKEN' },
      headers: { Accept: 'application/json' },
      body: {
        short_description: `Laptop for ${person.firstName} ${person.lastName} (starts ${person.startDate})`,
        assignment_group: 'Berlin IT',
        u_hardware: 'MacBook Pro 14 (Engineering)',
      },
    });
    if (response.status !== 201) throw new Error(`ServiceNow answered HTTP ${response.status}`);
    const { result } = (await response.json()) as { result?: { number?: string } };
    if (!result?.number) throw new Error('ServiceNow answered 201 without result.number');
    return { ticket: result.number };
  },
});
