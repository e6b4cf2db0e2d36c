// The http-action rule kind: conditions on the person and the start day, several HTTP steps with their own
// auth, bodies and success checks, an output from the answers; written when every clause is accounted
// for, refused naming what is missing otherwise. Without the kind each requirement below is refused.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import { weekdayOf } from '../../../agent/offline/kinds/http-action/expected-values.ts';
import { httpActionFixtures } from '../../../agent/offline/kinds/http-action/http-action-fixtures.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionSource } from '../../../agent/offline/kinds/http-action/http-action-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });
type Call = { url: string; body?: unknown; headers?: Record<string, string> };
type Fixture = { name: string; input: { person: Record<string, unknown> }; expect: { calls?: Call[]; output?: Record<string, unknown> } };
const fixturesOf = (text: string | undefined) => JSON.parse(text ?? '[]') as Fixture[];

const LONDON_DESIGNERS = [
  'Order a monitor for new designers in London.',
  'Anyone else: return { ordered: false } and call nothing.',
  'POST https://northwind.service-now.com/api/now/table/sc_task with a bearer token from the secret NW_SNOW_TOKEN,',
  'body { short_description: "Monitor for <firstName> <lastName>", assignment_group: "London IT" }.',
  'It answers 201 with { result: { number } }. Return { ordered: true, ticket: <number> }.',
].join(' ');

const FRIDAY_TAP = [
  'Issue a Temporary Access Pass to contractors starting on a Friday; for any other start day do nothing and return { skipped: true }.',
  'POST https://graph.microsoft.com/v1.0/users/{upn}/authentication/temporaryAccessPassMethods, bearer token from the secret GRAPH_TOKEN,',
  'body { startDateTime: <startDate>T07:30:00Z, lifetimeInMinutes: 480, isUsableOnce: true },',
  'e.g. a 2026-12-04 start gives startDateTime "2026-12-04T07:30:00Z".',
  'Graph answers 201 with the pass in temporaryAccessPass.',
  'Then email it to their manager: POST https://api.sendgrid.com/v3/mail/send, bearer SENDGRID_KEY,',
  'JSON { personalizations: [{ to: [{ email: <managerEmail> }] }], from: { email: "it@tailspin.com" }, subject: "Pass for <name>",',
  'content: [{ type: "text/plain", value: "Pass for <name>: <the pass>" }] }.',
  'SendGrid answers 202. The pass must never show up in logs or in what the function returns. Return { tapIssued: true, startDateTime }.',
].join(' ');

