// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-username-rehire-by-employee-id.

export default defineFunction({
  name: 'fresh-username-rehire-by-employee-id',
  description: 'A rehire gets the username of their earlier account (by employee id); others first initial + last name.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const earlier = await ctx.directory.findUsers({ employeeId: person.employeeId });
    const previous = earlier[0];
    if (previous !== undefined) return { username: previous.username, rehire: true };
    const base = (person.firstName.charAt(0) + person.lastName).toLowerCase().replace(/[^a-z0-9]/g, '');
    for (let number = 0; number < 1000; number += 1) {
      const username = number === 0 ? base : `${base}${number}`;
      if (await ctx.directory.reserveUsername(username)) return { username, rehire: false };
    }
    throw new Error(`no free username for ${base}`);
  },
});
