// Fixtures for the tap family, derived from the parameters: the stated lifetime and usability reach Graph,
// the pass reaches the manager's Slack message and nowhere else, and every refusal happens before a pass exists.

import type { FixtureHttpEntry, FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { joinedEvent, person } from '../fixture-builders.ts';
import { graphBody, graphUrl, slackText, type Granted, type TapParams } from './tap-reference.ts';

const TOKEN = 'test-graph-token-7Hq';
const WEBHOOK = 'T0ABC123/B0DEF456/xyzWebhookSecret789';
/** The webhook URL as the host sends it: the secret put into the path at egress, percent-encoded but for "/". */
const slackUrl = (webhookPath: string) => `https://hooks.slack.com/services/${encodeURIComponent(webhookPath).replace(/%2F/gi, '/')}`;
const ISSUED_AT = '2026-11-20T09:00:01Z';

interface Scenario {
  name: string;
  who?: Partial<Person>;
  account?: Record<string, string>;
  webhookSecret?: string;
  /** What Graph answers: a granted pass, or an error status and body. */
  graph?: { granted?: Partial<Granted>; status?: number; body?: unknown };
  slackStatus?: number;
  error?: string;
  /** The startDateTime the admin's example says the request carries. */
  exampleStart?: string;
}

/** Worked examples: a start date and the moment the admin said the pass becomes valid. */
export function tapFixtures(params: TapParams, examples: Array<{ input: string; output: string }> = []): FixtureTest[] {
  const shorter = params.lifetimeInMinutes > 60 ? 60 : params.lifetimeInMinutes > 10 ? 10 : undefined;
  const scenarios: Scenario[] = [
    { name: `issues a ${params.isUsableOnce ? 'single-use' : 'multi-use'} ${params.lifetimeInMinutes}-minute pass and sends it to the manager through Slack; the pass is never logged or returned`, graph: {} },
    { name: 'the preferred name and an accented last name reach the message', who: { firstName: 'William', preferredName: 'Bill', lastName: 'Ødegård' }, graph: { granted: { pass: 'Qm4#vT9!' } } },
    ...(shorter ? [{ name: 'reports the lifetime and usability Graph granted when the tenant policy differs', graph: { granted: { lifetimeInMinutes: shorter, isUsableOnce: true } } }] : []),
    { name: 'a guest UPN with #EXT# is escaped in the Graph path, the @ kept', account: { userPrincipalName: 'ann_contoso.com#EXT#@example.onmicrosoft.com' }, graph: {} },
    { name: params.startTimeOnStartDate ? `the pass becomes valid at ${params.startTimeOnStartDate} on the start date` : 'the pass is valid from issue, whatever the start date', who: { startDate: '2027-01-04' }, graph: {} },
    { name: 'the webhook path goes into the Slack URL at egress only: the function never holds it', webhookSecret: 'T0XYZ999/B0QRS111/otherHook456', graph: {} },
    { name: 'no account yet: refused before any pass exists', account: {}, error: 'userPrincipalName is missing' },
    { name: 'an account with an email but no UPN is refused (the UPN is never guessed)', account: { email: 'john.smith@example.com' }, error: 'userPrincipalName is missing' },
    { name: 'no manager: refused before a pass is issued that nobody could receive', who: { managerEmail: null }, error: 'no managerEmail' },
    { name: 'a webhook secret that is a URL still reaches only hooks.slack.com: a secret never chooses where the pass goes', webhookSecret: 'https://evil.example.com/collect?x=1', graph: {}, slackStatus: 404, error: 'issued but not delivered' },
    { name: 'Graph 403 (missing permission) is an error naming the status, not the token', graph: { status: 403, body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } } }, error: 'HTTP 403' },
    { name: 'Graph 400 (TAP disabled by policy) is an error; nothing is sent to Slack', graph: { status: 400, body: { error: { code: 'badRequest', message: 'Temporary Access Pass is disabled for this user.' } } }, error: 'Microsoft Graph refused' },
    { name: '201 without a temporaryAccessPass is an error; nothing is sent to Slack', graph: { granted: { pass: '' } }, error: 'without a temporaryAccessPass' },
    { name: 'Slack 404 (webhook removed): issued but not delivered, the pass not in the error', graph: {}, slackStatus: 404, error: 'issued but not delivered' },
    ...examples.map((example, index) => ({ name: `example ${index + 1} from the requirement: a joiner starting ${example.input} gets a pass valid from ${example.output}`, who: { startDate: example.input }, graph: { granted: { startDateTime: example.output } }, exampleStart: example.output })),
  ];
  return scenarios.map((scenario, index) => fixtureOf(params, scenario, index));
}

