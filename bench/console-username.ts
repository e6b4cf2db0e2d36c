// Two versions of a username rule for the console bench and tests: @1 spells ø as "oe" (Entra's table),
// @2 as "o". On Søren Ødegård they differ: soedegard → sodegard, which the behavioural diff must show.

export function usernameSource({
  oSlash,
  description = 'First initial + last name, lowercase ASCII.',
  extra = '',
}: {
  oSlash: string;
  description?: string;
  extra?: string;
}): string {
  return `import { defineFunction } from '@joinery/sdk';

const SPELLINGS: Record<string, string> = { ø: '${oSlash}', æ: 'ae', ß: 'ss' };

/** Lowercase ASCII letters only: transliterate, decompose, drop marks and everything else. */
function normalize(name: string): string {
  const lower = Array.from(name.toLowerCase(), (character) => SPELLINGS[character] ?? character).join('');
  return lower.normalize('NFKD').replace(/\\p{M}/gu, '').replace(/[^a-z]/g, '');
}
${extra}
export default defineFunction({
  name: 'generate-username',
  description: ${JSON.stringify(description)},
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const base = normalize(event.person.firstName).charAt(0) + normalize(event.person.lastName);
    for (let number = 0; number < 100; number++) {
      const candidate = number === 0 ? base : base + number;
      if (await ctx.directory.reserveUsername(candidate)) {
        ctx.log.info('username chosen', { username: candidate });
        return { username: candidate };
      }
    }
    throw new Error('no free username for ' + base);
  },
});
`;
}

export function joiner(id: string, firstName: string, lastName: string): Record<string, unknown> {
  return {
    type: 'user.joined',
    id,
    occurredAt: '2026-11-20T09:00:00Z',
    person: {
      employeeId: `E-${id}`,
      firstName,
      lastName,
      department: 'Engineering',
      employmentType: 'employee',
      startDate: '2026-12-01',
    },
  };
}

/** Fixtures: Søren Ødegård (spelt as `soren`), John Smith, and `count - 2` more plain names. */
export function usernameFixtures({ soren, count = 3 }: { soren: string; count?: number }): string {
  const tests = [
    {
      name: 'Danish ø',
      input: joiner('evt-soren', 'Søren', 'Ødegård'),
      expect: { output: { username: soren } },
    },
    {
      name: 'plain name',
      input: joiner('evt-john', 'John', 'Smith'),
      expect: { output: { username: 'jsmith' } },
    },
  ];
  for (let index = 2; index < count; index++) {
    const last = `Person${String.fromCharCode(97 + (index % 26))}${index}`;
    tests.push({
      name: `plain name ${index}`,
      input: joiner(`evt-${index}`, 'Ada', last),
      expect: {
        output: { username: `a${last.toLowerCase().replace(/[^a-z]/g, '')}` },
      },
    });
  }
  return JSON.stringify(tests, null, 2);
}
