import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { groupsRecognizer } from '../../../agent/offline/families/groups/groups.ts';
import { GROUPS_READING_DEFAULTS } from '../../../agent/offline/families/groups/groups-mapping.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  return authorFunction({ requirement, model: createOfflineModel({ templates, recognizers: [...RECOGNIZERS, groupsRecognizer] }), toolchain, templates });
}

/** The generated function's mapping rule, in the groups template's terms (what the reading read). */
function paramsOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as MappingRule;
  expect(rule).toMatchObject({ item: 'group', output: { field: 'groups', removedField: 'excluded' }, order: 'sorted' });
  return {
    baselineGroups: rule.baseline,
    rules: rule.grants.map((grant) => ({ when: grant.when, groups: grant.items })),
    exclusions: rule.exceptions.map((exception) => ({
      when: exception.when,
      ...(exception.items.length ? { groups: exception.items } : {}),
      ...(exception.pattern === undefined ? {} : { groupPattern: exception.pattern }),
    })),
  };
}

const TYPICAL = {
  baselineGroups: ['All-Staff'],
  rules: [
    { when: { department: 'Engineering' }, groups: ['GitHub-Users', 'Jira-Users'] },
    { when: { department: 'Sales' }, groups: ['Salesforce-Users'] },
    { when: { location: 'Berlin' }, groups: ['DE-Office'] },
    { when: { titlePattern: '\\bmanagers?\\b' }, groups: ['Managers-DL'] },
  ],
  exclusions: [{ when: { employmentType: 'contractor' }, groups: ['VPN-Users'] }],
};

