import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { moverGroupsRecognizer } from '../../../agent/offline/families/mover-groups/mover-groups.ts';
import { MOVER_READING_DEFAULTS } from '../../../agent/offline/families/mover-groups/mover-groups-mapping.ts';
import type { MappingRule } from '../../../agent/offline/kinds/mapping/mapping-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  const recognizers = [...RECOGNIZERS.filter((recognizer) => recognizer.family !== 'mover-groups'), moverGroupsRecognizer];
  return authorFunction({ requirement, model: createOfflineModel({ templates, recognizers }), toolchain, templates });
}

/** The generated function's mapping rule, in the mover-groups template's terms (what the reading read). */
function paramsOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as MappingRule;
  expect(rule).toMatchObject({ item: 'group', mode: 'diff', output: { field: 'add', removedField: 'remove' }, order: 'sorted' });
  const table = (field: 'department' | 'location' | 'employmentType', entries: MappingRule['grants']) => {
    const rows = entries.filter((entry) => Object.keys(entry.when).length === 1 && typeof entry.when[field] === 'string');
    return Object.fromEntries(rows.map((entry) => [entry.when[field], entry.items]));
  };
  expect(rule.exceptions.every((exception) => exception.pattern === undefined)).toBe(true);
  return {
    baselineGroups: rule.baseline,
    departmentGroups: table('department', rule.grants),
    locationGroups: table('location', rule.grants),
    employmentTypeGroups: table('employmentType', rule.grants),
    excludedGroups: table('employmentType', rule.exceptions),
  };
}

const TYPICAL = {
  baselineGroups: ['All-Staff', 'MFA-Required'],
  departmentGroups: { Engineering: ['GitHub-Users', 'VPN-Users'], Sales: ['CRM-Users'] },
  locationGroups: {},
  employmentTypeGroups: {},
  excludedGroups: { contractor: ['VPN-Users'] },
};

