// Fixtures for an HTTP action rule, from the reference (expected-http-action.ts): the people the rule is for
// (every step runs), each condition false on its own (the skip output and `calls: []`), each step's own
// condition false, each employment type against a condition on it, each step failing (later steps not
// called), an answer without a required field, a missing value a request needs, a field missing or padded
// where the text gives its value (`<location|(not set)>`), and the admin's own examples taken literally.

import type { FixtureTest } from '../../../../core/fixtures/index.ts';
import type { Person } from '../../../../core/sdk/index.ts';
import { person } from '../../fixture-builders.ts';
import { expectedRun, type Answer, type EventShape } from './expected-http-action.ts';
import { describe, exampleWho, loose, loosely, matching, missingOrPadded, satisfying, TYPES } from './fixture-people.ts';
import type { HttpActionRule } from './http-action-rule.ts';

const ACCESS_TOKEN = 'test-access-token-Q7';
const ACCENTED = { firstName: 'William', preferredName: 'Bill', lastName: 'Ødegård' };

interface Scenario {
  name: string;
  who?: Partial<Person>;
  account?: Record<string, string>;
  /** The step that fails and how. */
  failing?: { step: number; status?: number; dropField?: string };
  /** Literal values the admin wrote: the field name (or the first text of the first body) and the value. */
  literal?: { key?: string; value: string };
}

export function httpActionFixtures(rule: HttpActionRule, examples: Array<{ input: string; output: string }>): FixtureTest[] {
  const everyone = { ...matching(rule.when), ...matching(rule.steps.flatMap((step) => step.when)) };
  const used = JSON.stringify(rule.steps.map((step) => [step.url, step.body]));
  const scenarios: Scenario[] = [
    { name: `every step runs for someone the rule is for (${rule.steps.length} step${rule.steps.length === 1 ? '' : 's'})`, who: everyone },
    { name: 'the preferred name and an accented last name are used as they are', who: { ...everyone, ...ACCENTED } },
    ...rule.tables.flatMap((table) => [
      ...table.rows.map((row) => ({
        name: `${row.when.map(describe).join(' and ')}: ${table.name} is ${JSON.stringify(row.value)}`,
        who: { ...everyone, ...matching(row.when) },
      })),
      ...table.rows.slice(0, 1).filter((row) => row.when.every(loose)).map((row) => ({
        name: `${row.when.map(describe).join(' and ')} written in capitals with spaces around: ${table.name} is still ${JSON.stringify(row.value)}`,
        who: { ...everyone, ...loosely(matching(row.when)) },
      })),
      {
        name: `no row of ${table.name} holds: it is ${JSON.stringify(table.otherwise)}`,
        who: { ...everyone, ...Object.assign({}, ...table.rows.map((row) => (row.when[0] ? satisfying(row.when[0], false) : {}))) },
      },
    ]),
    ...rule.when.map((condition) => ({
      name: `${describe(condition)} does not hold: returns ${JSON.stringify(rule.skipOutput)} and calls nothing`,
      who: { ...everyone, ...satisfying(condition, false) },
    })),
    ...rule.steps.flatMap((step, index) =>
      step.when.map((condition) => ({
        name: `${describe(condition)} does not hold: step ${index + 1} is not called`,
        who: { ...everyone, ...satisfying(condition, false) },
      })),
    ),
    ...rule.steps.map((step, index) => ({
      name: `step ${index + 1} answering 500 instead of ${step.successStatus} is an error; later steps are not called`,
      who: everyone,
      failing: { step: index + 1, status: 500 },
    })),
    // A proxy's or a login page's 200 is not the 201 or 202 the step waits for.
    ...rule.steps.flatMap((step, index) =>
      step.successStatus === 200
        ? []
        : [
            {
              name: `step ${index + 1} answering 200 (a login page) instead of ${step.successStatus} is an error`,
              who: everyone,
              failing: { step: index + 1, status: 200 },
            },
          ],
    ),
    ...rule.steps.flatMap((step, index) =>
      step.requires.slice(0, 1).map((field) => ({
        name: `step ${index + 1} answering without ${field} is an error`,
        who: everyone,
        failing: { step: index + 1, dropField: field },
      })),
    ),
    ...(used.includes('<upn>')
      ? [{ name: 'no userPrincipalName: refused before anything is called', who: everyone, account: { email: 'john.smith@example.com' } }]
      : []),
    ...(used.includes('<managerEmail>') ? [{ name: 'no manager email: refused before anything is called', who: { ...everyone, managerEmail: null } }] : []),
    ...missingOrPadded(rule, everyone),
    // Each employment type against the rule's conditions on it: every type the rule is for, every one it skips.
    ...rule.when.filter((condition) => condition.field === 'employmentType').flatMap((condition) =>
      TYPES.map((type) => ({ name: `${describe(condition)}: a ${type}`, who: { ...everyone, employmentType: type as Person['employmentType'] } })),
    ),
    ...examples.map((example, index) => {
      const [input = '', key] = example.input.split('|');
      const name = `example ${index + 1} from the requirement: ${example.output}`;
      return { name, who: { ...everyone, ...exampleWho(input) }, literal: { key, value: example.output } };
    }),
  ];
  return scenarios.map((scenario, index) => fixtureOf(rule, scenario, index));
}

