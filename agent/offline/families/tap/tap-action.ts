// A Temporary Access Pass as a two-step HTTP action rule: Graph's temporaryAccessPassMethods for the
// person's UPN (escaped in the path, '@' kept), then the pass to the manager through a Slack incoming
// webhook whose path is a secret. The pass is a sensitive answer field: it goes into the Slack message
// and nowhere else (never a log line, the output or an error). The function, the reference and the
// fixtures are http-action's; templates/tap is the same rule written by hand.

import type { HttpActionRule } from '../../kinds/http-action/http-action-rule.ts';

/** What the tap phrases read (the tap template's parameters). */
export interface TapParams {
  functionName: string;
  trigger: 'user.joined' | 'manual';
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** "" makes the pass valid at once; "08:00:00Z" makes it valid from that time on the start date. */
  startTimeOnStartDate: string;
}

/** The params while reading: the rule's defaults (http-action's form) with the pass's parameters written next to them. */
export type TapReading = HttpActionRule & Partial<TapParams>;

/** The reading before the text says anything: the tap template's parameters (a test keeps them equal). */
export const TAP_READING_DEFAULTS: TapParams = {
  functionName: 'issue-tap-to-manager',
  trigger: 'user.joined',
  lifetimeInMinutes: 480,
  isUsableOnce: true,
  startTimeOnStartDate: '',
};

const REUSABLE = 'reusable until it expires';

/** The manager's message: who the pass is for, how to hand it over, the pass, what Graph granted. */
function slackText(tap: TapParams): string {
  return [
    'Temporary Access Pass for <name> (<upn>), starting <startDate>.',
    'For their manager <managerEmail>: hand it over in person or by phone, never by email.',
    'Pass: <steps.1.temporaryAccessPass>',
    // Graph refuses a usability the tenant policy does not allow, so the one asked for is the one granted.
    `Valid for <steps.1.lifetimeInMinutes> minutes from <steps.1.startDateTime|the moment it was issued>, ${tap.isUsableOnce ? 'single use' : REUSABLE}.`,
  ].join('\n');
}

/** The rule; its trigger is the pass's own (never a leaver's), so it is a reading's defaults too. */
export function tapAction(tap: TapParams): HttpActionRule & Pick<TapParams, 'trigger'> {
  const body: Record<string, unknown> = { lifetimeInMinutes: tap.lifetimeInMinutes, isUsableOnce: tap.isUsableOnce };
  // A pass issued days ahead is still valid on day 1: it starts at that time on the start date.
  if (tap.startTimeOnStartDate !== '') body.startDateTime = `<startDate>T${tap.startTimeOnStartDate}`;
  return {
    functionName: tap.functionName,
    trigger: tap.trigger,
    when: [],
    skipOutput: { skipped: true },
    steps: [
      {
        when: [],
        method: 'POST',
        // Creating a pass deletes the user's previous one, so a re-run is safe.
        url: 'https://graph.microsoft.com/v1.0/users/<upn>/authentication/temporaryAccessPassMethods',
        auth: { scheme: 'bearer', secret: 'GRAPH_TOKEN' },
        body,
        successStatus: 201,
        requires: ['temporaryAccessPass'],
        sensitive: ['temporaryAccessPass'],
        failureMessage: 'Microsoft Graph refused the Temporary Access Pass for <upn>',
      },
      {
        when: [],
        method: 'POST',
        url: 'https://hooks.slack.com/services/<secrets.SLACK_WEBHOOK_PATH>',
        auth: { scheme: 'none' },
        body: { text: slackText(tap) },
        successStatus: 200,
        requires: [],
        sensitive: [],
        failureMessage: 'the Temporary Access Pass for <upn> was issued but not delivered (re-run to issue a new one: it replaces this one)',
      },
    ],
    tables: [],
    // What Graph granted: the tenant policy may differ from what was asked.
    output: {
      tapIssued: true,
      delivered: 'slack',
      lifetimeInMinutes: '<steps.1.lifetimeInMinutes>',
      isUsableOnce: '<steps.1.isUsableOnce>',
      userPrincipalName: '<upn>',
    },
  };
}

/** The rule before the text says anything. */
export const TAP_DEFAULTS: TapReading = tapAction(TAP_READING_DEFAULTS);
