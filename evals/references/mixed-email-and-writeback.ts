// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case mixed-email-and-writeback.

function ascii(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');
}

export default defineFunction({
  name: 'mixed-email-and-writeback',
  description: 'firstname.lastname@acme.com (numbered from 2 on a clash), written back to BambooHR.',
  trigger: 'user.joined',
  egress: ['api.bamboohr.com'],
  secrets: [{ name: 'BAMBOOHR_API_KEY', hosts: ['api.bamboohr.com'] }],
  async run(event, ctx) {
    const { person } = event;
    const base = `${ascii(person.firstName)}.${ascii(person.lastName)}`;
    let email = '';
    for (let number = 1; number < 100 && email === ''; number += 1) {
      const candidate = `${base}${number === 1 ? '' : number}@acme.com`;
      if ((await ctx.directory.findUsers({ email: candidate })).length === 0) email = candidate;
    }
    if (email === '') throw new Error(`no free address for ${base}`);
    const response = await ctx.http.fetch(`https://api.bamboohr.com/api/gateway.php/acme/v1/employees/${encodeURIComponent(person.employeeId)}`, {
      method: 'POST',
      auth: { basic: { username: { secret: 'BAMBOOHR_API_KEY' }, password: 'x' } },
      body: { workEmail: email },
    });
    if (!response.ok) throw new Error(`BambooHR answered HTTP ${response.status}`);
    return { email, updated: true };
  },
});
