// An equipment ticket as a one-step HTTP action rule: a ServiceNow record (instance, table) with the
// hardware profile for the department and the IT queue for the location as value tables, the description
// writing a missing field as "(not set)", and the record's number and sys_id as the output. The function,
// the reference and the fixtures are http-action's; templates/ticket is the same rule written by hand.

import type { HttpActionRule, ValueTable } from '../../kinds/http-action/http-action-rule.ts';

/** What the ticket phrases read (the ticket template's parameters). */
export interface TicketParams {
  functionName: string;
  instanceHost: string;
  table: string;
  assignmentGroupsByLocation: Record<string, string>;
  defaultAssignmentGroup: string;
  hardwareProfilesByDepartment: Record<string, string>;
  defaultHardwareProfile: string;
  extraFields: Record<string, string>;
}

/** The params while reading: the rule's defaults (http-action's form) with the template's parameters written next to them. */
export type TicketReading = HttpActionRule & Partial<TicketParams>;

/** The reading before the text says anything: the ticket template's example parameters (a test keeps them equal). */
export const TICKET_READING_DEFAULTS: TicketParams = {
  functionName: 'order-joiner-equipment',
  instanceHost: 'example.service-now.com',
  table: 'sc_task',
  assignmentGroupsByLocation: { London: 'IT Service Desk - London', Berlin: 'IT Service Desk - Berlin', 'New York': 'IT Service Desk - New York' },
  defaultAssignmentGroup: 'IT Service Desk',
  hardwareProfilesByDepartment: {
    Engineering: 'Developer: MacBook Pro 16-inch, 64 GB RAM, two 27-inch monitors, dock',
    Design: 'Creative: MacBook Pro 16-inch, 32 GB RAM, 32-inch 6K monitor, tablet',
    Sales: 'Mobile: MacBook Air 13-inch, headset, phone',
  },
  defaultHardwareProfile: 'Standard: ThinkPad T14, 24-inch monitor, headset',
  extraFields: {},
};

/** Everything the IT desk needs to prepare the equipment; a field the person lacks is "(not set)". */
const DESCRIPTION = [
  'Name: <name>',
  'Employee ID: <employeeId>',
  'Start date: <startDate>',
  'Location: <location|(not set)>',
  'Title: <title|(not set)>',
  'Department: <department|>',
  'Employment type: <employmentType>',
  'Manager: <managerEmail|(not set)>',
  'Hardware profile: <tables.hardwareProfile>',
].join('\n');

/** One row per key: the keys compare case-insensitively after trimming, the first that holds wins. */
function tableOf(name: string, field: 'department' | 'location', entries: Record<string, string>, otherwise: string): ValueTable {
  return { name, rows: Object.entries(entries).map(([key, value]) => ({ when: [{ field, values: [key], negate: false }], value })), otherwise };
}

export function ticketAction(ticket: TicketParams): HttpActionRule {
  // Display values in, so assignment_group can be the group's name; only number and sys_id back.
  const url = `https://${ticket.instanceHost}/api/now/table/${ticket.table}?sysparm_input_display_value=true&sysparm_fields=number,sys_id`;
  const body = {
    ...ticket.extraFields,
    short_description: 'New starter equipment: <name>, starts <startDate>',
    description: DESCRIPTION,
    assignment_group: '<tables.assignmentGroup>',
    // Ties the ticket to the lifecycle event, so a duplicate can be found by the event id.
    correlation_id: '<eventId>',
  };
  return {
    functionName: ticket.functionName,
    trigger: 'user.joined',
    when: [],
    skipOutput: { skipped: true },
    steps: [
      {
        when: [],
        method: 'POST',
        url,
        auth: { scheme: 'bearer', secret: 'SERVICENOW_TOKEN' },
        body,
        successStatus: 201,
        requires: ['result.number', 'result.sys_id'],
        sensitive: [],
      },
    ],
    tables: [
      tableOf('hardwareProfile', 'department', ticket.hardwareProfilesByDepartment, ticket.defaultHardwareProfile),
      tableOf('assignmentGroup', 'location', ticket.assignmentGroupsByLocation, ticket.defaultAssignmentGroup),
    ],
    output: {
      ticket: '<steps.1.result.number>',
      sysId: '<steps.1.result.sys_id>',
      assignmentGroup: '<tables.assignmentGroup>',
      hardwareProfile: '<tables.hardwareProfile>',
    },
  };
}

/** The rule before the text says anything. */
export const TICKET_DEFAULTS: TicketReading = ticketAction(TICKET_READING_DEFAULTS);
