// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-approvals-executives-by-title.

const EXECUTIVE_APPROVERS = ['ceo-office@tailspin.io', 'board-secretary@tailspin.io'];

export default defineFunction({
  name: 'fresh-approvals-executives-by-title',
  description: 'Executives: CEO office then board secretary; others: manager, then security for Engineering and Finance.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    const { person } = event;
    const title = person.title?.trim() ?? '';
    if (/^chief\b/i.test(title) || /\bVP\b/.test(title) || /vice president/i.test(title)) return { approvers: EXECUTIVE_APPROVERS };
    const manager = person.managerEmail?.trim().toLowerCase();
    if (!manager) throw new Error(`no manager for ${person.employeeId}: cannot route the approval`);
    return { approvers: ['Engineering', 'Finance'].includes(person.department) ? [manager, 'security@tailspin.io'] : [manager] };
  },
});
