// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-username-nordic-letters: ø → o, unlike Entra's table.

const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };

function ascii(text: string): string {
  const stripped = text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '');
  return Array.from(stripped, (character) => LETTERS[character] ?? character).join('').replace(/[^a-z0-9]/g, '');
}

export default defineFunction({
  name: 'fresh-username-nordic-letters',
  description: 'First initial + surname in ASCII with the office spellings; numbered from 1 on a clash.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const first = ascii(event.person.firstName);
    const last = ascii(event.person.lastName);
    if (first === '' || last === '') throw new Error('the name has no letters after transliteration');
    const base = first.charAt(0) + last;
    for (let number = 0; number < 1000; number += 1) {
      const username = number === 0 ? base : `${base}${number}`;
      if (await ctx.directory.reserveUsername(username)) return { username };
    }
    throw new Error(`no free username for ${base}`);
  },
});