describe('offline author: http-action kind', () => {
  it('a ticket for new designers in London: both conditions, the skip output with calls: [], the answer in the output', async () => {
    const result = await author(LONDON_DESIGNERS);
    expect(result.ok).toBe(true);
    const rule = readTemplateParams(result.draft.source ?? '');
    expect(rule).toMatchObject({
      when: [{ field: 'department', values: ['Design'], negate: false }, { field: 'location', values: ['London'], negate: false }],
      skipOutput: { ordered: false },
      output: { ordered: true, ticket: '<steps.1.result.number>' },
    });
    const fixtures = fixturesOf(result.draft.fixturesText);
    const elsewhere = fixtures.find((fixture) => fixture.name.startsWith('location London does not hold'));
    expect(elsewhere?.expect).toMatchObject({ output: { ordered: false }, calls: [] });
    const runs = fixtures.find((fixture) => fixture.name.startsWith('every step runs'));
    expect(runs?.input.person).toMatchObject({ department: 'Design', location: 'London' });
    expect(runs?.expect.output).toEqual({ ordered: true, ticket: 'number-1-answer' });
  });

  it('a TAP for Friday starters emailed to the manager: two steps, the pass only in the email, the example taken literally', async () => {
    const result = await author(FRIDAY_TAP);
    expect(result.ok).toBe(true);
    const rule = readTemplateParams(result.draft.source ?? '') as { when: unknown[]; steps: Array<{ url: string; auth: unknown; sensitive: string[] }> };
    expect(rule.when).toEqual([
      { field: 'startWeekday', values: ['friday'], negate: false },
      { field: 'employmentType', values: ['contractor'], negate: false },
    ]);
    expect(rule.steps.map((step) => step.auth)).toEqual([{ scheme: 'bearer', secret: 'GRAPH_TOKEN' }, { scheme: 'bearer', secret: 'SENDGRID_KEY' }]);
    expect(rule.steps[0]?.sensitive).toEqual(['temporaryAccessPass']);
    const fixtures = fixturesOf(result.draft.fixturesText);
    const example = fixtures.find((fixture) => fixture.name.startsWith('example 1 from the requirement'));
    expect(example?.input.person.startDate).toBe('2026-12-04');
    expect(example?.expect.output?.startDateTime).toBe('2026-12-04T07:30:00Z');
    expect(example?.expect.calls?.[0]?.body).toMatchObject({ startDateTime: '2026-12-04T07:30:00Z' });
    const email = fixtures.find((fixture) => fixture.name.startsWith('every step runs'))?.expect.calls?.[1];
    expect(JSON.stringify(email?.body)).toContain('Pass for John Smith: Pz4#1one-time');
  });

  it.each([
    ['order a laptop in ServiceNow for new engineers in Berlin', 'Order a laptop in ServiceNow for new engineers in Berlin.'],
    ['a TAP for Monday starters sent to the manager by email', 'Create a TAP for new hires starting on Monday and send it to their manager by email.'],
    ['open a Jira ticket for contractors, then post to Slack', 'Open a Jira ticket for contractors, then post to Slack.'],
  ])('%s: not written without its endpoints, never ✓ with a clause dropped', async (_name, requirement) => {
    const result = await author(requirement);
    expect(result.ok).toBe(false);
    expect(result.draft.source).toBeUndefined();
  });

  it('a refusal says what the text lacks to be written as an http-action rule', async () => {
    const result = await author('Order a laptop in ServiceNow for new engineers in Berlin.');
    expect(result.reason).toContain('"Berlin" (place)');
    expect(result.reason).toContain('As an http-action rule (conditions and HTTP calls) it is missing: no endpoint was given');
  });

  it('a step with no credential and an output from nowhere are refused, naming both', async () => {
    const result = await author(
      'Order a monitor for new designers in London. Anyone else: return { ordered: false }. ' +
        'POST https://northwind.service-now.com/api/now/table/sc_task with body { short_description: "Monitor" }. It answers 201. Return { ticket }.',
    );
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('has no credential');
    expect(result.reason).toContain('"ticket" comes from no request body or answer');
  });

  it('what no phrase writes yet runs as the reference says: Basic auth, a step only for contractors, OAuth, a value from step 1 in step 2', async () => {
    const rule: HttpActionRule = {
      functionName: 'two-systems',
      trigger: 'user.joined',
      when: [{ field: 'location', values: ['Oslo', 'Bergen'], negate: false }],
      skipOutput: { skipped: true },
      steps: [
        {
          when: [{ field: 'employmentType', values: ['contractor'], negate: false }],
          method: 'POST',
          url: 'https://acme.atlassian.net/rest/servicedeskapi/request',
          auth: { scheme: 'basic', username: 'svc-joinery', passwordSecret: 'JIRA_API_TOKEN' },
          body: { requestFieldValues: { summary: 'Badge for <name> (<eventId>)' } },
          successStatus: 201,
          requires: ['issueKey'],
          sensitive: [],
        },
        {
          when: [],
          method: 'PATCH',
          url: 'https://graph.microsoft.com/v1.0/users/<upn>',
          auth: {
            scheme: 'oauth',
            tokenUrl: 'https://login.microsoftonline.com/t1/oauth2/v2.0/token',
            clientId: 'c1',
            clientSecret: 'GRAPH_SECRET',
            scope: 'https://graph.microsoft.com/.default',
          },
          body: { officeLocation: '<location>', employeeType: '<employmentType>', jobTitle: '<steps.1.issueKey>' },
          successStatus: 204,
          requires: [],
          sensitive: [],
        },
      ],
      tables: [],
      output: { ticket: '<steps.1.issueKey>', updated: true },
    };
    const fixtures = httpActionFixtures(rule, []);
    const contractor = fixtures.find((fixture) => fixture.name.startsWith('every step runs'));
    expect(contractor?.expect?.calls?.map((call) => call.method)).toEqual(['POST', 'POST', 'PATCH']);
    expect(contractor?.expect?.calls?.[0]?.headers).toEqual({ authorization: `Basic ${Buffer.from('svc-joinery:test-jira_api_token-1x').toString('base64')}` });
    const employee = fixtures.find((fixture) => fixture.name.startsWith('employmentType contractor does not hold'));
    expect(employee?.expect?.calls?.map((call) => call.method)).toEqual(['POST', 'PATCH']);
    expect(await runAgainstFixtures(toolchain, httpActionSource(rule), fixtures)).toEqual({ ok: true, failed: [] });
  });

  it('the reference counts weekdays on its own', () => {
    expect(['2026-12-04', '2026-03-09', '2024-02-29'].map(weekdayOf)).toEqual(['friday', 'monday', 'thursday']);
  });
});
