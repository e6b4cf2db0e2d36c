// A BambooHR-shaped and a Workday-shaped webhook payload, and the mappings a published function for each
// source would perform (here as scripted behaviours: the route, the signature checks and the queueing are
// what the webhook tests exercise; the mapping runs through the real run path and execution log).

import type { Behaviour } from './harness.ts';

/** BambooHR: `{ employees: [{ id, action, timestamp, fields: { "First Name": { value } ... } }] }`. */
export const BAMBOOHR_PAYLOAD = {
  employees: [
    {
      id: '4021',
      action: 'Created',
      timestamp: '2026-11-20T09:00:00+00:00',
      fields: {
        'First Name': { value: 'Maria' },
        'Last Name': { value: 'García' },
        Department: { value: 'Finance' },
        'Employment Status': { value: 'Full-Time' },
        'Hire Date': { value: '2026-12-01' },
      },
    },
  ],
};

/** Workday: one business-process notification for a Hire. */
export const WORKDAY_PAYLOAD = {
  Business_Process: { Type: 'Hire', Reference_ID: 'BP-77812', Completed_On: '2026-11-20T10:30:00Z' },
  Worker: {
    Worker_ID: '21004',
    Personal_Data: { Legal_Name: { First_Name: 'Kenji', Last_Name: 'Watanabe' } },
    Position: { Supervisory_Organization: 'Engineering', Worker_Type: 'Contingent_Worker', Hire_Date: '2026-12-07' },
  },
};

type Fields = Record<string, { value: string }>;

export const mapBambooHr: Behaviour = (payload) => ({
  kind: 'returned',
  value: (payload.employees as Array<{ id: string; action: string; timestamp: string; fields: Fields }>).map((employee) => ({
    type: 'user.joined',
    id: `bamboohr-${employee.id}-${employee.timestamp}`,
    occurredAt: employee.timestamp,
    person: {
      employeeId: employee.id,
      firstName: employee.fields['First Name']?.value,
      lastName: employee.fields['Last Name']?.value,
      department: employee.fields.Department?.value,
      employmentType: employee.fields['Employment Status']?.value === 'Contractor' ? 'contractor' : 'employee',
      startDate: employee.fields['Hire Date']?.value,
    },
  })),
});

export const mapWorkday: Behaviour = (payload) => {
  const process = payload.Business_Process as { Type: string; Reference_ID: string; Completed_On: string };
  const worker = payload.Worker as { Worker_ID: string; Personal_Data: { Legal_Name: { First_Name: string; Last_Name: string } }; Position: Record<string, string> };
  return {
    kind: 'returned',
    value: {
      type: process.Type === 'Hire' ? 'user.joined' : process.Type === 'Termination' ? 'user.left' : 'user.moved',
      id: `workday-${process.Reference_ID}`,
      occurredAt: process.Completed_On,
      person: {
        employeeId: worker.Worker_ID,
        firstName: worker.Personal_Data.Legal_Name.First_Name,
        lastName: worker.Personal_Data.Legal_Name.Last_Name,
        department: worker.Position.Supervisory_Organization,
        employmentType: worker.Position.Worker_Type === 'Contingent_Worker' ? 'contractor' : 'employee',
        startDate: worker.Position.Hire_Date,
      },
    },
  };
};
