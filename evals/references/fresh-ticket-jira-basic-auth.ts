// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-ticket-jira-basic-auth.

export default defineFunction({
  name: 'fresh-ticket-jira-basic-auth',
  description: 'A Jira Service Management onboarding request per joiner (type 53 for contractors); none for interns.',
  trigger: 'user.joined',
  egress: ['fabrikam.atlassian.net'],
  secrets: [{ name: 'JIRA_API_TOKEN', hosts: ['fabrikam.atlassian.net'] }],
  async run(event, ctx) {
    const { person } = event;
    if (person.employmentType === 'intern') return { issueKey: null };
    const name = `${person.firstName} ${person.lastName}`;
    const response = await ctx.http.fetch('https://fabrikam.atlassian.net/rest/servicedeskapi/request', {
      method: 'POST',
      auth: { basic: { username: 'svc-onboarding@fabrikam.com', password: { secret: 'JIRA_API_TOKEN' } } },
      body: {
        serviceDeskId: '10',
        requestTypeId: person.employmentType === 'contractor' ? '53' : '52',
        requestFieldValues: {
          summary: `Onboarding: ${name}`,
          description: `${name} (${person.employeeId}) starts ${person.startDate} in ${person.department}.`,
        },
      },
    });
    if (response.status !== 201) throw new Error(`Jira answered HTTP ${response.status}`);
    const { issueKey } = (await response.json()) as { issueKey?: string };
    return { issueKey };
  },
});
