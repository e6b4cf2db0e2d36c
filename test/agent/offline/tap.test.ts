import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { tapRecognizer } from '../../../agent/offline/families/tap/tap.ts';
import { TAP_READING_DEFAULTS } from '../../../agent/offline/families/tap/tap-action.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  const model = createOfflineModel({ templates, recognizers: [...RECOGNIZERS, tapRecognizer] });
  return authorFunction({ requirement, model, toolchain, templates });
}

/** The pass as the generated rule asks Graph for it: the trigger and step 1's body. */
function passOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as HttpActionRule;
  const body = rule.steps[0]?.body as { lifetimeInMinutes?: number; isUsableOnce?: boolean; startDateTime?: string };
  return { trigger: rule.trigger, url: rule.steps[0]?.url, ...body };
}
const GRAPH = 'https://graph.microsoft.com/v1.0/users/<upn>/authentication/temporaryAccessPassMethods';

describe('offline author: tap family', () => {
  it("the reading starts from the tap template's parameters", () => {
    const template = templates.find((entry) => entry.family === 'tap');
    expect(readTemplateParams(template?.source ?? '')).toEqual(TAP_READING_DEFAULTS);
  });

  const paraphrases = [
    'Issue a TAP valid for 8 hours, one-time use, and Slack it to the manager.',
    "Hi team! When someone joins, could you please generate an Entra Temporary Access Pass for them so they can set up MFA? It should last 8 hours and only work once. Send it to their manager on Slack, and please never log it. Thanks!",
    '- Temporary Access Pass for every new hire\n- lifetime: 480 minutes\n- single use\n- deliver to the manager via Slack\n- never logged',
    'Generate a temprary acess pass for new joiners, vaild for 8 hrs, one time use, send it to there manager in slack',
    'POST https://graph.microsoft.com/v1.0/users/{upn}/authentication/temporaryAccessPassMethods with a Bearer token from the secret GRAPH_TOKEN, lifetimeInMinutes 480 and isUsableOnce true; UPN = event.account.userPrincipalName, keep the @ as is. Then POST the pass to https://hooks.slack.com/services/<SLACK_WEBHOOK_PATH> for the manager. Graph not answering 201 → throw with the status. Never log the pass. Return { tapIssued: true }.',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} gives a single-use 480-minute pass valid from issue`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(passOf(result.draft.source)).toEqual({ trigger: 'user.joined', url: GRAPH, lifetimeInMinutes: 480, isUsableOnce: true });
      expect(result.draft.lastTest?.report?.failed).toBe(0);
      expect(result.draft.lastTest?.report?.passed).toBeGreaterThanOrEqual(8);
    });
  }

  it('reads a multi-use two-day pass that starts at 08:00 UTC on the start date', async () => {
    const result = await author("Issue a reusable TAP that lasts 2 days, valid from 08:00 UTC on the start date. Send it to the new hire's manager via Slack.");
    expect(result.ok).toBe(true);
    expect(passOf(result.draft.source)).toMatchObject({ lifetimeInMinutes: 2880, isUsableOnce: false, startDateTime: '<startDate>T08:00:00Z' });
    expect(result.draft.spec?.assumptions.join(' ')).toContain('multi-use');
  });

  it('reads a week, a local time with its zone, and a manual re-issue', async () => {
    const result = await author('Re-issue a temporary access pass on demand: valid one week, multi-use, from 9am CET on their first day. If there is no manager, fail.');
    expect(result.ok).toBe(true);
    expect(passOf(result.draft.source)).toMatchObject({ trigger: 'manual', lifetimeInMinutes: 10080, isUsableOnce: false, startDateTime: '<startDate>T09:00:00+01:00' });
  });

  it('a start date without a time starts the pass at midnight UTC and says so', async () => {
    const result = await author('Create a TAP for new hires that is valid for 1 day starting on their start date, sent to the manager on Slack.');
    expect(result.ok).toBe(true);
    expect(passOf(result.draft.source)).toMatchObject({ lifetimeInMinutes: 1440, startDateTime: '<startDate>T00:00:00Z' });
    expect(result.draft.spec?.assumptions.join(' ')).toContain('00:00 UTC');
  });

  it("turns the admin's worked example into a fixture, and gives up on one that contradicts the rule", async () => {
    const rule = 'Issue a TAP for new hires valid for 8 hours from 08:00 UTC on their start date, single use, sent to the manager via Slack.';
    const result = await author(`${rule} For example, if Jane starts on 2026-12-01, her pass is valid from 2026-12-01T08:00:00Z for 8 hours.`);
    expect(result.ok).toBe(true);
    expect(result.draft.lastTest?.report?.results.filter((test) => test.passed).map((test) => test.name)).toContain('example 1 from the requirement: 2026-12-01T08:00:00Z');
    const contradicted = await author(`${rule} For example, if Jane starts on 2026-12-01, her pass is valid from 2026-12-01T09:00:00Z.`);
    expect(contradicted.ok).toBe(false);
    expect(contradicted.reason).toContain('the example "2026-12-01T09:00:00Z" does not start at 08:00:00Z');
  });

  it('gives up on an endpoint, a secret or a returned value the template does not have', async () => {
    const result = await author('Issue a TAP valid 8 hours via POST https://graph.microsoft.com/beta/users/{upn}/authentication/temporaryAccessPassMethods with the secret MS_GRAPH_TOKEN and Slack it to the manager. Return { tapIssued: true, delivered: "email" }.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('not https://graph.microsoft.com/beta/users/{upn}/authentication/temporaryAccessPassMethods');
    expect(result.reason).toContain('the secret MS_GRAPH_TOKEN is not one the template reads');
    expect(result.reason).toContain('the function returns delivered: "slack", not "email"');
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Issue a TAP valid 8 hours and Slack it to the manager. Also add them to the MFA-Registration group.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also add them to the MFA-Registration group"');
    expect(result.draft.source).toBeUndefined();
  });

  it('refuses a delivery the template cannot do, quoting the sentence', async () => {
    const result = await author('Create a temporary access pass valid for 8 hours and email it to the manager.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Create a temporary access pass valid for 8 hours and email it to the manager"');
  });

  for (const [said, minutes] of [['5 minutes', 5], ['31 days', 44640]] as const) {
    it(`gives up on a lifetime of ${said}: Graph allows 10 to 43200 minutes`, async () => {
      const result = await author(`TAP for new hires, valid for ${said}, sent to the manager on Slack.`);
      expect(result.ok).toBe(false);
      expect(result.stop).toBe('gave-up');
      expect(result.reason).toContain(`lifetime of ${minutes} minutes ("${said}") is outside what Microsoft Graph allows`);
      expect(result.reason).toContain('10 to 43200');
    });
  }
});
