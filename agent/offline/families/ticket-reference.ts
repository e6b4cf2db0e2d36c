// The offline author's reference for the ticket family: the ServiceNow request and the result a correct
// function gives for given parameters and a person. Computed independently of the template.

import type { Person } from '../../../core/sdk/index.ts';

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

export function ticketUrl(params: TicketParams): string {
  return `https://${params.instanceHost}/api/now/table/${params.table}?sysparm_input_display_value=true&sysparm_fields=number,sys_id`;
}

/** Keys compare case-insensitively after trimming; a missing or unlisted key takes the default. */
function pick(table: Record<string, string>, key: string | null | undefined, fallback: string): string {
  const wanted = (key ?? '').trim().toLowerCase();
  for (const name of Object.keys(table)) if (name.trim().toLowerCase() === wanted) return table[name]!;
  return fallback;
}

export function expectedTicket(params: TicketParams, person: Person, eventId: string): { body: Record<string, string>; assignmentGroup: string; hardwareProfile: string } {
  const hardwareProfile = pick(params.hardwareProfilesByDepartment, person.department, params.defaultHardwareProfile);
  const assignmentGroup = pick(params.assignmentGroupsByLocation, person.location, params.defaultAssignmentGroup);
  const orUnset = (value: string | null | undefined) => (value && value.trim() ? value.trim() : '(not set)');
  const name = `${orUnset(person.preferredName) === '(not set)' ? person.firstName : orUnset(person.preferredName)} ${person.lastName}`;
  const description = [
    `Name: ${name}`,
    `Employee ID: ${person.employeeId}`,
    `Start date: ${person.startDate}`,
    `Location: ${orUnset(person.location)}`,
    `Title: ${orUnset(person.title)}`,
    `Department: ${person.department.trim()}`,
    `Employment type: ${person.employmentType}`,
    `Manager: ${orUnset(person.managerEmail)}`,
    `Hardware profile: ${hardwareProfile}`,
  ].join('\n');
  const body = {
    ...params.extraFields,
    short_description: `New starter equipment: ${name}, starts ${person.startDate}`,
    description,
    assignment_group: assignmentGroup,
    correlation_id: eventId,
  };
  return { body, assignmentGroup, hardwareProfile };
}

/** The record number ServiceNow gives for the table: INC for incidents, SCTASK for catalog tasks. */
export function recordNumber(table: string, sequence: number): string {
  const prefix = ({ incident: 'INC', sc_task: 'SCTASK', sc_req_item: 'RITM', sc_request: 'REQ' } as Record<string, string>)[table] ?? 'TKT';
  return `${prefix}${String(10000 + sequence).padStart(7, '0')}`;
}
