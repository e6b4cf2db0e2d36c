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

let cwd: string;
let home: string;
const cli = (args: string[], options: { stdin?: string } = {}) => runCli(args, { cwd, home, ...options });
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
  it('keeps an Entra secret in a form body and escape() out of --json, text output, logs and the database', async () => {
    expect((await cli(['secret', 'set', 'ENTRA_CLIENT_SECRET'], { stdin: `${ENTRA_SECRET}\n` })).code).toBe(0);
    const published = await cli(['publish', 'entra.ts', '--as', 'alice']);
    expect(published.code, published.stdout + published.stderr).toBe(0);
    expect((await cli(['review', 'entra-form-body@1', '--approve', '--as', 'carol'])).code).toBe(0);

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
