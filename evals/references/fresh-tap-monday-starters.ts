// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-tap-monday-starters.

export default defineFunction({
  name: 'fresh-tap-monday-starters',
  description: 'For Monday starters: a TAP valid from 08:00 UTC on the start date, emailed to the manager through SendGrid.',
  trigger: 'user.joined',
  egress: ['graph.microsoft.com', 'api.sendgrid.com'],
  secrets: [{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com'] }, { name: 'SENDGRID_API_KEY', hosts: ['api.sendgrid.com'] }],
  async run(event, ctx) {
    const { person } = event;
    if (new Date(`${person.startDate}T00:00:00Z`).getUTCDay() !== 1) return { skipped: true };
    const upn = event.account?.userPrincipalName?.trim();
    if (!upn) throw new Error(`no userPrincipalName for ${person.employeeId}`);
    const manager = person.managerEmail?.trim();
    if (!manager) throw new Error(`no manager email for ${person.employeeId}`);
    const startDateTime = `${person.startDate}T08:00:00Z`;

    const issued = await ctx.http.fetch(`https://graph.microsoft.com/v1.0/users/${upn}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      auth: { bearer: 'GRAPH_TOKEN' },
      body: { startDateTime, lifetimeInMinutes: 600, isUsableOnce: true },
    });
    if (issued.status !== 201) throw new Error(`Graph answered HTTP ${issued.status}`);
    const { temporaryAccessPass } = (await issued.json()) as { temporaryAccessPass?: string };
    if (!temporaryAccessPass) throw new Error('Graph returned no temporaryAccessPass');

    const name = `${person.firstName} ${person.lastName}`;
    const sent = await ctx.http.fetch('https://api.sendgrid.com/v3/mail/send', {
      method: 'POST',
      auth: { bearer: 'SENDGRID_API_KEY' },
      body: {
        personalizations: [{ to: [{ email: manager }] }],
        from: { email: 'it@woodgrove.com' },
        subject: `Temporary Access Pass for ${name}`,
        content: [{ type: 'text/plain', value: `Temporary Access Pass for ${name}: ${temporaryAccessPass}` }],
      },
    });
    if (sent.status !== 202) throw new Error(`SendGrid answered HTTP ${sent.status}; the pass was issued but not delivered`);
    ctx.log.info('pass emailed to the manager', { upn, manager });
    return { tapIssued: true, startDateTime };
  },
});
