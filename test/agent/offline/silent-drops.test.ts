// The requirements the offline author once reported as done while ignoring part of them (issue 12):
// each clause is now implemented, or the author asks about it or refuses naming it; never ✓ without it.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const model = () => createOfflineModel({ templates });
const author = (requirement: string) => authorFunction({ requirement, model: model(), toolchain, templates });

const TAP_API = [
  'POST https://graph.microsoft.com/v1.0/users/{upn}/authentication/temporaryAccessPassMethods, upn = event.account.userPrincipalName,',
  'bearer token from the secret GRAPH_TOKEN. 60 minutes, single use.',
].join(' ');
const SLACK = 'Send it to their manager through the Slack webhook at https://hooks.slack.com/services/ + the secret SLACK_WEBHOOK_PATH.';
const SERVICENOW = [
  'POST https://acme.service-now.com/api/now/table/sc_task?sysparm_input_display_value=true&sysparm_fields=number,sys_id',
  'with a bearer token from the secret SERVICENOW_TOKEN. Return { ticket: result.number }.',
].join(' ');
const MONDAY = `Issue a Temporary Access Pass for new hires starting on Monday. ${TAP_API} ${SLACK} Return { tapIssued: true }.`;
const FIRST_AND_LAST = 'Usernames are the first 3 letters of the first name + first 5 of the last name, lowercase.';
const EMAILED = `Create a Temporary Access Pass for every new hire. ${TAP_API} The pass is emailed to their manager. Return { tapIssued: true }.`;

describe('offline author: no silent drops', () => {
  it('a laptop ticket for new engineers in Berlin: refuses, naming the part it cannot account for, and writes nothing', async () => {
    const result = await author(`Open a ServiceNow ticket for a laptop for new engineers in Berlin. ${SERVICENOW}`);
    expect([result.ok, result.stop]).toEqual([false, 'gave-up']);
    expect(result.reason).toContain('"Berlin"');
    expect(result.reason).toContain('Clause accounting:');
    expect(result.draft.source).toBeUndefined();
  });

  it.each([
    ['a TAP for new hires starting on Monday', MONDAY, 'Monday'],
    ['a pass emailed to the manager', EMAILED, 'emailed'],
  ])('%s: asks about that part before writing anything', async (_name, requirement, named) => {
    const result = await author(requirement);
    expect([result.ok, result.stop]).toEqual([false, 'needs-answer']);
    expect(result.question?.clause).toContain(named);
    expect(result.question?.choices.length).toBeGreaterThanOrEqual(2);
    expect(result.draft.source).toBeUndefined();
  });

  it('Contractors get a c- prefix: the prefix is implemented, and a contractor fixture shows it', async () => {
    const result = await author('Usernames are first initial plus last name, lowercase. Contractors get a c- prefix.');
    expect(result.ok).toBe(true);
    expect(readTemplateParams(result.draft.source ?? '')).toMatchObject({ pattern: '{f}{last}', contractorPrefix: 'c-' });
    const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Array<{ name: string; expect: { output?: { username?: string } } }>;
    expect(fixtures.find((fixture) => fixture.name === 'a contractor')?.expect.output?.username).toBe('c-cdiaz');
  });

  it('first 3 letters of the first name + first 5 of the last: both counts are implemented', async () => {
    const result = await author(FIRST_AND_LAST);
    expect(result.ok).toBe(true);
    expect(readTemplateParams(result.draft.source ?? '')).toMatchObject({ pattern: '{first:3}{last:5}', maxLength: 0 });
    const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Array<{ name: string; expect: { output?: { username?: string } } }>;
    expect(fixtures.find((fixture) => fixture.name === 'plain name')?.expect.output?.username).toBe('johsmith');
  });

  it('a refusal names another family only when that family would read the sentence', async () => {
    const retired = 'Addresses of people who left go to the archive list, which the audit team reviews yearly';
    const result = await author(`Work email is firstname.lastname@acme.com, lowercase. ${retired}.`);
    expect(result.ok).toBe(false);
    expect(result.reason).toContain(retired);
    expect(result.reason).not.toContain('leaver-revoke');
  });

  it('in chat, "make it 15 characters max instead" changes the limit', async () => {
    const chat = model();
    const rule = 'Usernames are first initial plus last name, lowercase, max 20 characters.';
    const first = await authorFunction({ requirement: rule, model: chat, toolchain, templates });
    expect(first.ok).toBe(true);
    const previous = { messages: first.messages, draft: first.draft };
    const followUp = await authorFunction({ requirement: 'make it 15 characters max instead', model: chat, toolchain, templates, previous });
    expect(followUp.ok).toBe(true);
    expect(readTemplateParams(followUp.draft.source ?? '')).toMatchObject({ maxLength: 15 });
    expect(followUp.draft.fixturesText).toContain('"mchristopherale"');
  });
});
