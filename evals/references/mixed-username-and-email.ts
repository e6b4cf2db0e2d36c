// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case mixed-username-and-email.

function ascii(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '').replace(/[^a-z]/g, '');
}

export default defineFunction({
  name: 'mixed-username-and-email',
  description: 'Username (first initial + last name, numbered from 1, at most 20) and <username>@acme.com.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const first = ascii(event.person.firstName);
    const last = ascii(event.person.lastName);
    if (first === '' || last === '') throw new Error('the name has no letters');
    const base = first[0] + last;
    for (let number = 0; number < 1000; number += 1) {
      const suffix = number === 0 ? '' : String(number);
      const username = base.slice(0, 20 - suffix.length) + suffix;
      // isUsernameTaken covers active and disabled users and every retired name.
      if (!(await ctx.directory.isUsernameTaken(username))) return { username, email: `${username}@acme.com` };
    }
    throw new Error(`no free username for ${base}`);
  },
});
