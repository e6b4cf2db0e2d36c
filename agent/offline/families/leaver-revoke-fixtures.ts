// Fixtures for the leaver-revoke family: when access goes relative to the last day, the Graph calls in
// order with the bearer token, Graph's failures, and the token kept out of logs and output. Expected
// values come from the reference, not from the template.

import type { FixtureTest } from '../../../core/fixtures/index.ts';
import { person } from '../fixture-builders.ts';
import { addDays, decideLeaver, type LeaverEvent, type LeaverRevokeParams } from './leaver-revoke-reference.ts';

const GRAPH = 'https://graph.microsoft.com/v1.0/users/';
const TOKEN = 'test-graph-token-Q7vx';
const LAST_DAY = '2026-12-31';
const UPN = 'john.smith@example.com';

interface Scenario {
  name: string;
  occurredOn: string;
  lastDay?: string | null;
  account?: LeaverEvent['account'] | null;
  /** Graph's answers to the PATCH and the POST; 204 and 200 when absent. */
  disableStatus?: number;
  revokeStatus?: number;
  errorCode?: string;
}

function scenariosFor(p: LeaverRevokeParams): Scenario[] {
  const firstDay = addDays(LAST_DAY, p.daysAfterLastDay)!;
  const scenarios: Scenario[] = [
    { name: `after the last day (${firstDay} or later) access goes`, occurredOn: addDays(firstDay, 2)! },
    { name: 'on the last day itself', occurredOn: LAST_DAY },
    { name: 'two weeks before the last day', occurredOn: '2026-12-17' },
    { name: 'no lastDay on the event', occurredOn: '2026-12-17', lastDay: null },
    { name: 'a guest UPN with #EXT# is escaped in the path, the @ kept', occurredOn: firstDay, account: { userPrincipalName: 'ann_partner.com#EXT#@example.onmicrosoft.com' } },
    { name: 'no account on the event: an error, nothing called', occurredOn: firstDay, account: null },
    { name: 'an email but no UPN: an error, the UPN is not guessed', occurredOn: firstDay, account: { email: UPN } },
    { name: p.missingUser === 'skip' ? '404 on disable: the user is already gone, nothing else happens' : '404 on disable is an error and nothing is revoked', occurredOn: firstDay, disableStatus: 404, errorCode: 'Request_ResourceNotFound' },
    { name: '403 on disable is an error naming the code, never the token', occurredOn: firstDay, disableStatus: 403, errorCode: 'Authorization_RequestDenied' },
    { name: '429 (throttled) on disable is an error', occurredOn: firstDay, disableStatus: 429, errorCode: 'TooManyRequests' },
  ];
  if (p.daysAfterLastDay > 0) scenarios.splice(1, 0, { name: 'the day before access may go', occurredOn: addDays(LAST_DAY, p.daysAfterLastDay - 1)! });
  if (p.revokeSessions) scenarios.push({ name: 'disabled, but revoking the sessions fails with 500', occurredOn: firstDay, revokeStatus: 500, errorCode: 'ServiceUnavailable' });
  if (p.deferUntilLastDay) scenarios.push({ name: 'a lastDay that is not a date is an error', occurredOn: firstDay, lastDay: '2026-02-30' });
  return scenarios;
}

function expectFor(p: LeaverRevokeParams, scenario: Scenario, event: LeaverEvent): { http: FixtureTest['http']; expect: NonNullable<FixtureTest['expect']> } {
  const secret = { logsExclude: [TOKEN], outputExclude: [TOKEN] };
  const decision = decideLeaver(p, event);
  const lastDay = event.lastDay ?? null;
  if (decision.kind === 'refuse') return { http: [], expect: { error: decision.error, calls: [], ...secret } };
  if (decision.kind === 'wait') return { http: [], expect: { output: { disabled: false, sessionsRevoked: false, deferred: true, lastDay, revokeOn: decision.revokeOn }, calls: [], ...secret } };
  const user = `${GRAPH}${decision.path}`;
  const disable = { method: 'PATCH', url: user, headers: { authorization: `Bearer ${TOKEN}` }, body: { accountEnabled: false } };
  const revoke = { method: 'POST', url: `${user}/revokeSignInSessions`, headers: { authorization: `Bearer ${TOKEN}` } };
  const failure = (status: number) => ({ status, body: { error: { code: scenario.errorCode ?? 'Error', message: 'as Graph says it' } } });
  const http: NonNullable<FixtureTest['http']> = [{ request: { method: 'PATCH', url: user }, response: scenario.disableStatus ? failure(scenario.disableStatus) : { status: 204 } }];
  if (scenario.disableStatus === 404 && p.missingUser === 'skip') {
    return { http, expect: { output: { disabled: false, sessionsRevoked: false, notFound: true, userPrincipalName: decision.userPrincipalName }, calls: [disable], ...secret } };
  }
  if (scenario.disableStatus === 404) return { http, expect: { error: 'no Entra user', calls: [disable], ...secret } };
  if (scenario.disableStatus) return { http, expect: { error: `HTTP ${scenario.disableStatus} ${scenario.errorCode}`, calls: [disable], ...secret } };
  if (!p.revokeSessions) return { http, expect: { output: { disabled: true, sessionsRevoked: false, lastDay, userPrincipalName: decision.userPrincipalName }, calls: [disable], ...secret } };
  http.push({ request: { method: 'POST', url: revoke.url }, response: scenario.revokeStatus ? failure(scenario.revokeStatus) : { status: 200, body: { value: true } } });
  if (scenario.revokeStatus) return { http, expect: { error: 'is disabled, but Microsoft Graph did not revoke the sign-in sessions', calls: [disable, revoke], ...secret } };
  return { http, expect: { output: { disabled: true, sessionsRevoked: true, lastDay, userPrincipalName: decision.userPrincipalName }, calls: [disable, revoke], ...secret } };
}

export function leaverFixtures(p: LeaverRevokeParams): FixtureTest[] {
  return scenariosFor(p).map((scenario, index) => {
    const lastDay = scenario.lastDay === undefined ? LAST_DAY : scenario.lastDay;
    const account = scenario.account === undefined ? { username: 'jsmith', email: UPN, userPrincipalName: UPN } : scenario.account;
    const event = {
      type: 'user.left',
      id: `evt-${index + 1}`,
      occurredAt: `${scenario.occurredOn}T17:30:00Z`,
      person: person({ endDate: lastDay }),
      ...(account ? { account } : {}),
      ...(lastDay ? { lastDay } : {}),
    };
    const { http, expect } = expectFor(p, scenario, event);
    return { name: scenario.name, input: event, secrets: { [p.tokenSecret]: TOKEN }, ...(http && http.length > 0 ? { http } : {}), expect } as FixtureTest;
  });
}
