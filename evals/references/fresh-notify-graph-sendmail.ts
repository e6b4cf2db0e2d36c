// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-notify-graph-sendmail.

export default defineFunction({
  name: 'fresh-notify-graph-sendmail',
  description: "Emails the joiner's manager through Graph sendMail from the onboarding mailbox; contractors are skipped.",
  trigger: 'user.joined',
  egress: ['graph.microsoft.com'],
  secrets: [{ name: 'GRAPH_MAIL_TOKEN', hosts: ['graph.microsoft.com'] }],
  async run(event, ctx) {
    const { person } = event;
    if (person.employmentType === 'contractor') return { sent: false };
    const manager = person.managerEmail?.trim();
    if (!manager) throw new Error(`no manager email for ${person.employeeId}`);
    const name = `${person.firstName} ${person.lastName}`;
    const response = await ctx.http.fetch('https://graph.microsoft.com/v1.0/users/it-onboarding@litware.com/sendMail', {
      method: 'POST',
      auth: { bearer: 'GRAPH_MAIL_TOKEN' },
      body: {
        message: {
          subject: `Welcome ${name}`,
          body: { contentType: 'Text', content: `${name} starts on ${person.startDate}.` },
          toRecipients: [{ emailAddress: { address: manager } }],
        },
        saveToSentItems: false,
      },
    });
    if (response.status !== 202) throw new Error(`Graph sendMail answered HTTP ${response.status}`);
    return { sent: true };
  },
});
