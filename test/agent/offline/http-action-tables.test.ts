// Value tables in the http-action kind: 'contractors use requestTypeId "53" instead of "52"' makes the body
// field a table by employment type whose default is the body's own value; one fixture per row and one for
// the default, and the generated function agrees with the reference. Without tables the sentence is refused.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import { httpActionFixtures } from '../../../agent/offline/kinds/http-action/http-action-fixtures.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionSource } from '../../../agent/offline/kinds/http-action/http-action-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });
type Fixture = { name: string; input: { person: Record<string, unknown> }; expect: { calls?: Array<{ body?: Record<string, unknown> }> } };

const JIRA = (description: string) =>
  [
    'Jira Service Management onboarding request for every joiner:',
    '- POST https://fabrikam.atlassian.net/rest/servicedeskapi/request',
    '- Basic auth, user svc-onboarding@fabrikam.com, password = the API token in secret JIRA_API_TOKEN',
    `- body { serviceDeskId: "10", requestTypeId: "52", requestFieldValues: { summary: "Onboarding: <firstName> <lastName>", description: ${description} } }`,
    '- contractors use requestTypeId "53" instead of "52"',
    '- interns: raise nothing, return { issueKey: null }',
    '- Jira answers 201 with { issueKey }; return { issueKey }',
    '- anything but 201 is an error (include the status)',
  ].join('\n');

describe('offline author: http-action value tables', () => {
  it('a value by employment type with the body value as default: a fixture per row and one for the default', async () => {
    const result = await author(JIRA('"New joiner <name>, starting <startDate>"'));
    expect(result.ok).toBe(true);
    const rule = readTemplateParams(result.draft.source ?? '') as unknown as HttpActionRule;
    expect(rule.tables).toEqual([
      { name: 'requestTypeId', rows: [{ when: [{ field: 'employmentType', values: ['contractor'], negate: false }], value: '53' }], otherwise: '52' },
    ]);
    expect(rule.steps[0]?.body).toMatchObject({ requestTypeId: '<tables.requestTypeId>' });
    const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Fixture[];
    const contractor = fixtures.find((fixture) => fixture.name.startsWith('employmentType contractor: requestTypeId'));
    const others = fixtures.find((fixture) => fixture.name.startsWith('no row of requestTypeId holds'));
    expect(contractor?.input.person.employmentType).toBe('contractor');
    expect(contractor?.expect.calls?.[0]?.body?.requestTypeId).toBe('53');
    expect(others?.input.person.employmentType).not.toBe('contractor');
    expect(others?.expect.calls?.[0]?.body?.requestTypeId).toBe('52');
  });

  it('a description the text does not give is refused, naming it, not invented', async () => {
    const result = await author(JIRA('<whatever helps IT>'));
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('<whatever helps IT> is not a value the function has');
  });

  it('"instead of" a value the body does not hold is a problem', async () => {
    const result = await author(JIRA('"New joiner <name>"').replace('instead of "52"', 'instead of "51"'));
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('the body\'s requestTypeId is "52", not "51"');
  });

  it('the generated function and the reference agree on rows, a null row value and the default', async () => {
    const rule: HttpActionRule = {
      functionName: 'tables',
      trigger: 'user.joined',
      when: [],
      skipOutput: { skipped: true },
      steps: [{
        when: [],
        method: 'POST',
        url: 'https://acme.atlassian.net/rest/api/3/issue',
        auth: { scheme: 'bearer', secret: 'JIRA_TOKEN' },
        body: { priority: '<tables.priority>', labels: ['type-<tables.priority>'] },
        successStatus: 201,
        requires: [],
        sensitive: [],
      }],
      tables: [{
        name: 'priority',
        rows: [
          { when: [{ field: 'employmentType', values: ['intern'], negate: false }], value: 4 },
          { when: [{ field: 'department', values: ['Security'], negate: false }], value: null },
        ],
        otherwise: 3,
      }],
      output: { priority: '<tables.priority>' },
    };
    const fixtures = httpActionFixtures(rule, []);
    const outputs = fixtures.map((fixture) => [fixture.name, (fixture.expect as { output?: unknown }).output]);
    expect(outputs).toEqual(expect.arrayContaining([
      ['employmentType intern: priority is 4', { priority: 4 }],
      ['department Security: priority is null', { priority: null }],
      ['no row of priority holds: it is 3', { priority: 3 }],
    ]));
    expect(await runAgainstFixtures(toolchain, httpActionSource(rule), fixtures)).toEqual({ ok: true, failed: [] });
  });
});
