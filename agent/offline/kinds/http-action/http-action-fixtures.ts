// Fixtures for an HTTP action rule, from the reference (expected-http-action.ts): the people the rule is for
// (every step runs), each condition false on its own (the skip output and `calls: []`), each step's own
// condition false, each employment type against a condition on it, each step failing (later steps not
// called, the sensitive values of earlier answers not in the error), each status a step answers in its own
// way, the event before, on and after the rule's day (fixture-wait.ts), an answer without a required field,
// a missing value a request needs, a guest UPN escaped in a URL, a URL secret that is itself a URL, a field
// missing or padded where the text gives its value (`<location|(not set)>`), and the admin's own examples
// taken literally. Every error, log and output must be free of secrets, tokens and sensitive values.

import type { FixtureTest } from '../../../../core/fixtures/index.ts';
import type { Person } from '../../../../core/sdk/index.ts';
import { person } from '../../fixture-builders.ts';
import { expectedRun, type EventShape } from './expected-http-action.ts';
import { ACCESS_TOKEN, answerOf, secretNames, sensitiveBefore, sensitiveValue, type Failing } from './fixture-answers.ts';
import { applyLiteral } from './fixture-literals.ts';
import { ACCOUNT, requiredValues } from './fixture-required.ts';
import { describe, exampleWho, loose, loosely, matching, missingOrPadded, satisfying, TYPES } from './fixture-people.ts';
import { statusScenarios, timingOf, waitScenarios, type Timing } from './fixture-wait.ts';
import type { HttpActionRule } from './http-action-rule.ts';

const GUEST = 'ann_contoso.com#EXT#@example.onmicrosoft.com';
const ELSEWHERE = 'https://evil.example.com/collect?x=1';
const ACCENTED = { firstName: 'William', preferredName: 'Bill', lastName: 'Ødegård' };

interface Scenario extends Timing {
  name: string;
  who?: Partial<Person>;
  account?: Record<string, string>;
  failing?: Failing;
  /** Secret values other than the usual test ones. */
  secrets?: Record<string, string>;
  /** Literal values the admin wrote: the field name (or the first text of the first body) and the value. */
  literal?: { key?: string; value: string };
}

export function httpActionFixtures(rule: HttpActionRule, examples: Array<{ input: string; output: string }>): FixtureTest[] {
  const everyone = { ...matching(rule.when), ...matching(rule.steps.flatMap((step) => step.when)) };
  const echoes = (step: number) => (sensitiveBefore(rule, step).length > 0 ? '; the pass it echoes is not in the error' : '');
  const urlSecrets = [...new Set(rule.steps.flatMap((step) => [...step.url.matchAll(/<secrets\.(\w+)>/g)].map((match) => match[1] ?? '')))];
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
      name: `step ${index + 1} answering 500 instead of ${step.successStatus} is an error; later steps are not called${echoes(index + 1)}`,
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
    ...statusScenarios(rule, everyone),
    ...waitScenarios(rule, everyone),
    ...requiredValues(rule, everyone),
    ...(rule.steps.some((step) => step.url.includes('<upn>'))
      ? [{ name: 'a guest UPN (#EXT#) is escaped in the URL, the @ kept', who: everyone, account: { ...ACCOUNT, userPrincipalName: GUEST } }]
      : []),
    // A secret only fills a path: even one that is itself a URL leaves the request on the step's host.
    ...urlSecrets.map((name) => ({ name: `${name} holding a URL still goes only to its step's host`, who: everyone, secrets: { [name]: ELSEWHERE } })),
    ...missingOrPadded(rule, everyone),
    // Each employment type against the rule's conditions on it: every type the rule is for, every one it skips.
    ...rule.when.filter((condition) => condition.field === 'employmentType').flatMap((condition) =>
      TYPES.map((type) => ({ name: `${describe(condition)}: a ${type}`, who: { ...everyone, employmentType: type as Person['employmentType'] } })),
    ),
    ...examples.map((example, index) => {
      const [input = '', key] = example.input.split('|');
      const name = `example ${index + 1} from the requirement: ${example.output}`;
      const { account, ...who } = exampleWho(input);
      return { name, who: { ...everyone, ...who }, ...(account ? { account: { ...ACCOUNT, ...account } } : {}), literal: { key, value: example.output } };
    }),
  ];
  return scenarios.map((scenario, index) => fixtureOf(rule, scenario, index));
}

function fixtureOf(rule: HttpActionRule, scenario: Scenario, index: number): FixtureTest {
  const who = person({ managerEmail: 'jane.doe@example.com', ...scenario.who });
  const account = scenario.account ?? ACCOUNT;
  const timing = timingOf(rule, scenario);
  const event: EventShape = { id: `evt-${index + 1}`, person: who, account, ...timing };
  const usual = secretNames(rule).map((name, position) => [name, `test-${name.toLowerCase()}-${position + 1}x`]);
  const secrets = { ...Object.fromEntries(usual), ...scenario.secrets };
  const outcome = expectedRun(rule, event, secrets, (step) => answerOf(rule, step, scenario.failing), ACCESS_TOKEN);
  const sensitive = rule.steps.flatMap((step, position) => step.sensitive.map(() => sensitiveValue(position + 1)));
  if (scenario.literal) applyLiteral(outcome, scenario.literal);
  // A personal address is never a stand-in for a work one.
  const hidden = [...Object.values(secrets), ACCESS_TOKEN, ...sensitive, ...(who.personalEmail ? [who.personalEmail] : [])];
  return {
    name: scenario.name,
    input: { type: rule.trigger, id: event.id, person: who, account, ...timing } as unknown as FixtureTest['input'],
    secrets,
    ...(outcome.mocks.length > 0
      ? { http: outcome.mocks.map((mock) => ({ request: { method: mock.method, url: mock.url }, response: mock.answer as never }))  }
      : {}),
    expect: {
      ...(outcome.error !== undefined ? { error: outcome.error, errorExclude: hidden } : { output: outcome.output as never, outputExclude: hidden }),
      calls: outcome.calls as never,
      logsExclude: hidden,
    },
  } as FixtureTest;
}
