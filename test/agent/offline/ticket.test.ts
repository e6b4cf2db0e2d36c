import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams, RECOGNIZERS } from '../../../agent/index.ts';
import { ticketRecognizer } from '../../../agent/offline/families/ticket/ticket.ts';
import { TICKET_READING_DEFAULTS } from '../../../agent/offline/families/ticket/ticket-action.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function author(requirement: string) {
  const model = createOfflineModel({ templates, recognizers: [...RECOGNIZERS, ticketRecognizer] });
  return authorFunction({ requirement, model, toolchain, templates });
}

/** The ticket's parameters read back from the http-action rule the function was generated from. */
function paramsOf(source: string | undefined) {
  const rule = readTemplateParams(source ?? '') as unknown as HttpActionRule;
  const [step] = rule.steps;
  const url = new URL(step?.url ?? '');
  const table = (name: string) => rule.tables.find((candidate) => candidate.name === name);
  const entries = (name: string) => Object.fromEntries((table(name)?.rows ?? []).map((row) => [row.when[0]?.values[0], row.value]));
  const body = (step?.body ?? {}) as Record<string, string>;
  const own = ['short_description', 'description', 'assignment_group', 'correlation_id'];
  const extraFields = Object.fromEntries(Object.entries(body).filter(([name]) => !own.includes(name)));
  return {
    functionName: rule.functionName,
    instanceHost: url.host,
    table: url.pathname.split('/').at(-1),
    assignmentGroupsByLocation: entries('assignmentGroup'),
    defaultAssignmentGroup: table('assignmentGroup')?.otherwise,
    hardwareProfilesByDepartment: entries('hardwareProfile'),
    defaultHardwareProfile: table('hardwareProfile')?.otherwise,
    extraFields,
  };
}

const HARDWARE = { hardwareProfilesByDepartment: { Engineering: 'MacBook Pro 16' }, defaultHardwareProfile: 'MacBook Air' };

