// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-username-and-email-together.

export default defineFunction({
  name: 'fresh-username-and-email-together',
  description: 'Username first initial + last name (ext- for contractors, <= 20, numbered from 1); email = username at the right domain.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const contractor = person.employmentType === 'contractor';
    const prefix = contractor ? 'ext-' : '';
    const base = (person.firstName.charAt(0) + person.lastName).toLowerCase().replace(/[^a-z0-9]/g, '');
    for (let number = 0; number < 1000; number += 1) {
      const suffix = number === 0 ? '' : String(number);
      const username = prefix + base.slice(0, 20 - prefix.length - suffix.length) + suffix;
      if (await ctx.directory.reserveUsername(username)) {
        return { username, email: `${username}@${contractor ? 'contractors.relecloud.com' : 'relecloud.com'}` };
      }
    }
    throw new Error(`no free username for ${base}`);
  },
});