/** A JSON answer with every field a later step, the output or a check reads. */
function answerOf(rule: HttpActionRule, step: number, scenario: Scenario): Answer {
  const template = rule.steps[step - 1] ?? rule.steps[0];
  const body: Record<string, unknown> = {};
  if (!template) return { status: 200, body };
  const referenced = [...JSON.stringify(rule).matchAll(new RegExp(`<steps\\.${step}\\.([\\w.]+)>`, 'g'))].map((match) => match[1] ?? '');
  const paths = [...template.requires, ...template.sensitive, ...referenced];
  for (const path of paths) {
    if (scenario.failing?.step === step && scenario.failing.dropField === path) continue;
    const keys = path.split('.');
    let node = body;
    for (const key of keys.slice(0, -1)) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const last = keys.at(-1) ?? path;
    node[last] = template.sensitive.includes(path) ? `Pz4#${step}one-time` : `${last}-${step}-answer`;
  }
  const status = scenario.failing?.step === step && scenario.failing.status ? scenario.failing.status : template.successStatus;
  if (status === template.successStatus) return { status, body };
  return { status, body: status === 200 ? '<html><title>Sign in</title></html>' : { error: { code: 'serverError', message: 'Something went wrong' } } };
}

function fixtureOf(rule: HttpActionRule, scenario: Scenario, index: number): FixtureTest {
  const who = person({ managerEmail: 'jane.doe@example.com', ...scenario.who });
  const account = scenario.account ?? { userPrincipalName: 'john.smith@example.com', email: 'john.smith@example.com', username: 'jsmith' };
  const event: EventShape = { id: `evt-${index + 1}`, person: who, account };
  const secrets = Object.fromEntries(secretNames(rule).map((name, position) => [name, `test-${name.toLowerCase()}-${position + 1}x`]));
  const outcome = expectedRun(rule, event, secrets, (step) => answerOf(rule, step, scenario), ACCESS_TOKEN);
  const sensitive = rule.steps.flatMap((step, position) => step.sensitive.map(() => `Pz4#${position + 1}one-time`));
  if (scenario.literal) applyLiteral(outcome, scenario.literal);
  const hidden = [...Object.values(secrets), ACCESS_TOKEN, ...sensitive];
  return {
    name: scenario.name,
    input: { type: rule.trigger, id: event.id, occurredAt: '2026-11-20T09:00:00Z', person: who, account } as unknown as FixtureTest['input'],
    secrets,
    ...(outcome.mocks.length > 0
      ? { http: outcome.mocks.map((mock) => ({ request: { method: mock.method, url: mock.url }, response: mock.answer as never }))  }
      : {}),
    expect: {
      ...(outcome.error !== undefined ? { error: outcome.error } : { output: outcome.output as never, outputExclude: hidden }),
      calls: outcome.calls as never,
      logsExclude: hidden,
    },
  } as FixtureTest;
}

function secretNames(rule: HttpActionRule): string[] {
  const inUrls = rule.steps.flatMap((step) => [...step.url.matchAll(/<secrets\.(\w+)>/g)].map((match) => match[1] ?? ''));
  const named = rule.steps.map((step) => step.auth).flatMap((auth) => {
    if (auth.scheme === 'bearer') return [auth.secret];
    if (auth.scheme === 'basic') return [auth.passwordSecret];
    return auth.scheme === 'oauth' ? [auth.clientSecret] : [];
  });
  return [...new Set([...inUrls, ...named])];
}

/** The admin's value, as written, where the text says it goes: the output field and any body field of that name. */
function applyLiteral(outcome: ReturnType<typeof expectedRun>, literal: { key?: string; value: string }): void {
  const output = outcome.output as Record<string, unknown> | undefined;
  if (literal.key && output && literal.key in output) output[literal.key] = literal.value;
  for (const call of outcome.calls) {
    if (call.body && typeof call.body === 'object') call.body = replaceField(call.body, literal.key, literal.value, { done: false });
  }
}

/** With a key: every field of that name; without one: the first text field, the one a message goes in. */
function replaceField(value: unknown, key: string | undefined, literal: string, state: { done: boolean }): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceField(item, key, literal, state));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => {
    const hit = key ? name === key : !state.done && typeof inner === 'string';
    if (hit) state.done = !key;
    return [name, hit ? literal : replaceField(inner, key, literal, state)];
  }));
}