function fixtureOf(params: TapParams, scenario: Scenario, index: number): FixtureTest {
  const who = person({ managerEmail: 'jane.doe@example.com', ...scenario.who });
  const account = scenario.account ?? { userPrincipalName: 'john.smith@example.com' };
  // The schema's person type is open (extra fields allowed); a Person is one.
  const input = { ...joinedEvent(who, { account }, `evt-${index + 1}`), type: params.trigger } as unknown as FixtureTest['input'];
  const userPrincipalName = account.userPrincipalName ?? '';
  const body = { ...graphBody(params, who), ...(scenario.exampleStart ? { startDateTime: scenario.exampleStart } : {}) };
  const granted: Granted = {
    pass: '+drkzqAD',
    lifetimeInMinutes: params.lifetimeInMinutes,
    isUsableOnce: params.isUsableOnce,
    startDateTime: typeof body.startDateTime === 'string' ? body.startDateTime : ISSUED_AT,
    ...scenario.graph?.granted,
  };
  const http: FixtureHttpEntry[] = [];
  const calls: NonNullable<FixtureTest['expect']>['calls'] = [];
  if (scenario.graph) {
    const answer = scenario.graph.status
      ? { status: scenario.graph.status, body: scenario.graph.body as never }
      : { status: 201, body: { id: 'c1a2b3d4-0000-4000-8000-000000000001', temporaryAccessPass: granted.pass === '' ? null : granted.pass, createdDateTime: ISSUED_AT, startDateTime: granted.startDateTime, lifetimeInMinutes: granted.lifetimeInMinutes, isUsableOnce: granted.isUsableOnce, isUsable: true, methodUsabilityReason: 'EnabledByPolicy' } };
    http.push({ request: { method: 'POST', url: graphUrl(userPrincipalName) }, response: answer });
    calls.push({ method: 'POST', url: graphUrl(userPrincipalName), headers: { authorization: `Bearer ${TOKEN}` }, body: body as never });
    if (!scenario.graph.status && granted.pass !== '') {
      const url = slackUrl(scenario.webhookSecret ?? WEBHOOK);
      http.push({ request: { method: 'POST', url }, response: { status: scenario.slackStatus ?? 200, body: scenario.slackStatus ? 'no_service' : 'ok' } });
      calls.push({ method: 'POST', url, body: { text: slackText(who, userPrincipalName, granted) } });
    }
  }
  const secretsAndPass = [TOKEN, scenario.webhookSecret ?? WEBHOOK, ...(granted.pass ? [granted.pass] : [])];
  return {
    name: scenario.name,
    input,
    secrets: { GRAPH_TOKEN: TOKEN, SLACK_WEBHOOK_PATH: scenario.webhookSecret ?? WEBHOOK },
    ...(http.length > 0 ? { http } : {}),
    expect: {
      ...(scenario.error
        ? { error: scenario.error }
        : { output: { tapIssued: true, delivered: 'slack', lifetimeInMinutes: granted.lifetimeInMinutes, isUsableOnce: granted.isUsableOnce, userPrincipalName } }),
      calls,
      logsExclude: secretsAndPass,
      ...(scenario.error ? {} : { outputExclude: secretsAndPass }),
    },
  } as FixtureTest;
}
