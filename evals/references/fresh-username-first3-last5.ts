// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-username-first3-last5.

function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, '');
}

export default defineFunction({
  name: 'fresh-username-first3-last5',
  description: 'First 3 letters of the first name + first 5 of the last, lowercase; numbered from 2 when taken.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const base = letters(event.person.firstName).slice(0, 3) + letters(event.person.lastName).slice(0, 5);
    if (base === '') throw new Error('the name has no letters');
    for (let number = 1; number < 1000; number += 1) {
      const username = number === 1 ? base : `${base}${number}`;
      if (await ctx.directory.reserveUsername(username)) return { username };
    }
    throw new Error(`no free username for ${base}`);
  },
});
