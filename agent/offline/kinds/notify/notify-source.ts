// The function generated from a notification rule: the rule as its parameter block, then one reviewed
// body that sends the message over the rule's channel. Only the block varies.

import { PARAMS_END, PARAMS_START } from '../../../templates/index.ts';
import type { NotifyRule } from './notify-rule.ts';

export function notifySource(rule: NotifyRule): string {
  const host = new URL(rule.url).host;
  const definition = [
    'export default defineFunction({',
    '  name: PARAMS.functionName,',
    `  description: 'Sends one ${rule.channel} message${rule.recipient === 'manager' ? ' to the manager' : ''} when someone joins.',`,
    "  trigger: 'user.joined',",
    `  egress: ['${host}'],`,
    `  secrets: [{ name: '${rule.secret}', hosts: ['${host}'] }],`,
  ].join('\n');
  return [HEADER, PARAMS_START, `const PARAMS: Params = ${JSON.stringify(rule, null, 2)};`, PARAMS_END, HELPERS, definition, RUN].join('\n');
}

const HEADER = `import { defineFunction, type LifecycleEvent } from '@joinery/sdk';

/** The notification rule this function was generated from. */
interface Params {
  functionName: string;
  channel: 'slack' | 'sendgrid' | 'graph';
  url: string;
  secret: string;
  from: string;
  recipient: 'manager' | 'channel';
  fallbackRecipient: string;
  subject: string;
  text: string;
  skipTypes: string[];
  skipOutput: Record<string, unknown>;
  successStatus: number;
  output: Record<string, unknown>;
}
`;

const HELPERS = `
/** A template with <placeholders> filled from the event; a value that is missing is left empty. */
function fill(template: string, event: LifecycleEvent): string {
  const person = event.person;
  const values: Record<string, string | null | undefined> = {
    firstName: person.firstName,
    lastName: person.lastName,
    preferredName: person.preferredName,
    department: person.department,
    title: person.title,
    location: person.location,
    startDate: person.startDate,
    employeeId: person.employeeId,
    managerEmail: person.managerEmail,
    name: \`\${person.preferredName?.trim() || person.firstName} \${person.lastName}\`,
    'event.account.username': event.account?.username,
    'event.account.email': event.account?.email,
  };
  return template.replace(/<([\\w.]+)>/g, (_match, key: string) => values[key] ?? '');
}

function message(event: LifecycleEvent, recipient: string): unknown {
  const text = fill(PARAMS.text, event);
  const subject = fill(PARAMS.subject, event);
  if (PARAMS.channel === 'slack') return { text };
  if (PARAMS.channel === 'sendgrid') {
    return { personalizations: [{ to: [{ email: recipient }] }], from: { email: PARAMS.from }, subject, content: [{ type: 'text/plain', value: text }] };
  }
  const message = { subject, body: { contentType: 'Text', content: text }, toRecipients: [{ emailAddress: { address: recipient } }] };
  return { message, saveToSentItems: false };
}
`;

const RUN = `  async run(event, ctx) {
    const person = event.person;
    // 1. People the rule skips get nothing, and nothing is called.
    if (PARAMS.skipTypes.includes(person.employmentType)) {
      ctx.log.info('no message for this employment type', { employmentType: person.employmentType });
      return PARAMS.skipOutput;
    }
    // 2. Who gets it: the manager, or the fallback address when there is none.
    let recipient = '';
    if (PARAMS.recipient === 'manager') {
      recipient = person.managerEmail?.trim() || PARAMS.fallbackRecipient;
      if (!recipient) throw new Error(\`\${person.firstName} \${person.lastName} has no manager email to send the message to\`);
    }
    // 3. Send it; the secret is added by the host at egress and never logged.
    const url = PARAMS.channel === 'slack' ? PARAMS.url + (await ctx.secrets.get(PARAMS.secret)) : PARAMS.url;
    const response = await ctx.http.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: message(event, recipient),
      ...(PARAMS.channel === 'slack' ? {} : { auth: { bearer: PARAMS.secret } }),
    });
    if (response.status !== PARAMS.successStatus) {
      throw new Error(\`the \${PARAMS.channel} message was not delivered: it answered \${response.status}, not \${PARAMS.successStatus}\`);
    }
    ctx.log.info('message sent', { channel: PARAMS.channel, recipient: recipient || 'the channel' });
    return Object.fromEntries(Object.entries(PARAMS.output).map(([key, value]) => [key, value === '<recipient>' ? recipient : value]));
  },
});
`;
