// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case ticket-jira-service-management.

export default defineFunction({
  name: 'ticket-jira-service-management',
  description: 'Opens a Jira Service Management laptop request for a joiner.',
  trigger: 'user.joined',
  egress: ['acme.atlassian.net'],
  secrets: [{ name: 'JIRA_AUTH', hosts: ['acme.atlassian.net'] }],
  async run(event, ctx) {
    const { person } = event;
    // JIRA_AUTH holds "email:api-token" whole: its placeholder goes inside the Basic credential, and the host
    // decodes it, puts the value in and encodes it again at egress.
    const credential = await ctx.secrets.get('JIRA_AUTH');
    const response = await ctx.http.fetch('https://acme.atlassian.net/rest/servicedeskapi/request', {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(credential)}`, Accept: 'application/json' },
      body: {
        serviceDeskId: '10',
        requestTypeId: '25',
        requestFieldValues: { summary: `Laptop for ${person.firstName} ${person.lastName} starting ${person.startDate}` },
      },
    });
    if (response.status !== 201) throw new Error(`Jira answered HTTP ${response.status}`);
    const { issueKey } = (await response.json()) as { issueKey?: string };
    if (!issueKey) throw new Error('Jira answered 201 without an issueKey');
    return { ticket: issueKey };
  },
});
