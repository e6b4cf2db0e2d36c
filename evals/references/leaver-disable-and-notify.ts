// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case leaver-disable-and-notify.

export default defineFunction({
  name: 'leaver-disable-and-notify',
  description: "Disables a leaver's Entra account, then tells #it-leavers through a Slack webhook.",
  trigger: 'user.left',
  egress: ['graph.microsoft.com', 'hooks.slack.com'],
  secrets: [{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com'] }, { name: 'SLACK_WEBHOOK_PATH', hosts: ['hooks.slack.com'] }],
  async run(event, ctx) {
    const upn = event.account?.userPrincipalName?.trim();
    if (!upn) throw new Error(`no userPrincipalName for ${event.person.employeeId}`);
    const disabled = await ctx.http.fetch(`https://graph.microsoft.com/v1.0/users/${upn}`, {
      method: 'PATCH',
      auth: { bearer: 'GRAPH_TOKEN' },
      body: { accountEnabled: false },
    });
    if (!disabled.ok) throw new Error(`Graph answered HTTP ${disabled.status}; nothing was posted`);
    // A placeholder the host replaces with the webhook path at egress, for hooks.slack.com only.
    const path = await ctx.secrets.get('SLACK_WEBHOOK_PATH');
    const { firstName, lastName } = event.person;
    const posted = await ctx.http.fetch(`https://hooks.slack.com/services/${path}`, {
      method: 'POST',
      body: { text: `${firstName} ${lastName} (${upn}) left; account disabled` },
    });
    if (!posted.ok) throw new Error(`the account is disabled, but Slack answered HTTP ${posted.status}`);
    return { disabled: true, notified: true };
  },
});
