import { defineFunction, type FetchResponse, type Person } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** The ServiceNow instance host, also the only egress host. */
  instanceHost: string;
  /** The Table API table: "sc_task" (a catalog task for the IT queue) or "incident". */
  table: string;
  /** IT queue (assignment group display name) by location; keys compare case-insensitively after trimming. */
  assignmentGroupsByLocation: Record<string, string>;
  /** The queue for a missing or unlisted location. */
  defaultAssignmentGroup: string;
  /** Hardware profile by department; keys compare case-insensitively after trimming. */
  hardwareProfilesByDepartment: Record<string, string>;
  /** The profile for an unlisted department. */
  defaultHardwareProfile: string;
  /** Fixed fields added to every ticket (display values), e.g. { "category": "Hardware", "priority": "3" }. */
  extraFields: Record<string, string>;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "order-joiner-equipment",
  "instanceHost": "example.service-now.com",
  "table": "sc_task",
  "assignmentGroupsByLocation": {
    "London": "IT Service Desk - London",
    "Berlin": "IT Service Desk - Berlin",
    "New York": "IT Service Desk - New York"
  },
  "defaultAssignmentGroup": "IT Service Desk",
  "hardwareProfilesByDepartment": {
    "Engineering": "Developer: MacBook Pro 16-inch, 64 GB RAM, two 27-inch monitors, dock",
    "Design": "Creative: MacBook Pro 16-inch, 32 GB RAM, 32-inch 6K monitor, tablet",
    "Sales": "Mobile: MacBook Air 13-inch, headset, phone"
  },
  "defaultHardwareProfile": "Standard: ThinkPad T14, 24-inch monitor, headset",
  "extraFields": {}
};
/* joinery:params:end */

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

function lookup(table: Record<string, string>, key: string | null | undefined, fallback: string): string {
  return Object.entries(table).find(([name]) => fold(name) === fold(key))?.[1] ?? fallback;
}

const CORE_FIELDS = ['short_description', 'description', 'assignment_group', 'correlation_id'];

function checkParams(): void {
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(PARAMS.instanceHost)) throw new Error(`instanceHost ${JSON.stringify(PARAMS.instanceHost)} must be a bare host name such as "example.service-now.com"`);
  if (!/^[a-z0-9_]+$/.test(PARAMS.table)) throw new Error(`table ${JSON.stringify(PARAMS.table)} is not a ServiceNow table name`);
  for (const name of Object.keys(PARAMS.extraFields)) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`extraFields: ${JSON.stringify(name)} is not a ServiceNow field name`);
    if (CORE_FIELDS.includes(name)) throw new Error(`extraFields: ${name} is set by the function itself`);
  }
}

/** The ticket's fields: everything the IT desk needs to prepare the equipment, in one place. */
function ticketFields(person: Person, eventId: string) {
  const name = `${person.preferredName?.trim() || person.firstName} ${person.lastName}`;
  const hardwareProfile = lookup(PARAMS.hardwareProfilesByDepartment, person.department, PARAMS.defaultHardwareProfile);
  const assignmentGroup = lookup(PARAMS.assignmentGroupsByLocation, person.location, PARAMS.defaultAssignmentGroup);
  const lines = [
    `Name: ${name}`,
    `Employee ID: ${person.employeeId}`,
    `Start date: ${person.startDate}`,
    `Location: ${person.location?.trim() || '(not set)'}`,
    `Title: ${person.title?.trim() || '(not set)'}`,
    `Department: ${person.department.trim()}`,
    `Employment type: ${person.employmentType}`,
    `Manager: ${person.managerEmail?.trim() || '(not set)'}`,
    `Hardware profile: ${hardwareProfile}`,
  ];
  return {
    ...PARAMS.extraFields,
    short_description: `New starter equipment: ${name}, starts ${person.startDate}`,
    description: lines.join('\n'),
    assignment_group: assignmentGroup,
    // Ties the ticket to the lifecycle event, so a duplicate can be found by the event id.
    correlation_id: eventId,
    hardwareProfile,
  };
}

async function describeFailure(response: FetchResponse): Promise<string> {
  const text = await response.text();
  let detail = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { error?: { message?: string; detail?: string } };
    if (body.error?.message) detail = [body.error.message, body.error.detail].filter(Boolean).join(': ');
  } catch {
    // Not JSON (a proxy page): the start of the text is the detail.
  }
  return `HTTP ${response.status}${detail.trim() ? ` ${detail.trim()}` : ''}`;
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Opens a ServiceNow ${PARAMS.table} on ${PARAMS.instanceHost} for a joiner's equipment: hardware profile by department, IT queue by location.`,
  trigger: 'user.joined',
  egress: [PARAMS.instanceHost],
  // The token goes to the instance only; the host adds it at egress and the function never sees it.
  secrets: [{ name: 'SERVICENOW_TOKEN', hosts: [PARAMS.instanceHost] }],
  async run(event, ctx) {
    checkParams();
    const { hardwareProfile, ...fields } = ticketFields(event.person, event.id);
    // Display values in, so assignment_group can be the group's name; only number and sys_id back.
    const query = 'sysparm_input_display_value=true&sysparm_fields=number,sys_id';
    const response = await ctx.http.fetch(`https://${PARAMS.instanceHost}/api/now/table/${PARAMS.table}?${query}`, {
      method: 'POST',
      auth: { bearer: 'SERVICENOW_TOKEN' },
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: fields,
    });
    if (response.status !== 201) {
      throw new Error(`ServiceNow did not create the ${PARAMS.table} for ${event.person.employeeId}: ${await describeFailure(response)}`);
    }
    const { result } = (await response.json()) as { result?: { number?: string; sys_id?: string } };
    if (!result?.number || !result.sys_id) throw new Error('ServiceNow answered 201 without result.number and result.sys_id');
    ctx.log.info('equipment ticket created', { ticket: result.number, assignmentGroup: fields.assignment_group });
    return { ticket: result.number, sysId: result.sys_id, assignmentGroup: fields.assignment_group, hardwareProfile };
  },
});
