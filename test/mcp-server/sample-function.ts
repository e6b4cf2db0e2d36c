// A small joiner function and its fixtures for the MCP tests: a username from the name, checked against
// the directory, announced to an HTTP hook (so a dry run has a call to record).

export const SAMPLE_NAME = 'welcome-joiner';

export function sampleSource({ suffixStart = 1, description = 'First initial + last name, numbered on clash; announced to the hook.' } = {}): string {
  return `import { defineFunction } from '@joinery/sdk';

export default defineFunction({
  name: '${SAMPLE_NAME}',
  description: ${JSON.stringify(description)},
  trigger: 'user.joined',
  egress: ['hooks.example.com'],
  secrets: [],
  async run(event, ctx) {
    const base = (event.person.firstName[0] + event.person.lastName).toLowerCase().replace(/[^a-z0-9]/g, '');
    let username = base;
    for (let n = ${suffixStart}; await ctx.directory.isUsernameTaken(username); n++) username = base + n;
    const response = await ctx.http.fetch('https://hooks.example.com/joiners', { method: 'POST', body: { username } });
    ctx.log.info('announced', { status: response.status });
    return { username, announced: response.status };
  },
});
`;
}

export function sampleEvent(firstName = 'John', lastName = 'Smith') {
  return {
    type: 'user.joined',
    id: 'evt-1',
    occurredAt: '2026-11-20T09:00:00Z',
    person: { employeeId: 'E1001', firstName, lastName, department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
  };
}

const hook = (status = 201) => [{ request: { method: 'POST', url: 'https://hooks.example.com/joiners' }, response: { status, body: {}, headers: {} } }];

export function sampleFixtures({ suffixStart = 1 } = {}): string {
  return JSON.stringify([
    { name: 'free name', input: sampleEvent(), http: hook(), expect: { output: { username: 'jsmith', announced: 201 } } },
    {
      name: 'taken name gets a number',
      input: sampleEvent(),
      directory: { users: [{ id: 'u1', username: 'jsmith', email: 'jsmith@example.com', displayName: 'J Smith', employeeId: 'E9', department: 'Sales', status: 'active', groups: [] }] },
      http: hook(),
      expect: { output: { username: `jsmith${suffixStart}` }, calls: [{ method: 'POST', url: 'https://hooks.example.com/joiners', body: { username: `jsmith${suffixStart}` } }] },
    },
  ], null, 2);
}

export const SAMPLE_SPEC = '# welcome-joiner\n\nFirst initial + last name, lower case; a number when taken. Announced to hooks.example.com.\n';