describe('offline author: ticket family', () => {
  const paraphrases = [
    'ServiceNow ticket for new hire equipment on acme.service-now.com. Engineering gets a MacBook Pro 16, everyone else a MacBook Air.',
    'Hi there! For every new joiner, please open a ticket in our ServiceNow instance (acme.service-now.com) so IT can prepare their laptop. Engineering gets a MacBook Pro 16 and everyone else gets a MacBook Air. Thanks!',
    '- create a ServiceNow catalog task on acme.service-now.com\n- hardware by department:\n- Engineering: MacBook Pro 16\n- everyone else: MacBook Air',
    'Open a SeviceNow tiket on acme.service-now.com: enginering gets a MacBook Pro 16, everone else a MacBook Air',
    'POST https://acme.service-now.com/api/now/table/sc_task?sysparm_input_display_value=true&sysparm_fields=number,sys_id with a bearer token from the secret SERVICENOW_TOKEN. short_description "New starter equipment: <name>, starts <start date>"; correlation_id = the event id. Hardware profile in the description: Engineering → "MacBook Pro 16", anything else → "MacBook Air". Not 201 → an error with the status. Return { ticket: <result.number> }.',
  ];
  for (const [index, requirement] of paraphrases.entries()) {
    it(`paraphrase ${index + 1} gives acme's sc_task, a MacBook Pro 16 for Engineering and a MacBook Air for everyone else`, async () => {
      const result = await author(requirement);
      expect(result.reason).toMatch(/^The function passes its type-check and every fixture./);
      expect(result.ok).toBe(true);
      expect(paramsOf(result.draft.source)).toMatchObject({ instanceHost: 'acme.service-now.com', table: 'sc_task', ...HARDWARE });
      expect(result.draft.lastTest?.report?.failed).toBe(0);
      expect(result.draft.lastTest?.report?.passed).toBeGreaterThanOrEqual(8);
    });
  }

  it("the reading starts from the ticket template's example parameters", () => {
    const template = templates.find((entry) => entry.family === 'ticket');
    expect(readTemplateParams(template?.source ?? '')).toEqual(TICKET_READING_DEFAULTS);
  });

  it('is written as an http-action rule: a missing or blank field is "(not set)", values are trimmed, and it runs', async () => {
    const result = await author(paraphrases[0] ?? '');
    expect(result.ok).toBe(true);
    type Fixture = { name: string; expect: { calls?: Array<{ body?: { description?: string } }> } };
    const fixtures = JSON.parse(result.draft.fixturesText ?? '[]') as Fixture[];
    const descriptionOf = (start: string) => fixtures.find((fixture) => fixture.name.startsWith(start))?.expect.calls?.[0]?.body?.description;
    expect(descriptionOf('no location, title, department, managerEmail')).toContain(
      'Location: (not set)\nTitle: (not set)\nDepartment: \nEmployment type: employee\nManager: (not set)\nHardware profile: MacBook Air',
    );
    expect(descriptionOf('location, title, department, managerEmail with spaces around')).toContain(
      'Location: Lisbon\nTitle: Analyst\nDepartment: Engineering\nEmployment type: employee\nManager: jane.doe@example.com\nHardware profile: MacBook Pro 16',
    );
    // What the ticket's own fixtures checked before: keys in another case, a login page's 200 instead of 201.
    expect(fixtures.map((fixture) => fixture.name)).toEqual(expect.arrayContaining([
      'department Engineering written in capitals with spaces around: hardwareProfile is still "MacBook Pro 16"',
      'step 1 answering 200 (a login page) instead of 201 is an error',
      'step 1 answering without result.number is an error',
    ]));
    expect(result.draft.lastTest?.report?.failed).toBe(0);
  });

  it('reads an incident with fixed fields, queues by location and hardware by department with defaults', async () => {
    const result = await author('Create a ServiceNow incident on globex.service-now.com with priority 3 and category Hardware. Assign London to EMEA Desk, Berlin to EMEA Desk and New York to US Desk; everything else goes to Global IT. Engineers get a ThinkPad P1, Sales a MacBook Air 13, default is a ThinkPad T14.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toEqual(expect.objectContaining({
      instanceHost: 'globex.service-now.com',
      table: 'incident',
      assignmentGroupsByLocation: { London: 'EMEA Desk', Berlin: 'EMEA Desk', 'New York': 'US Desk' },
      defaultAssignmentGroup: 'Global IT',
      hardwareProfilesByDepartment: { Engineering: 'ThinkPad P1', Sales: 'MacBook Air 13' },
      defaultHardwareProfile: 'ThinkPad T14',
      extraFields: { priority: '3', category: 'Hardware' },
    }));
  });

  it('reads bulleted tables under headings, a custom table and one queue for everyone', async () => {
    const result = await author('Raise a ServiceNow ticket (table u_equipment_request) on initech.service-now.com assigned to the Deskside Support group.\nHardware by department:\n- Engineering: MacBook Pro 16 with 64 GB RAM\n- Design: MacBook Pro 14\n- anyone else: MacBook Air');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toEqual(expect.objectContaining({
      instanceHost: 'initech.service-now.com',
      table: 'u_equipment_request',
      assignmentGroupsByLocation: {},
      defaultAssignmentGroup: 'Deskside Support',
      hardwareProfilesByDepartment: { Engineering: 'MacBook Pro 16 with 64 GB RAM', Design: 'MacBook Pro 14' },
      defaultHardwareProfile: 'MacBook Air',
    }));
  });

  it('reads a bracketed queue list with "defaulting to", a condition and misspelt departments', async () => {
    const result = await author('ServiceNow on acme.service-now.com: tickets go to the IT queue for their location (London: LON-IT, Paris: PAR-IT), defaulting to GLOBAL-IT. If they are in Enginering or Desing they get a MacBook Pro 16, otherwise a MacBook Air.');
    expect(result.ok).toBe(true);
    expect(paramsOf(result.draft.source)).toEqual(expect.objectContaining({
      assignmentGroupsByLocation: { London: 'LON-IT', Paris: 'PAR-IT' },
      defaultAssignmentGroup: 'GLOBAL-IT',
      hardwareProfilesByDepartment: { Engineering: 'MacBook Pro 16', Design: 'MacBook Pro 16' },
      defaultHardwareProfile: 'MacBook Air',
    }));
  });

  it('names the sentence it cannot handle and writes no function', async () => {
    const result = await author('Create a ServiceNow ticket for new hire laptops on acme.service-now.com. Engineering gets a MacBook Pro 16. Also add them to the VPN group.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('"Also add them to the VPN group"');
    expect(result.draft.source).toBeUndefined();
  });

  it('names a table entry it cannot place: hardware by location', async () => {
    const result = await author('Create a ServiceNow ticket on acme.service-now.com. London gets ThinkPads.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('hardware by location ("London → ThinkPads") is not supported');
  });

  it('gives up on a priority ServiceNow does not have', async () => {
    const result = await author('Create a ServiceNow ticket for equipment on acme.service-now.com with priority 7. Engineering gets a MacBook Pro 16.');
    expect(result.ok).toBe(false);
    expect(result.stop).toBe('gave-up');
    expect(result.reason).toContain('priority 7 is not a ServiceNow priority: it runs from 1 to 5');
  });

  it('gives up on a ticket system other than ServiceNow', async () => {
    const result = await author('Create a Jira Service Management ticket for the laptop. Engineering gets a MacBook Pro 16.');
    expect(result.ok).toBe(false);
    expect(result.reason).toContain('a ticket system other than ServiceNow ("Create a Jira Service Management ticket for the laptop")');
  });
});
