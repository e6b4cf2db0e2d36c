// `joinery run` with a function that builds the standard OAuth client-credentials form body from an Entra
// client secret (which contains "~") and escape()s it: neither the --json document, the text output, the
// logs command nor the database file holds the value in any encoding. A dry run, so nothing is sent.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { formsIn } from '../runtime/helpers/secret-forms.ts';

const ENTRA_SECRET = 'Q~8Xy.ab_cd~EfGh1234567890-zz~Kq';
const SOURCE = `import { defineFunction } from '@joinery/sdk';
export default defineFunction({
  name: 'entra-form-body',
  description: 'Requests a Graph token with the client secret in a form body, the old way.',
  trigger: 'manual',
  egress: ['login.microsoftonline.com'],
  secrets: ['ENTRA_CLIENT_SECRET'],
  async run(event, ctx) {
    const secret = await ctx.secrets.get('ENTRA_CLIENT_SECRET');
    const body = new URLSearchParams({ client_id: 'app-1', client_secret: secret, grant_type: 'client_credentials' }).toString();
    ctx.log.info('form ' + body);
    ctx.log.info('escaped ' + escape(secret));
    const response = await ctx.http.fetch('https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body,
    });
    return { status: response.status, body, escaped: escape(secret) };
  },
});
`;
const FIXTURES = [{
  name: 'posts the form', input: { type: 'manual', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'Ann', lastName: 'Lee', department: 'IT', employmentType: 'employee', startDate: '2026-12-01' } },
  secrets: { ENTRA_CLIENT_SECRET: 'test~secret' },
  http: [{ request: { method: 'POST', url: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token' }, response: { status: 200, body: {} } }],
  expect: { output: { status: 200 }, calls: [{ method: 'POST', url: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token', body: 'client_id=app-1&client_secret=test%7Esecret&grant_type=client_credentials' }] },
}];

const GRAPH_SOURCE = `import { defineFunction } from '@joinery/sdk';
export default defineFunction({
  name: 'disable-in-graph',
  description: 'Disables the account in Entra.',
  trigger: 'manual',
  egress: ['graph.microsoft.com'],
  secrets: [{ name: 'GRAPH_TOKEN', hosts: ['graph.microsoft.com'] }],
  async run(event, ctx) {
    const response = await ctx.http.fetch('https://graph.microsoft.com/v1.0/users/' + event.person.employeeId, { method: 'PATCH', auth: { bearer: 'GRAPH_TOKEN' }, body: { accountEnabled: false } });
    return { status: response.status };
  },
});
`;
const GRAPH_FIXTURES = [{
  name: 'disables', input: FIXTURES[0]?.input, secrets: { GRAPH_TOKEN: 'test-token' },
  http: [{ request: { method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/users/E1' }, response: { status: 204 } }],
  expect: { output: { status: 204 }, calls: [{ method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/users/E1', headers: { authorization: 'Bearer test-token' } }] },
}];

let cwd: string;
let home: string;
const cli = (args: string[], options: { stdin?: string; env?: Record<string, string> } = {}) => runCli(args, { cwd, home, ...options });
const databaseBytes = () => readdirSync(home).filter((file) => file.startsWith('joinery.db')).map((file) => readFileSync(join(home, file)).toString('latin1')).join('\n');

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-cli-secrets-'));
  home = join(cwd, '.joinery');
  writeFileSync(join(cwd, 'entra.ts'), SOURCE);
  writeFileSync(join(cwd, 'entra.fixtures.json'), JSON.stringify(FIXTURES));
  writeFileSync(join(cwd, 'event.json'), JSON.stringify(FIXTURES[0]?.input));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('joinery run: secrets in encoded forms', () => {
  it('runs dry with no secret set (issue 11: "GRAPH_TOKEN is not set"): placeholders recorded, nothing sent', async () => {
    writeFileSync(join(cwd, 'graph.ts'), GRAPH_SOURCE);
    writeFileSync(join(cwd, 'graph.fixtures.json'), JSON.stringify(GRAPH_FIXTURES));
    expect((await cli(['publish', 'graph.ts'], { env: { JOINERY_USER: 'alice' } })).code).toBe(0);
    expect((await cli(['review', 'disable-in-graph@1', '--approve'], { env: { JOINERY_USER: 'carol' } })).code).toBe(0);
    const run = await cli(['run', 'disable-in-graph', '--input', 'event.json', '--dry-run', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.json().execution.calls).toEqual([expect.objectContaining({ method: 'PATCH', headers: expect.objectContaining({ authorization: 'Bearer [secret:GRAPH_TOKEN]' }) })]);
    const live = await cli(['run', 'disable-in-graph', '--input', 'event.json', '--json']);
    expect(live.json().execution.outcome.message).toContain('secret "GRAPH_TOKEN" is not set; an operator sets it with: joinery secret set GRAPH_TOKEN');
  });

  it('keeps an Entra secret in a form body and escape() out of --json, text output, logs and the database', async () => {
    expect((await cli(['secret', 'set', 'ENTRA_CLIENT_SECRET'], { stdin: `${ENTRA_SECRET}\n` })).code).toBe(0);
    const published = await cli(['publish', 'entra.ts'], { env: { JOINERY_USER: 'alice' } });
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect((await cli(['review', 'entra-form-body@1', '--approve'], { env: { JOINERY_USER: 'carol' } })).code).toBe(0);

    const json = await cli(['run', 'entra-form-body', '--input', 'event.json', '--dry-run', '--json']);
    const text = await cli(['run', 'entra-form-body', '--input', 'event.json', '--dry-run']);
    const logs = await cli(['logs', 'entra-form-body', '--json']);

    expect(json.code).toBe(0);
    for (const output of [json.stdout, json.stderr, text.stdout, text.stderr, logs.stdout, databaseBytes()]) {
      expect(formsIn(output, ENTRA_SECRET)).toEqual([]);
    }
    const execution = json.json().execution;
    expect(execution.outcome.value.body).toBe('client_id=app-1&client_secret=[secret:ENTRA_CLIENT_SECRET]&grant_type=client_credentials');
    expect(execution.calls[0].body).toBe('client_id=app-1&client_secret=[secret:ENTRA_CLIENT_SECRET]&grant_type=client_credentials');
    expect(text.stdout).toContain('info: escaped [secret:ENTRA_CLIENT_SECRET]');
  });
});
