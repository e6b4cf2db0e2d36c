// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case username-contractor-employee-id.

const TRANSLITERATIONS: Record<string, string> = { æ: 'ae', ø: 'oe', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };

function ascii(text: string): string {
  const decomposed = text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
  return Array.from(decomposed, (character) => TRANSLITERATIONS[character] ?? character).join('').replace(/[^a-z0-9]/g, '');
}

export default defineFunction({
  name: 'username-contractor-employee-id',
  description: 'Employees: first initial + last name, numbered from 1, at most 20; contractors: ext + employee id, never numbered.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    if (person.employmentType === 'contractor') {
      const username = `ext${ascii(person.employeeId)}`;
      if (await ctx.directory.isUsernameTaken(username)) throw new Error(`the contractor username ${username} is already taken`);
      return { username };
    }
    const first = ascii(person.firstName);
    const last = ascii(person.lastName);
    if (first === '' || last === '') throw new Error('the name has no letters');
    const base = first[0] + last;
    for (let number = 0; number < 1000; number += 1) {
      const suffix = number === 0 ? '' : String(number);
      const username = base.slice(0, 20 - suffix.length) + suffix;
      if (!(await ctx.directory.isUsernameTaken(username))) return { username };
    }
    throw new Error(`no free username for ${base}`);
  },
});
