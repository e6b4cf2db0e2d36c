// What the notification phrases read: one message to one channel (a Slack incoming webhook, SendGrid, or
// Microsoft Graph sendMail), who gets it, who is skipped, what it says, and what counts as delivered. It is
// the reading's working form, not a rule: notify-action.ts turns it into a one-step HTTP action rule, and
// the function and fixtures come from that rule (kinds/http-action).
//
// Texts are templates with placeholders: <firstName> <lastName> <preferredName> <department> <title>
// <location> <startDate> <employeeId> <managerEmail>, <name> (the preferred name, else the first name,
// then the last name), and <event.account.username> / <event.account.email>.

import type { HttpActionRule } from '../http-action/http-action-rule.ts';

export type NotifyChannel = 'slack' | 'sendgrid' | 'graph';

export interface NotifyReading {
  functionName: string;
  channel: NotifyChannel;
  /** The endpoint; for Slack the webhook base, the path coming from `secret`. */
  url: string;
  /** Slack: the secret holding the webhook path; SendGrid and Graph: the bearer token's secret. */
  secret: string;
  /** SendGrid's sender address. */
  from: string;
  /** "manager": the person's manager; "channel": the Slack channel the webhook posts to. */
  recipient: 'manager' | 'channel';
  /** Where the message goes when there is no manager; "" makes a missing manager an error. */
  fallbackRecipient: string;
  subject: string;
  text: string;
  /** Employment types that get no message; the function returns `skipOutput` for them and calls nothing. */
  skipTypes: string[];
  skipOutput: Record<string, unknown>;
  /** The status that means delivered (Slack 200, SendGrid 202, Graph 202). */
  successStatus: number;
  /** What the function returns; a value "<recipient>" is the address the message went to. */
  output: Record<string, unknown>;
}

/** The params while reading: the rule's defaults (http-action's form) with the reading's fields written next to them. */
export type NotifyParams = HttpActionRule & Partial<NotifyReading>;

export const PLACEHOLDERS = [
  'firstName', 'lastName', 'preferredName', 'department', 'title', 'location', 'startDate', 'employeeId', 'managerEmail', 'name',
  'event.account.username', 'event.account.email',
];

/** The reading before the text says anything. */
export const READING_DEFAULTS: NotifyReading = {
  functionName: 'notify-manager',
  channel: 'slack',
  url: 'https://hooks.slack.com/services/',
  secret: 'SLACK_WEBHOOK_PATH',
  from: '',
  recipient: 'manager',
  fallbackRecipient: '',
  subject: 'New starter: <name>',
  text: '<name> starts on <startDate>.',
  skipTypes: [],
  skipOutput: { notified: false },
  successStatus: 200,
  output: { notified: true },
};
