// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case http-action-ticket-then-mail-chatty.

export default defineFunction({
  name: 'http-action-ticket-then-mail-chatty',
  description: 'For Engineering joiners in Lisbon: a ServiceNow task, then a Graph mail to the manager with its number.',
  trigger: 'user.joined',
  egress: ['fabrikam.service-now.com', 'graph.microsoft.com'],
  secrets: [
    { name: 'FABRIKAM_SNOW', hosts: ['fabrikam.service-now.com'] },
    { name: 'GRAPH_MAIL_TOKEN', hosts: ['graph.microsoft.com'] },
  ],
  async run(event, ctx) {
    const { person } = event;
    if (person.department !== 'Engineering' || person.location !== 'Lisbon') return { ordered: false };
    const name = `${person.firstName} ${person.lastName}`;
    const task = await ctx.http.fetch('https://fabrikam.service-now.com/api/now/table/sc_task', {
      method: 'POST',
      auth: { bearer: 'FABRIKAM_SNOW' },
      body: { short_description: `Dev laptop for ${name}`, assignment_group: 'Lisbon IT' },
    });
    if (task.status !== 201) throw new Error(`ServiceNow answered HTTP ${task.status}; no mail was sent`);
    const number = ((await task.json()) as { result?: { number?: string } }).result?.number;
    if (!number) throw new Error('ServiceNow answered 201 without result.number');
    const mail = await ctx.http.fetch('https://graph.microsoft.com/v1.0/users/it-desk@fabrikam.com/sendMail', {
      method: 'POST',
      auth: { bearer: 'GRAPH_MAIL_TOKEN' },
      body: {
        message: {
          subject: `Laptop for ${name}`,
          body: { contentType: 'Text', content: `Laptop ticket: ${number}` },
          toRecipients: [{ emailAddress: { address: person.managerEmail } }],
        },
        saveToSentItems: false,
      },
    });
    if (mail.status !== 202) throw new Error(`Graph sendMail answered HTTP ${mail.status} (task ${number} was created)`);
    return { ordered: true, ticket: number };
  },
});
