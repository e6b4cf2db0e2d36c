// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-notify-slack-new-joiners.

export default defineFunction({
  name: 'fresh-notify-slack-new-joiners',
  description: 'Posts each joiner but interns to #new-joiners through a Slack incoming webhook.',
  trigger: 'user.joined',
  egress: ['hooks.slack.com'],
  secrets: [{ name: 'SLACK_NEWJOINERS_PATH', hosts: ['hooks.slack.com'] }],
  async run(event, ctx) {
    const { person } = event;
    if (person.employmentType === 'intern') return { posted: false };
    const path = await ctx.secrets.get('SLACK_NEWJOINERS_PATH');
    const response = await ctx.http.fetch(`https://hooks.slack.com/services/${path}`, {
      method: 'POST',
      body: { text: `${person.firstName} ${person.lastName} joins ${person.department} on ${person.startDate}` },
    });
    if (response.status !== 200) throw new Error(`Slack answered HTTP ${response.status}`);
    return { posted: true };
  },
});
