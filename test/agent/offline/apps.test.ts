import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { appsRecognizer } from '../../../agent/offline/families/apps/apps.ts';
import { APPS_READING_DEFAULTS, appsParamsOf } from '../../../agent/offline/families/apps/apps-mapping.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  return authorFunction({ requirement, model: createOfflineModel({ templates, recognizers: [...RECOGNIZERS, appsRecognizer] }), toolchain, templates });
}

/** The generated function's mapping rule, in the apps template's terms (tables for one-field rules). */
function paramsOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as MappingRule;
  expect(rule).toMatchObject({ item: 'app', output: { field: 'apps', removedField: 'skipped' }, order: 'sorted' });
  const grants = rule.grants.map((grant) => ({ when: grant.when, names: grant.items }));
  const pattern = (exception: MappingRule['exceptions'][number]) => (exception.pattern === undefined ? {} : { pattern: exception.pattern });
  const withholds = rule.exceptions.map((exception) => ({ when: exception.when, names: exception.items, ...pattern(exception) }));
  return appsParamsOf({ baseline: rule.baseline, grants, withholds });
}

const TYPICAL = {
  baselineApps: ['Slack'],
  departmentApps: { Sales: ['Salesforce'], Engineering: ['Jira', 'GitHub'] },
  employmentTypeApps: {},
  excludedApps: { contractor: ['Salesforce'] },
  rules: [],
  exclusions: [],
};

describe('offline author: apps family', () => {
  it('reads into a mapping rule whose defaults are the hand-written template\'s parameters', () => {
    const template = templates.find((entry) => entry.family === 'apps');
    expect(readTemplateParams(template?.source ?? '')).toEqual(APPS_READING_DEFAULTS);
  });

  const paraphrases = [
    'Sales gets Salesforce, Engineering gets Jira and GitHub, everyone gets Slack; contractors skip Salesforce.',
    "Hello! Hope you're doing well. We'd like app assignment for new starters please: the Sales team should get Salesforce, while Engineering gets Jira and GitHub. Everybody gets Slack. Contractors shouldn't get Salesforce though. Thanks a lot!",
    'Apps for joiners:\n* Sales -> Salesforce\n* Engineering -> Jira, GitHub\n* everyone -> Slack\n* contractors: no Salesforce',
    'Sales get Salesforce, Engneering get jira and github, evryone gets slack, contractors never get salesforce',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} gives Salesforce for Sales, Jira and GitHub for Engineering, Slack for everyone, no Salesforce for contractors`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject(TYPICAL);
      expect(result.draft.lastTest?.report?.failed).toBe(0);
    });
  }

  it('reads locations, titles, several departments, licences, an intern table and an exception by location', async () => {
    const result = await author(
      'Give everyone Slack and Zoom. Sales and Marketing get a HubSpot licence. Designers get Figma. People in the Berlin office get Personio. Interns get Notion. Interns should not get GitHub. Nobody in London gets Zoom.',
    );
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineApps: ['Slack', 'Zoom'],
      departmentApps: { Sales: ['HubSpot'], Marketing: ['HubSpot'] },
      employmentTypeApps: { intern: ['Notion'] },
      excludedApps: { intern: ['GitHub'] },
      rules: [{ when: { titlePattern: '\\bdesigners?\\b' }, apps: ['Figma'] }, { when: { location: 'Berlin' }, apps: ['Personio'] }],
      exclusions: [{ when: { location: 'London' }, apps: ['Zoom'] }],
    });
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Everyone gets Slack. Sales gets Salesforce. Also order them a laptop.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also order them a laptop"');
    expect(result.draft.source).toBeUndefined();
  });

  it('names a sentence whose apps it cannot read', async () => {
    const result = await author('Everyone gets Slack. Engineering gets whatever tools their manager asks for.');
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Engineering gets whatever tools their manager asks for"');
  });

  it('gives up when the same people are given and denied an app', async () => {
    const result = await author('Everyone gets Slack and Zoom. Interns get Figma. Interns never get Figma.');
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('both given and denied the app Figma');
  });

  it('reads lower-case names, a table with pipes and "only"', async () => {
    const result = await author('App matrix:\n| everyone | slack, zoom |\n| sales | salesforce |\n| engineering | jira, github |\nContractors only get Slack.');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineApps: ['Slack', 'Zoom'],
      departmentApps: { Sales: ['Salesforce'], Engineering: ['Jira', 'GitHub'] },
      employmentTypeApps: { contractor: ['Slack'] },
      exclusions: [{ when: { employmentType: 'contractor' }, appPattern: '^(?!(?:Slack)$)' }],
    });
  });

  it('gives up when a kind of app is granted instead of named', async () => {
    const result = await author('Everyone gets Slack. Engineering gets all developer apps.');
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('Engineering gets all developer apps');
  });

  describe('"nothing", "neither", teasers and spelling notes', () => {
    it('reads "everyone else gets nothing" when nobody gets an app by default, and an output sentence', async () => {
      const result = await author('Apps: Design gets Figma and Miro; Marketing gets Miro. Everyone else gets nothing. Return { apps } sorted A-Z.');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ baselineApps: [], departmentApps: { Design: ['Figma', 'Miro'], Marketing: ['Miro'] }, excludedApps: {} });
    });

    it('gives up on "nothing" next to apps everyone gets', async () => {
      const result = await author('Everyone gets Slack. Design gets Figma. Everyone else gets nothing.');
      expect(result.stop).toBe('gave-up');
      expect(result.reason).toContain('"nothing" is unclear next to the apps everyone gets');
    });

    it('reads a teaser, "neither, regardless of their department", a spelling note and a bracketed reason', async () => {
      const result = await author("some people need zoom, some need figma, some both! Design → Figma and Zoom. Marketing → Zoom. Interns get neither, regardless of their department. App names exactly: Zoom, Figma. Contractors don't get Zoom (they bring their own).");
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ departmentApps: { Design: ['Figma', 'Zoom'], Marketing: ['Zoom'] }, excludedApps: { contractor: ['Zoom'], intern: ['Figma', 'Zoom'] } });
    });

    it('names back a teaser app no rule grants, and "neither" among three apps', async () => {
      const teaser = await author('some people get notion, some get miro. Design → Miro.');
      expect(teaser.stop).toBe('gave-up');
      expect(teaser.reason).toContain('"some people get notion, some get miro" names Notion');
      const neither = await author('Design → Miro. Support → Zendesk. Marketing → Canva. Interns get neither.');
      expect(neither.stop).toBe('gave-up');
      expect(neither.reason).toContain('"neither" is unclear when the rules name 3 apps');
    });
  });
});
