// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-username-missing-name-part.

function ascii(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '').replace(/[^a-z]/g, '');
}

export default defineFunction({
  name: 'fresh-username-missing-name-part',
  description: 'first.last; one part alone when the other is empty; u + employee id when neither has letters; numbered from 2.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const parts = [ascii(person.firstName), ascii(person.lastName)].filter((part) => part !== '');
    const base = parts.length > 0 ? parts.join('.') : `u${person.employeeId.toLowerCase()}`;
    for (let number = 1; number < 1000; number += 1) {
      const username = number === 1 ? base : `${base}${number}`;
      if (await ctx.directory.reserveUsername(username)) return { username };
    }
    throw new Error(`no free username for ${base}`);
  },
});