describe('offline author: groups family', () => {
  it('reads into a mapping rule whose defaults are the hand-written template\'s parameters', () => {
    const template = templates.find((entry) => entry.family === 'groups');
    expect(readTemplateParams(template?.source ?? '')).toEqual(GROUPS_READING_DEFAULTS);
  });

  const paraphrases = [
    'Everyone gets All-Staff. Engineering gets GitHub-Users and Jira-Users, Sales gets Salesforce-Users. People in Berlin get DE-Office. Managers get Managers-DL. Contractors never get VPN-Users.',
    "Hi team! Hope you're well. Could you write the group logic for our new joiners? Everybody should be added to All-Staff. Engineering folks get GitHub-Users and Jira-Users, while the Sales team gets Salesforce-Users. Anyone based in Berlin goes into DE-Office, and managers get Managers-DL. Oh, and contractors must not be added to VPN-Users. Thanks!",
    '- everyone: All-Staff\n- Engineering -> GitHub-Users, Jira-Users\n- Sales -> Salesforce-Users\n- Berlin office: DE-Office\n- managers: Managers-DL\n- contractors: no VPN-Users',
    'evryone gets All-Staff; Engneering gets GitHub-Users + Jira-Users, Sales gets Salesforce-Users; poeple in Berlin get DE-Office; managers get Managers-DL; contractors never get VPN-Users',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} gives the baseline, four rules and the contractor exception`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject(TYPICAL);
      expect(result.draft.lastTest?.report?.failed).toBe(0);
    });
  }

  it('reads verb-first and "for" sentences, a title that contains a word, "everyone else", interns without admin groups, and an example', async () => {
    const result = await author(
      'Add everyone to All-Staff and MFA-Required. Put people in the London office into UK-Office. CRM-Users for Sales and Marketing, Eng-Tools for everyone else. Anyone whose title contains "Director" gets Directors-DL. Interns get no admin groups. For example, a Sales director in London gets All-Staff, CRM-Users, Directors-DL, MFA-Required and UK-Office.',
    );
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineGroups: ['All-Staff', 'MFA-Required'],
      rules: [
        { when: { location: 'London' }, groups: ['UK-Office'] },
        { when: { department: ['Sales', 'Marketing'] }, groups: ['CRM-Users'] },
        { when: { unless: { department: ['Sales', 'Marketing'] } }, groups: ['Eng-Tools'] },
        { when: { titlePattern: 'Director' }, groups: ['Directors-DL'] },
      ],
      exclusions: [{ when: { employmentType: 'intern' }, groupPattern: 'admin' }],
    });
    const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Array<{ name: string }>;
    expect(fixtures[0]?.name).toContain('example 1 from the requirement');
  });

  it('reads combined conditions and an exception written after the groups', async () => {
    const result = await author('Engineering managers in Berlin get Eng-Leads. Everyone gets VPN-Users, except contractors. Cost centre 4100 gets Finance-Reports.');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineGroups: ['VPN-Users'],
      rules: [{ when: { department: 'Engineering', location: 'Berlin', titlePattern: '\\bmanagers?\\b' }, groups: ['Eng-Leads'] }, { when: { costCenter: '4100' }, groups: ['Finance-Reports'] }],
      exclusions: [{ when: { employmentType: 'contractor' }, groups: ['VPN-Users'] }],
    });
  });

  it('reads an exception written as "excluded from" and one in brackets', async () => {
    const result = await author('Security groups: Engineering -> Eng-SG, IT -> IT-Admins (interns get no admin groups). Contractors are excluded from VPN-Users.');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      rules: [{ when: { department: 'Engineering' }, groups: ['Eng-SG'] }, { when: { department: 'IT' }, groups: ['IT-Admins'] }],
      exclusions: [{ when: { employmentType: 'intern' }, groupPattern: 'admin' }, { when: { employmentType: 'contractor' }, groups: ['VPN-Users'] }],
    });
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Everyone gets All-Staff. Sales gets Salesforce-Users. Also create their home folder on the file server.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also create their home folder on the file server"');
    expect(result.draft.source).toBeUndefined();
  });

  it('names a sentence that grants something it cannot read as groups', async () => {
    const result = await author('Everyone gets All-Staff. Managers get notified by email.');
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Managers get notified by email"');
  });

  it('gives up on an example that contradicts the rules', async () => {
    const result = await author('Everyone gets All-Staff. Sales gets CRM-Users. For example, a Sales contractor gets All-Staff and VPN-Users.');
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('does not follow the rules as understood');
  });

  it('gives up on a rule that contradicts itself', async () => {
    const result = await author('Everyone gets All-Staff. Contractors get VPN-Users. Contractors never get VPN-Users.');
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('both given and denied the group VPN-Users');
  });

  it('reads "everyone else" in its own sentence as whoever no earlier rule matched', async () => {
    const result = await author('Engineering managers in Berlin get Eng-Leads. Sales gets CRM-Users. Everyone else gets General-Users.');
    expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
    expect(paramsOf(result.draft.source)).toMatchObject({
      rules: [
        { when: { department: 'Engineering', location: 'Berlin', titlePattern: '\\bmanagers?\\b' }, groups: ['Eng-Leads'] },
        { when: { department: 'Sales' }, groups: ['CRM-Users'] },
        { when: { unless: [{ department: 'Engineering', location: 'Berlin', titlePattern: '\\bmanagers?\\b' }, { department: 'Sales' }] }, groups: ['General-Users'] },
      ],
    });
  });

  describe('output sentences, asides and the ways admins say "whatever"', () => {
    it('accepts an output sentence naming only the groups, a bulleted "all:" row, "regardless of their team", a bracketed remark and a note on messy data', async () => {
      const result = await author('- all: Everyone-DL\n- Engineering → Dev-Users, VPN-Users\n- Support → Zendesk-Agents\nFreelancers never get VPN-Users, regardless of their team (legal insisted). The HR data is inconsistent: trim whitespace and compare case-insensitively.\n- output { groups }, sorted');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({
        baselineGroups: ['Everyone-DL'],
        rules: [{ when: { department: 'Engineering' }, groups: ['Dev-Users', 'VPN-Users'] }, { when: { department: 'Support' }, groups: ['Zendesk-Agents'] }],
        exclusions: [{ when: { employmentType: 'contractor' }, groups: ['VPN-Users'] }],
      });
    });

    it('accepts "please return the groups sorted alphabetically"', async () => {
      const result = await author('Everyone gets All-Staff. Finance gets Finance-ERP. Please return the groups sorted alphabetically.');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({ baselineGroups: ['All-Staff'], rules: [{ when: { department: 'Finance' }, groups: ['Finance-ERP'] }] });
    });

    it('names back an output sentence that asks for a field the function does not return', async () => {
      const result = await author('Everyone gets All-Staff; Sales gets CRM-Users. Return { groups, licences } sorted.');
      expect(result.stop).toBe('gave-up');
      expect(result.reason).toContain('"Return { groups, licences } sorted" asks for "licences"');
    });

    it('reads a title prefix, a reason after "since", a cost centre with its name in brackets and "Exception:"', async () => {
      const result = await author("Anyone whose title begins with VP → Leadership-DL; contractors don't get Leadership-DL since they are external. Cost centre 7100 (Marketing Ops) → Campaign-Tools. Exception: interns never get any group with 'Admin' in its name. Everyone gets All-Staff and Ops-Admins.");
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({
        baselineGroups: ['All-Staff', 'Ops-Admins'],
        rules: [{ when: { titlePattern: '^\\s*(?:VP)\\b' }, groups: ['Leadership-DL'] }, { when: { costCenter: '7100' }, groups: ['Campaign-Tools'] }],
        exclusions: [{ when: { employmentType: 'contractor' }, groups: ['Leadership-DL'] }, { when: { employmentType: 'intern' }, groupPattern: 'Admin' }],
      });
    });

    it('reads "contains the word A or B" as whole words, "(whole words only)", and "not X either because …"', async () => {
      const result = await author('Add anyone whose title contains the word Lead or Principal to Tech-Leads (whole words only). contractors get Vendors-DL but never VPN-Users, and not MFA-Required either because their company handles MFA. Everyone gets VPN-Users and MFA-Required.');
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(paramsOf(result.draft.source)).toMatchObject({
        rules: [{ when: { titlePattern: '\\b(?:Lead|Principal)\\b' }, groups: ['Tech-Leads'] }, { when: { employmentType: 'contractor' }, groups: ['Vendors-DL'] }],
        exclusions: [{ when: { employmentType: 'contractor' }, groups: ['VPN-Users', 'MFA-Required'] }],
      });
    });
  });
});
