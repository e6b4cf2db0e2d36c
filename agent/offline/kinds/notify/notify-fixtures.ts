// Fixtures for a notification rule: the message that reaches the channel (computed here, apart from the
// generated body), the fallback and the refusals, the skipped people, a failed delivery, and the admin's
// own example text taken literally.

import type { FixtureHttpEntry, FixtureTest } from '../../../../core/fixtures/index.ts';
import type { Person } from '../../../../core/sdk/index.ts';
import { joinedEvent, person } from '../../fixture-builders.ts';
import type { NotifyRule } from './notify-rule.ts';

const SECRET = 'test-secret-T0ABC123-xyz789';
const ACCOUNT = { username: 'jsmith', email: 'john.smith@example.com' };
const TYPES: Array<Person['employmentType']> = ['employee', 'contractor', 'intern'];

interface Scenario {
  name: string;
  who?: Partial<Person>;
  status?: number;
  /** The text the admin wrote for this person, expected as written. */
  literalText?: string;
}

export function notifyFixtures(rule: NotifyRule, examples: Array<{ input: string; output: string }>): FixtureTest[] {
  const noManager = rule.fallbackRecipient ? 'the fallback address gets it' : 'an error, nothing sent';
  const skipped = (type: Person['employmentType']) => ({ name: `${type}s get no message and nothing is called`, who: { employmentType: type } });
  const scenarios: Scenario[] = [
    { name: 'the message goes out with the placeholders filled' },
    { name: 'the preferred name is used for <name>', who: { firstName: 'William', preferredName: 'Bill', lastName: 'Ødegård' } },
    ...(rule.recipient === 'manager' ? [{ name: `no manager: ${noManager}`, who: { managerEmail: null } }] : []),
    ...TYPES.filter((type) => rule.skipTypes.includes(type)).map(skipped),
    ...TYPES.filter((type) => !rule.skipTypes.includes(type)).map((type) => ({ name: `${type}s get the message`, who: { employmentType: type } })),
    { name: `a delivery that does not answer ${rule.successStatus} is an error`, status: 500 },
    ...examples.map((example, index) => ({
      name: `example ${index + 1} from the requirement: ${example.output}`,
      who: exampleWho(example.input),
      literalText: example.output,
    })),
  ];
  return scenarios.map((scenario, index) => fixtureOf(rule, scenario, index));
}

/** "Ana Lima|Design|2026-03-09": the person an example text is about. */
function exampleWho(input: string): Partial<Person> {
  const [firstName, lastName, department, startDate] = input.split('|');
  const given = { firstName, lastName, department, startDate };
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value)) as Partial<Person>;
}

function fixtureOf(rule: NotifyRule, scenario: Scenario, index: number): FixtureTest {
  const who = person({ managerEmail: 'jane.doe@example.com', ...scenario.who });
  const input = joinedEvent(who, { account: ACCOUNT }, `evt-${index + 1}`) as unknown as FixtureTest['input'];
  const skipped = rule.skipTypes.includes(who.employmentType);
  const recipient = rule.recipient === 'manager' ? who.managerEmail || rule.fallbackRecipient : '';
  const refused = !skipped && rule.recipient === 'manager' && !recipient;
  const url = rule.channel === 'slack' ? `${rule.url}${SECRET}` : rule.url;
  const status = scenario.status ?? rule.successStatus;
  const http: FixtureHttpEntry[] = skipped || refused ? [] : [{ request: { method: 'POST', url }, response: { status, body: status < 300 ? 'ok' : 'error' } }];
  const text = scenario.literalText ?? filled(rule.text, who);
  const calls = http.length > 0 ? [{ method: 'POST', url, body: bodyOf(rule, who, recipient, text) as never }] : [];
  const output = Object.fromEntries(Object.entries(rule.output).map(([key, value]) => [key, value === '<recipient>' ? recipient : value]));
  const failed = refused || status !== rule.successStatus;
  return {
    name: scenario.name,
    input,
    secrets: { [rule.secret]: SECRET },
    ...(http.length > 0 ? { http } : {}),
    expect: { ...(failed ? { error: '' } : { output: skipped ? rule.skipOutput : output }), calls, logsExclude: [SECRET] },
  } as FixtureTest;
}

function bodyOf(rule: NotifyRule, who: Person, recipient: string, text: string): unknown {
  if (rule.channel === 'slack') return { text };
  const subject = filled(rule.subject, who);
  if (rule.channel === 'sendgrid') {
    return { personalizations: [{ to: [{ email: recipient }] }], from: { email: rule.from }, subject, content: [{ type: 'text/plain', value: text }] };
  }
  const message = { subject, body: { contentType: 'Text', content: text }, toRecipients: [{ emailAddress: { address: recipient } }] };
  return { message, saveToSentItems: false };
}

/** The text as a correct function writes it: each placeholder replaced by the person's value. */
function filled(template: string, who: Person): string {
  const name = `${who.preferredName?.trim() ? who.preferredName : who.firstName} ${who.lastName}`;
  const values: Record<string, string> = {
    firstName: who.firstName,
    lastName: who.lastName,
    preferredName: who.preferredName ?? '',
    department: who.department,
    title: who.title ?? '',
    location: who.location ?? '',
    startDate: who.startDate,
    employeeId: who.employeeId,
    managerEmail: who.managerEmail ?? '',
    name,
    'event.account.username': ACCOUNT.username,
    'event.account.email': ACCOUNT.email,
  };
  let text = template;
  for (const [key, value] of Object.entries(values)) text = text.split(`<${key}>`).join(value);
  return text;
}
