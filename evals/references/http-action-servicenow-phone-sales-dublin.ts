// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case http-action-servicenow-phone-sales-dublin.

export default defineFunction({
  name: 'http-action-servicenow-phone-sales-dublin',
  description: 'A ServiceNow incident for a phone, for Sales joiners in Dublin only.',
  trigger: 'user.joined',
  egress: ['tailspin.service-now.com'],
  secrets: [{ name: 'TAILSPIN_SNOW_TOKEN', hosts: ['tailspin.service-now.com'] }],
  async run(event, ctx) {
    const { person } = event;
    if (person.department !== 'Sales' || person.location !== 'Dublin') return { ticket: null };
    const response = await ctx.http.fetch('https://tailspin.service-now.com/api/now/table/incident', {
      method: 'POST',
      auth: { bearer: 'TAILSPIN_SNOW_TOKEN' },
      body: {
        short_description: `Mobile phone for ${person.firstName} ${person.lastName}`,
        u_start_date: person.startDate,
        assignment_group: 'Dublin Service Desk',
      },
    });
    if (response.status !== 201) throw new Error(`ServiceNow answered HTTP ${response.status}`);
    const { result } = (await response.json()) as { result?: { number?: string } };
    if (!result?.number) throw new Error('ServiceNow answered 201 without result.number');
    return { ticket: result.number };
  },
});
