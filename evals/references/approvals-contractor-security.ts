// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case approvals-contractor-security.

export default defineFunction({
  name: 'approvals-contractor-security',
  description: 'Manager first; contractors then eng-director (Engineering) and security; Finance employees then the finance director.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    const { person } = event;
    const manager = (person.managerEmail ?? '').trim().toLowerCase();
    if (manager === '') throw new Error(`no manager email for ${person.employeeId}`);
    const department = person.department.trim().toLowerCase();
    const approvers = [manager];
    if (person.employmentType === 'contractor') {
      if (department === 'engineering') approvers.push('eng-director@acme.com');
      approvers.push('security@acme.com');
    } else if (department === 'finance') {
      approvers.push('finance-director@acme.com');
    }
    return { approvers: [...new Set(approvers)] };
  },
});
