// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-notify-manager-email-sendgrid.

export default defineFunction({
  name: 'fresh-notify-manager-email-sendgrid',
  description: "Emails the joiner's manager (or the people team) a new-starter notice through SendGrid.",
  trigger: 'user.joined',
  egress: ['api.sendgrid.com'],
  secrets: [{ name: 'SENDGRID_KEY', hosts: ['api.sendgrid.com'] }],
  async run(event, ctx) {
    const { person } = event;
    const to = person.managerEmail?.trim() || 'people-team@adatum.com';
    const name = `${person.preferredName?.trim() || person.firstName} ${person.lastName}`;
    const text = `Your new starter ${name} begins on ${person.startDate}; their username is ${event.account?.username ?? ''}.`;
    const response = await ctx.http.fetch('https://api.sendgrid.com/v3/mail/send', {
      method: 'POST',
      auth: { bearer: 'SENDGRID_KEY' },
      body: {
        personalizations: [{ to: [{ email: to }] }],
        from: { email: 'onboarding@adatum.com' },
        subject: `New starter: ${name}`,
        content: [{ type: 'text/plain', value: text }],
      },
    });
    if (response.status !== 202) throw new Error(`SendGrid answered HTTP ${response.status}`);
    return { notified: to };
  },
});
