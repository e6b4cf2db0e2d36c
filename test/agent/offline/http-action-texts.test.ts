// Two forms of the http-action IR that notifications and tickets need: a secret in a URL path (a Slack
// webhook held in a secret) and a text for a field that is missing or blank, with the value trimmed
// (`<location|(not set)>`). The generated function runs in the real sandbox against the reference's fixtures.

import { afterAll, describe, expect, it } from 'vitest';
import { httpActionFixtures } from '../../../agent/offline/kinds/http-action/http-action-fixtures.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionSource } from '../../../agent/offline/kinds/http-action/http-action-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Call = { url: string; body?: unknown };
type Fixture = { name: string; secrets?: Record<string, string>; expect: { calls?: Call[]; output?: unknown; logsExclude?: string[] } };

const SLACK: HttpActionRule = {
  functionName: 'announce-joiners',
  trigger: 'user.joined',
  when: [{ field: 'employmentType', values: ['intern'], negate: true }],
  skipOutput: { posted: false },
  steps: [
    {
      when: [],
      method: 'POST',
      url: 'https://hooks.slack.com/services/<secrets.SLACK_PATH>',
      auth: { scheme: 'none' },
      body: { text: '<name> joins <department|> in <location|(not set)> as <title|(not set)>' },
      successStatus: 200,
      requires: [],
      sensitive: [],
    },
  ],
  tables: [],
  output: { posted: true, manager: '<managerEmail|people@acme.com>' },
};

const fixturesOf = (rule: HttpActionRule) => httpActionFixtures(rule, []) as unknown as Fixture[];
const run = (source: string, rule: HttpActionRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));

describe('http-action: a secret in the URL, a text for a missing or blank field', () => {
  it('the webhook path comes from the secret, bound to the webhook host and kept out of the logs', () => {
    const source = httpActionSource(SLACK);
    expect(source).toContain("secrets: [{ name: 'SLACK_PATH', hosts: ['hooks.slack.com'] }]");
    const everyone = fixturesOf(SLACK).find((fixture) => fixture.name.startsWith('every step runs'));
    const secret = everyone?.secrets?.SLACK_PATH ?? '';
    expect(secret).not.toBe('');
    expect(everyone?.expect.calls?.[0]?.url).toBe(`https://hooks.slack.com/services/${secret}`);
    expect(everyone?.expect.logsExclude).toContain(secret);
  });

  it('a missing field gives its text, a padded one is trimmed, and a fallback address stands for no manager', () => {
    const fixtures = fixturesOf(SLACK);
    const missing = fixtures.find((fixture) => fixture.name.startsWith('no '));
    expect(missing?.expect.calls?.[0]?.body).toEqual({ text: 'John Smith joins  in (not set) as (not set)' });
    expect(missing?.expect.output).toEqual({ posted: true, manager: 'people@acme.com' });
    const padded = fixtures.find((fixture) => fixture.name.endsWith('with spaces around: trimmed'));
    expect(padded?.expect.calls?.[0]?.body).toEqual({ text: 'John Smith joins Engineering in Lisbon as Analyst' });
    expect(padded?.expect.output).toEqual({ posted: true, manager: 'jane.doe@example.com' });
    // Every employment type against the condition: the intern is skipped, the others posted.
    const types = fixtures.filter((fixture) => fixture.name.startsWith('employmentType not intern: a '));
    expect(types.map((fixture) => fixture.expect.output)).toEqual([
      { posted: true, manager: 'jane.doe@example.com' },
      { posted: true, manager: 'jane.doe@example.com' },
      { posted: false },
    ]);
  });

  it('the generated function passes every fixture in the real sandbox', async () => {
    expect(await run(httpActionSource(SLACK), SLACK)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('the fixtures catch a function that does not trim, or that leaves the secret out of the URL', async () => {
    const untrimmed = httpActionSource(SLACK).replace('.trim() || otherwise', ' || otherwise');
    expect((await run(untrimmed, SLACK)).failed).toEqual([
      'no department, location, title, managerEmail: the text given for each is used',
      'department, location, title, managerEmail with spaces around: trimmed',
    ]);
    const noSecret = httpActionSource(SLACK).replace('await secrets.get(name!)', "''");
    expect((await run(noSecret, SLACK)).failed.length).toBeGreaterThan(5);
  }, 60_000);
});
