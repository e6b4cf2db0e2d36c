import { defineFunction, type FetchResponse, type Person } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** "user.joined" issues the pass when the joiner event arrives; "manual" when an admin runs it (a re-issue). */
  trigger: 'user.joined' | 'manual';
  /** How long the pass is valid, in minutes; Graph accepts 10..43200 (30 days), within the tenant policy. */
  lifetimeInMinutes: number;
  /** One sign-in only; multi-use passes work only if the tenant policy allows them. */
  isUsableOnce: boolean;
  /** "" makes the pass valid at once; a time such as "08:00:00Z" makes it valid from that time on the start date. */
  startTimeOnStartDate: string;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "issue-tap-to-manager",
  "trigger": "user.joined",
  "lifetimeInMinutes": 480,
  "isUsableOnce": true,
  "startTimeOnStartDate": ""
};
/* joinery:params:end */

const GRAPH_USERS = 'https://graph.microsoft.com/v1.0/users/';
const SLACK_WEBHOOKS = 'https://hooks.slack.com/services/';

function checkParams(): void {
  const { lifetimeInMinutes, startTimeOnStartDate } = PARAMS;
  if (!Number.isInteger(lifetimeInMinutes) || lifetimeInMinutes < 10 || lifetimeInMinutes > 43200) {
    throw new Error(`lifetimeInMinutes must be a whole number from 10 to 43200 (Graph's limits), got ${lifetimeInMinutes}`);
  }
  if (startTimeOnStartDate !== '' && !/^\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/.test(startTimeOnStartDate)) {
    throw new Error(`startTimeOnStartDate must be "" or a time with its offset such as "08:00:00Z", got ${JSON.stringify(startTimeOnStartDate)}`);
  }
}

/** '@' may stay in a path segment; '#' (guest UPNs: ...#EXT#@...) and the rest must be escaped. */
function userSegment(userPrincipalName: string): string {
  return encodeURIComponent(userPrincipalName).replace(/%40/g, '@');
}

/**
 * "HTTP 403 Authorization_RequestDenied: ..." from a Graph error body; the start of any other body. The pass
 * is cut out in case an upstream echoes it. Secrets need no such care: the function never holds them (the
 * host adds them at egress and cuts them out of responses).
 */
async function describeFailure(response: FetchResponse, pass = ''): Promise<string> {
  const text = await response.text();
  let detail = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
    if (body.error?.code) detail = `${body.error.code}: ${body.error.message ?? ''}`;
  } catch {
    // Not JSON (a gateway page, Slack's plain "no_service"): the start of the text is the detail.
  }
  const message = `HTTP ${response.status}${detail.trim() ? ` ${detail.trim()}` : ''}`;
  return pass === '' ? message : message.split(pass).join('[redacted]');
}

function slackText(person: Person, userPrincipalName: string, pass: string, validity: string): string {
  const name = `${person.preferredName?.trim() || person.firstName} ${person.lastName}`;
  return [
    `Temporary Access Pass for ${name} (${userPrincipalName}), starting ${person.startDate}.`,
    `For their manager ${person.managerEmail?.trim()}: hand it over in person or by phone, never by email.`,
    `Pass: ${pass}`,
    validity,
  ].join('\n');
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Issues an Entra Temporary Access Pass (${PARAMS.lifetimeInMinutes} min, ${PARAMS.isUsableOnce ? 'single use' : 'multi-use'}) through Microsoft Graph and sends it to the manager through a Slack webhook; the pass is never logged or returned.`,
  trigger: PARAMS.trigger,
  egress: ['graph.microsoft.com', 'hooks.slack.com'],
  // Each secret goes to its own host only. SLACK_WEBHOOK_PATH is the part after /services/ (T000/B000/XXXX).
  secrets: [{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com'] }, { name: 'SLACK_WEBHOOK_PATH', hosts: ['hooks.slack.com'] }],
  async run(event, ctx) {
    // 1. Everything that can be known wrong is checked before a pass exists.
    checkParams();
    const { person } = event;
    const userPrincipalName = event.account?.userPrincipalName?.trim() ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(userPrincipalName)) {
      throw new Error(`cannot issue a Temporary Access Pass for ${person.employeeId}: event.account.userPrincipalName is missing or not a UPN (the account must exist first)`);
    }
    if (!person.managerEmail?.trim()) {
      throw new Error(`cannot deliver a Temporary Access Pass for ${person.employeeId}: the person has no managerEmail`);
    }
    // A placeholder: the host puts the webhook path into the URL at egress, for hooks.slack.com only.
    const slackPath = await ctx.secrets.get('SLACK_WEBHOOK_PATH');

    // 2. Issue the pass. Creating one deletes the user's previous pass, so a re-run is safe.
    const body: Record<string, unknown> = { lifetimeInMinutes: PARAMS.lifetimeInMinutes, isUsableOnce: PARAMS.isUsableOnce };
    if (PARAMS.startTimeOnStartDate !== '') body.startDateTime = `${person.startDate}T${PARAMS.startTimeOnStartDate}`;
    const issued = await ctx.http.fetch(`${GRAPH_USERS}${userSegment(userPrincipalName)}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      auth: { bearer: 'GRAPH_TOKEN' },
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    if (issued.status !== 201) {
      throw new Error(`Microsoft Graph refused the Temporary Access Pass for ${userPrincipalName}: ${await describeFailure(issued)}`);
    }
    const method = (await issued.json()) as { id?: string; temporaryAccessPass?: string | null; lifetimeInMinutes?: number; isUsableOnce?: boolean; startDateTime?: string };
    const pass = method.temporaryAccessPass;
    if (typeof pass !== 'string' || pass === '') throw new Error('Microsoft Graph answered 201 without a temporaryAccessPass');
    const lifetimeInMinutes = method.lifetimeInMinutes ?? PARAMS.lifetimeInMinutes;
    const isUsableOnce = method.isUsableOnce ?? PARAMS.isUsableOnce;
    ctx.log.info('Temporary Access Pass issued', { userPrincipalName, methodId: method.id, lifetimeInMinutes, isUsableOnce });

    // 3. Deliver it. The pass goes into this one request body and nowhere else.
    const from = method.startDateTime ?? body.startDateTime;
    const validity = `Valid for ${lifetimeInMinutes} minutes${typeof from === 'string' ? ` from ${from}` : ''}, ${isUsableOnce ? 'single use' : 'reusable until it expires'}.`;
    const delivered = await ctx.http.fetch(`${SLACK_WEBHOOKS}${slackPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: { text: slackText(person, userPrincipalName, pass, validity) },
    });
    if (!delivered.ok) {
      throw new Error(`the Temporary Access Pass for ${userPrincipalName} was issued but not delivered: the Slack webhook answered ${await describeFailure(delivered, pass)}; re-run to issue a new pass (it replaces this one)`);
    }
    ctx.log.info('Temporary Access Pass sent to the manager through Slack', { userPrincipalName, manager: person.managerEmail });
    return { tapIssued: true, delivered: 'slack', lifetimeInMinutes, isUsableOnce, userPrincipalName };
  },
});
