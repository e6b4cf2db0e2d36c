// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-username-from-employee-id.

export default defineFunction({
  name: 'fresh-username-from-employee-id',
  description: 'emp (ctr for contractors) + the employee id digits padded to 6; a taken login is an error.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const digits = person.employeeId.replace(/\D/g, '');
    if (digits === '') throw new Error(`employee id ${person.employeeId} has no digits`);
    const username = `${person.employmentType === 'contractor' ? 'ctr' : 'emp'}${digits.padStart(6, '0')}`;
    if (!(await ctx.directory.reserveUsername(username))) throw new Error(`${username} is already taken: was employee id ${person.employeeId} reused?`);
    return { username };
  },
});