describe('offline author: mover-groups family', () => {
  it('reads into a mapping rule whose defaults are the hand-written template\'s parameters', () => {
    const template = templates.find((entry) => entry.family === 'mover-groups');
    expect(readTemplateParams(template?.source ?? '')).toEqual(MOVER_READING_DEFAULTS);
  });

  const paraphrases = [
    'On a move, add the new department\'s groups and remove the old ones. Engineering gets GitHub-Users and VPN-Users; Sales gets CRM-Users. Never remove All-Staff or MFA-Required. Contractors never get VPN-Users.',
    'Hi! For movers please: add the groups of the new department and take away the old department\'s groups, but never remove the baseline groups (All-Staff, MFA-Required). Engineering: GitHub-Users, VPN-Users. Sales: CRM-Users. Contractors should never get VPN-Users. Thanks a lot!',
    'Mover group changes:\n- Engineering → GitHub-Users, VPN-Users\n- Sales → CRM-Users\n- baseline groups: All-Staff, MFA-Required (never removed)\n- contractors never get VPN-Users',
    'when somone moves departmnet add the new groups and remove the old ones. Engeneering gets GitHub-Users and VPN-Users, Salse gets CRM-Users. Everyone keeps All-Staff and MFA-Required. Contractors dont get VPN-Users.',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1}: Engineering and Sales tables, baseline kept, contractors without VPN`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject(TYPICAL);
      expect(result.draft.lastTest?.report?.failed).toBe(0);
      expect(result.draft.lastTest?.report?.passed).toBeGreaterThanOrEqual(8);
      expect(result.draft.spec?.trigger).toBe('user.moved');
    });
  }

  it('reads location and worker-type tables, a heading-led list and the trailing rows of an intro sentence', async () => {
    const result = await author(
      'When people change department or office, swap their groups: Engineering\'s groups are GitHub-Users and VPN-Users.\nLocations:\n- London: Office-London\n- Berlin-based staff: Office-Berlin\n- Remote workers get Remote-Workers and VPN-Users\nInterns get the Interns group. Everyone gets All-Staff.',
    );
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineGroups: ['All-Staff'],
      departmentGroups: { Engineering: ['GitHub-Users', 'VPN-Users'] },
      locationGroups: { London: ['Office-London'], Berlin: ['Office-Berlin'], Remote: ['Remote-Workers', 'VPN-Users'] },
      employmentTypeGroups: { intern: ['Interns'] },
      excludedGroups: {},
    });
  });

  it('reads headings with rows on the same line, "=" rows, and an explanation of event.previous', async () => {
    const result = await author('mover: dept groups: Support = Support, Zendesk-Agents; Product = Product, Jira-Users. location groups: Paris = Office-Paris; Madrid = Office-Madrid. diff old vs new (event.previous has the old values of whatever changed) -> { add, remove }, sorted. All-Staff is never removed.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineGroups: ['All-Staff'],
      departmentGroups: { Support: ['Support', 'Zendesk-Agents'], Product: ['Product', 'Jira-Users'] },
      locationGroups: { Paris: ['Office-Paris'], Madrid: ['Office-Madrid'] },
    });
  });

  it('reads "X is for everyone and is never removed", "contractors are never in G" and a group named after an app', async () => {
    const rows = 'Department groups: Sales → Sales-All + Salesforce-Users; Support → Support-All. Location groups: Lyon → Office-Lyon.';
    const rules = 'Staff-All is for everyone and is never removed. Contractors are never in Sales-All.';
    const result = await author(`Movers: event.previous holds the old values. ${rows} ${rules} Return { add, remove }, sorted.`);
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toMatchObject({
      baselineGroups: ['Staff-All'],
      departmentGroups: { Sales: ['Sales-All', 'Salesforce-Users'], Support: ['Support-All'] },
      excludedGroups: { contractor: ['Sales-All'] },
    });
  });

  it('gives up on short sentences it cannot read rather than dropping them', async () => {
    for (const [extra, quoted] of [['Old groups stay for a week.', 'Old groups stay for a week'], ['Joiners in Finance get a laptop.', 'laptop']]) {
      const result = await author(`On a move, add new groups and remove old ones. Engineering gets GitHub-Users. ${extra}`);
      expect(result.ok, extra).toBe(false);
      expect(result.reason).toContain(quoted);
    }
  });

  it('turns a worked example into a fixture', async () => {
    const result = await author('On a move, add new groups and remove old ones. Engineering gets GitHub-Users and All-Staff. Sales gets CRM-Users. Everyone gets All-Staff. For example, someone moving from Engineering to Sales gets CRM-Users, loses GitHub-Users and keeps All-Staff.');
    expect(result.ok).toBe(true);
    expect(JSON.parse(result.draft.fixturesText ?? '[]')[0]).toMatchObject({
      input: { type: 'user.moved', person: { department: 'Sales' }, previous: { department: 'Engineering' } },
      expect: { output: { add: ['CRM-Users'], remove: ['GitHub-Users'] } },
    });
  });

  it('gives up on an example that contradicts the tables', async () => {
    const result = await author('On a move, add new groups and remove old ones. Engineering gets GitHub-Users. Sales gets CRM-Users. E.g. someone moving from Engineering to Sales gets CRM-Users and keeps GitHub-Users.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('does not follow the tables as understood');
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('When someone moves, update their groups. Engineering gets GitHub-Users. Sales gets CRM-Users. Wait 7 days before removing the old groups.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Wait 7 days before removing the old groups"');
    expect(result.draft.source).toBeUndefined();
  });

  it('names a sentence that belongs to no rule', async () => {
    const result = await author('On a move, add new groups and remove old ones. Engineering gets GitHub-Users. Also reassign their laptop to the new cost centre owner.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('"Also reassign their laptop to the new cost centre owner"');
  });

  it('gives up on groups by job title, which the template cannot express', async () => {
    const result = await author('On a move, add new groups and remove old ones. Engineering gets GitHub-Users. Managers get Managers-DL.');
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/"Managers": groups by job title/);
  });

  it('gives up when no group is named at all', async () => {
    const result = await author('When someone moves department, add the new department\'s groups and remove the old ones.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('no groups are named');
  });
});
