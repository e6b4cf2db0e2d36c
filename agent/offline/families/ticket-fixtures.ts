// Fixtures for the ticket family, derived from the parameters: each stated department gets its hardware
// profile and each stated location its queue, everyone else the defaults, keys compare loosely, and every
// answer but 201 with a number is an error that never shows the token.

import type { FixtureHttpEntry, FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { joinedEvent, person } from '../fixture-builders.ts';
import { expectedTicket, recordNumber, ticketUrl, type TicketParams } from './ticket-reference.ts';

const TOKEN = 'test-servicenow-token-Zx4';
const SYS_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

interface Scenario {
  name: string;
  who: Partial<Person>;
  response?: { status: number; body: unknown };
  error?: string;
}

/** A department and a location no table lists. */
function unlisted(table: Record<string, string>, candidates: string[]): string {
  const taken = new Set(Object.keys(table).map((key) => key.trim().toLowerCase()));
  return candidates.find((candidate) => !taken.has(candidate.toLowerCase()))!;
}

export function ticketFixtures(params: TicketParams): FixtureTest[] {
  const departments = Object.keys(params.hardwareProfilesByDepartment).slice(0, 3);
  const locations = Object.keys(params.assignmentGroupsByLocation).slice(0, 3);
  // The template's example keys come first: a table merged with them instead of replaced is caught.
  const otherDepartment = unlisted(params.hardwareProfilesByDepartment, ['Design', 'Sales', 'Engineering', 'Facilities', 'Procurement', 'Legal Operations']);
  const otherLocation = unlisted(params.assignmentGroupsByLocation, ['Berlin', 'New York', 'London', 'Lisbon', 'Reykjavik', 'Nairobi']);
  const someLocation = locations[0] ?? otherLocation;
  const someDepartment = departments[0] ?? otherDepartment;
  const scenarios: Scenario[] = [
    ...departments.map((department) => ({ name: `${department} gets its hardware profile`, who: { department, location: someLocation, title: 'Analyst' } })),
    ...locations.map((location) => ({ name: `a joiner in ${location} goes to its queue`, who: { department: someDepartment, location, title: 'Analyst' } })),
    { name: 'an unlisted department and location get the default profile and queue', who: { department: otherDepartment, location: otherLocation, title: 'Coordinator' } },
    { name: 'no location, title or manager: the default queue, and the gaps written as (not set)', who: { department: someDepartment, location: null, title: null, managerEmail: null } },
    { name: 'department and location compare case-insensitively after trimming', who: { department: ` ${someDepartment.toUpperCase()} `, location: ` ${someLocation.toLowerCase()} `, title: 'Engineer' } },
    { name: 'the preferred name is used in the ticket', who: { firstName: 'William', preferredName: 'Bill', lastName: 'Ødegård', department: someDepartment, location: someLocation } },
    { name: '401 is an error naming the status, without the token', who: {}, response: { status: 401, body: { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' } }, error: 'HTTP 401' },
    { name: '403 (ACL denies the insert) is an error', who: {}, response: { status: 403, body: { error: { message: 'Operation Failed', detail: 'ACL Exception Insert Failed due to security constraints' }, status: 'failure' } }, error: 'HTTP 403' },
    { name: '500 with an HTML page is an error', who: {}, response: { status: 500, body: '<html><body>Internal error</body></html>' }, error: `did not create the ${params.table}` },
    { name: '200 with an SSO login page is not a created ticket', who: {}, response: { status: 200, body: '<html><title>Login</title></html>' }, error: 'HTTP 200' },
    { name: '201 without a number is an error, not a ticket called undefined', who: {}, response: { status: 201, body: { result: { sys_id: SYS_ID } } }, error: 'without result.number' },
  ];
  return scenarios.map((scenario, index) => fixtureOf(params, scenario, index));
}

function fixtureOf(params: TicketParams, scenario: Scenario, index: number): FixtureTest {
  const who = person({ location: 'London', title: 'Software Engineer', managerEmail: 'jane.doe@example.com', ...scenario.who });
  const eventId = `evt-${index + 1}`;
  const expected = expectedTicket(params, who, eventId);
  const number = recordNumber(params.table, index + 1);
  const url = ticketUrl(params);
  const response = scenario.response ?? { status: 201, body: { result: { number, sys_id: SYS_ID } } };
  const http: FixtureHttpEntry[] = [{ request: { method: 'POST', url }, response: response as FixtureHttpEntry['response'] }];
  return {
    name: scenario.name,
    // The schema's person type is open (extra fields allowed); a Person is one.
    input: joinedEvent(who, {}, eventId) as unknown as FixtureTest['input'],
    secrets: { SERVICENOW_TOKEN: TOKEN },
    http,
    expect: {
      ...(scenario.error ? { error: scenario.error } : { output: { ticket: number, sysId: SYS_ID, assignmentGroup: expected.assignmentGroup, hardwareProfile: expected.hardwareProfile } }),
      calls: [{ method: 'POST', url, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: expected.body }],
      logsExclude: [TOKEN],
      ...(scenario.error ? {} : { outputExclude: [TOKEN] }),
    },
  } as FixtureTest;
}
