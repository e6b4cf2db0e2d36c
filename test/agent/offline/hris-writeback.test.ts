import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { hrisWritebackRecognizer } from '../../../agent/offline/families/hris-writeback/hris-writeback.ts';
import { HRIS_WRITEBACK_READING_DEFAULTS } from '../../../agent/offline/families/hris-writeback/hris-writeback-action.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  const model = createOfflineModel({ templates, recognizers: [...RECOGNIZERS, hrisWritebackRecognizer] });
  return authorFunction({ requirement, model, toolchain, templates });
}

/** The write-back as the generated rule makes it: the trigger, the company in the URL, the field and the value in the body. */
function writebackOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as HttpActionRule;
  return { trigger: rule.trigger, url: rule.steps[0]?.url, body: rule.steps[0]?.body };
}
const employeeUrl = (company: string) => `https://api.bamboohr.com/api/gateway.php/${company}/v1/employees/<employeeId>`;

describe('offline author: hris-writeback family', () => {
  it("the reading starts from the hris-writeback template's parameters", () => {
    const template = templates.find((entry) => entry.family === 'hris-writeback');
    expect(readTemplateParams(template?.source ?? '')).toEqual(HRIS_WRITEBACK_READING_DEFAULTS);
  });

  const paraphrases = [
    'Write the work email back to BambooHR (acme.bamboohr.com) when someone joins.',
    "Hello! Once a new hire's account is created, please update their BambooHR record with the new work email so HR stops emailing their personal Gmail. Our BambooHR company domain is acme. Thanks a lot!",
    '- target: BambooHR, company domain acme\n- field: workEmail\n- value: the work email from the account\n- run on join',
    'Sync the wrok email to BambooHr for acme on join, feild workEmail',
    'When an account is created: POST https://api.bamboohr.com/api/gateway.php/acme/v1/employees/{employeeId} with JSON {"workEmail": <event.account.email>}, Basic auth with the secret BAMBOOHR_API_KEY as the user name and x as the password. Non-2xx → throw with the status. Return { updated: true }.',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} writes account.email to workEmail in acme on join`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(writebackOf(result.draft.source)).toEqual({ trigger: 'user.joined', url: employeeUrl('acme'), body: { workEmail: '<accountEmail>' } });
      expect(result.draft.lastTest?.report?.failed).toBe(0);
      expect(result.draft.lastTest?.report?.passed).toBeGreaterThanOrEqual(8);
    });
  }

  it('reads a manual write-back of the username to a custom field', async () => {
    const result = await author('Manually write the username back to BambooHR field customUsername at acme-corp.bamboohr.com.');
    expect(result.ok).toBe(true);
    expect(writebackOf(result.draft.source)).toEqual({ trigger: 'manual', url: employeeUrl('acme-corp'), body: { customUsername: '<username>' } });
  });

  it('reads the UPN, lower-cased, on demand', async () => {
    const result = await author('Push the UPN to BambooHR (subdomain: globex) into the customUPN field, lowercased, on demand.');
    expect(result.ok).toBe(true);
    expect(writebackOf(result.draft.source)).toEqual({ trigger: 'manual', url: employeeUrl('globex'), body: { customUPN: '<upn:lower>' } });
  });

  it('reads a terse line with the company after the word "company", and an example as a fixture', async () => {
    const result = await author('bamboohr writeback: workEmail <- account email, company acme, e.g. john.smith@acme.com for John Smith');
    expect(result.ok).toBe(true);
    expect(writebackOf(result.draft.source)).toMatchObject({ url: employeeUrl('acme'), body: { workEmail: '<accountEmail>' } });
    expect(result.draft.lastTest?.report?.results.filter((test) => test.passed).map((test) => test.name)).toContain('example 1 from the requirement: john.smith@acme.com');
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Write the work email back to BambooHR for acme. Also create a ServiceNow ticket for a laptop.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also create a ServiceNow ticket for a laptop"');
    expect(result.draft.source).toBeUndefined();
  });

  it('gives up on an HR system other than BambooHR, quoting the sentence', async () => {
    const result = await author('Write the work email back to Workday once the account exists.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('other than BambooHR ("Write the work email back to Workday once the account exists")');
  });

  it('gives up on a company name that cannot be a BambooHR subdomain', async () => {
    const result = await author('Write the work email back to BambooHR, company domain "acme corp".');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"acme corp" is not a BambooHR company subdomain');
  });

  it('gives up on a conditional write the template cannot do', async () => {
    const result = await author("Once the work email is final, write it to the employee's BambooHR profile (company: initech). Only if the field is empty.");
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('"Only if the field is empty"');
  });

  it('gives up when a username has no field to go to', async () => {
    const result = await author('Write the username back to BambooHR for acme when someone joins.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('no BambooHR field was named for the username');
  });
});
