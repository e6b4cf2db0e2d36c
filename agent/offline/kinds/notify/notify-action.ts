// A notification as a one-step HTTP action rule: the channel's endpoint (a Slack webhook's path from its
// secret), its credential and body, the skipped employment types as the rule's condition, and the
// recipient as the manager's address or, when there is none, the fallback one. The function, the reference
// and the fixtures are http-action's.

import type { HttpActionRule, HttpStep } from '../http-action/http-action-rule.ts';
import { READING_DEFAULTS, type NotifyReading } from './notify-reading.ts';

/** The reading's placeholder names that http-action spells otherwise. */
const RENAMED: Record<string, string> = { 'event.account.username': 'username', 'event.account.email': 'accountEmail' };

const renamed = (text: string) => text.replace(/<([\w.]+)>/g, (whole, name: string) => (RENAMED[name] ? `<${RENAMED[name]}>` : whole));

/** Where the message goes: the manager (trimmed, else the fallback address), or "" for a Slack channel. */
function recipientOf(reading: NotifyReading): string {
  if (reading.recipient !== 'manager') return '';
  return reading.fallbackRecipient ? `<managerEmail|${reading.fallbackRecipient}>` : '<managerEmail>';
}

/** The body each channel takes. */
function bodyOf(reading: NotifyReading, recipient: string): unknown {
  const text = renamed(reading.text);
  const subject = renamed(reading.subject);
  if (reading.channel === 'slack') return { text };
  if (reading.channel === 'sendgrid') {
    return { personalizations: [{ to: [{ email: recipient }] }], from: { email: reading.from }, subject, content: [{ type: 'text/plain', value: text }] };
  }
  const message = { subject, body: { contentType: 'Text', content: text }, toRecipients: [{ emailAddress: { address: recipient } }] };
  return { message, saveToSentItems: false };
}

/** The body field that holds the text, where an example of the text is expected as written. */
export const TEXT_FIELD: Record<NotifyReading['channel'], string> = { slack: 'text', sendgrid: 'value', graph: 'content' };

export function notifyAction(reading: NotifyReading): HttpActionRule {
  const recipient = recipientOf(reading);
  const slack = reading.channel === 'slack';
  const step: HttpStep = {
    when: [],
    method: 'POST',
    url: slack ? `${reading.url}<secrets.${reading.secret}>` : reading.url,
    auth: slack ? { scheme: 'none' } : { scheme: 'bearer', secret: reading.secret },
    body: bodyOf(reading, recipient),
    successStatus: reading.successStatus,
    requires: [],
    sensitive: [],
  };
  const skipped = reading.skipTypes.length > 0 ? [{ field: 'employmentType' as const, values: reading.skipTypes, negate: true }] : [];
  return {
    functionName: reading.functionName,
    trigger: 'user.joined',
    when: skipped,
    skipOutput: reading.skipOutput,
    steps: [step],
    tables: [],
    output: Object.fromEntries(Object.entries(reading.output).map(([key, value]) => [key, value === '<recipient>' ? recipient : value])),
  };
}

/** The rule before the text says anything: a Slack post from the reading's defaults. */
export const NOTIFY_DEFAULTS: HttpActionRule = notifyAction(READING_DEFAULTS);
