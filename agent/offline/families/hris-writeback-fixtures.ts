// Fixtures for the hris-writeback family, derived from the parameters: the stated value reaches the
// stated BambooHR field of the stated company, nothing is sent for a missing or malformed value, and
// every refusal names the status without the API key.

import type { FixtureHttpEntry, FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { joinedEvent } from '../fixture-builders.ts';
import { basicAuthorization, bambooUrl, expectedOutput, expectedValue, type HrisWritebackParams } from './hris-writeback-reference.ts';

const API_KEY = 'test-bamboohr-key-5Ru8';
const ACCOUNT = { username: 'jsmith', email: 'john.smith@example.com', userPrincipalName: 'john.smith@corp.example.com' };

interface Scenario {
  name: string;
  who?: Partial<Person>;
  account?: Record<string, string>;
  response?: { status: number; headers?: Record<string, string>; body?: string };
  error?: string;
}

/** Worked examples are addresses the admin expects written back as they are (lower-cased if asked). */
export function hrisWritebackFixtures(params: HrisWritebackParams, examples: Array<{ input: string; output: string }> = []): FixtureTest[] {
  const source = `event.account.${params.valueFrom}`;
  const others = Object.fromEntries(Object.entries(ACCOUNT).filter(([key]) => key !== params.valueFrom));
  const shapeCase: Scenario = params.valueFrom === 'username'
    ? { name: 'a username with a space is refused before BambooHR is called', account: { ...ACCOUNT, username: 'j smith' } }
    : { name: `a ${params.valueFrom} that is not an email address is refused before BambooHR is called`, account: { ...ACCOUNT, [params.valueFrom]: 'john.smith' } };
  const scenarios: Scenario[] = [
    { name: `writes ${source} to ${params.emailField} in ${params.companyDomain} with Basic auth (API key as user, x as password)`, response: { status: 200 } },
    { name: `the value is trimmed${params.lowerCase ? ' and lower-cased' : ''} before it is written`, account: { ...ACCOUNT, [params.valueFrom]: params.valueFrom === 'username' ? '  JSmith ' : '  John.Smith@Example.com ' }, response: { status: 200 } },
    { name: 'the personal email is never written or returned', who: { personalEmail: 'johnny1987@gmail.com' }, response: { status: 200 } },
    { name: 'the employee id is trimmed in the URL', who: { employeeId: ' 4021 ' }, response: { status: 200 } },
    { name: 'no account yet: error, nothing sent', account: {} },
    { name: `an account without ${params.valueFrom} is an error; no other field is used instead`, account: others },
    shapeCase,
    { name: "404 with BambooHR's error header: the error names the status and the reason", response: { status: 404, headers: { 'X-BambooHR-Error-Message': 'Employee not found' } }, error: 'HTTP 404 Employee not found' },
    { name: '401 (bad API key) is an error naming the status', response: { status: 401, body: `Invalid API key ${API_KEY}` }, error: 'HTTP 401' },
    { name: '403 (the key may not write the field) is an error', response: { status: 403, headers: { 'X-BambooHR-Error-Message': 'You do not have access to this field' } }, error: 'HTTP 403' },
    { name: '400 (value rejected) is an error', response: { status: 400, headers: { 'X-BambooHR-Error-Message': 'Invalid value' } }, error: 'HTTP 400 Invalid value' },
    { name: '500 is an error naming the employee', response: { status: 500, body: 'Internal Server Error' }, error: 'did not update employee' },
    ...examples.map((example, index) => ({
      name: `example ${index + 1} from the requirement: ${example.input} → ${example.output}`,
      who: { firstName: example.input.split(/\s+/)[0]!, lastName: example.input.split(/\s+/).slice(1).join(' ') },
      account: { ...ACCOUNT, [params.valueFrom]: example.output },
      response: { status: 200 },
    })),
  ];
  return scenarios.map((scenario, index) => fixtureOf(params, scenario, index));
}

function fixtureOf(params: HrisWritebackParams, scenario: Scenario, index: number): FixtureTest {
  const account = scenario.account ?? ACCOUNT;
  const event = joinedEvent({ employeeId: '123', ...scenario.who }, Object.keys(account).length > 0 ? { account } : {}, `evt-${index + 1}`);
  // The schema's person type is open (extra fields allowed); a Person is one.
  const input = { ...event, type: params.trigger } as unknown as FixtureTest['input'];
  const employeeId = input.person.employeeId;
  const expected = expectedValue(params, account);
  const http: FixtureHttpEntry[] = [];
  const calls: NonNullable<FixtureTest['expect']>['calls'] = [];
  if ('value' in expected && scenario.response) {
    const url = bambooUrl(params, employeeId);
    const { status, headers, body } = scenario.response;
    http.push({ request: { method: 'POST', url }, response: { status, ...(headers ? { headers } : {}), ...(body ? { body } : {}) } });
    calls.push({ method: 'POST', url, headers: { authorization: basicAuthorization(API_KEY), 'content-type': 'application/json' }, body: { [params.emailField]: expected.value } });
  }
  const secrets = [API_KEY, basicAuthorization(API_KEY).slice('Basic '.length)];
  const error = 'error' in expected ? expected.error : scenario.error;
  const personal = input.person.personalEmail ? [input.person.personalEmail] : [];
  return {
    name: scenario.name,
    input,
    secrets: { BAMBOOHR_API_KEY: API_KEY },
    ...(http.length > 0 ? { http } : {}),
    expect: {
      ...(error ? { error } : { output: expectedOutput(params, employeeId, (expected as { value: string }).value) }),
      calls,
      logsExclude: [...secrets, ...personal],
      ...(error ? {} : { outputExclude: [...secrets, ...personal] }),
    },
  } as FixtureTest;
}
