// The whole life of a function through the CLI, as an admin would drive it: check, test, publish,
// four-eyes review, diff, rollback, directory, secrets, run (dry and live-directory), logs.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sharedToolchain } from '../helpers/run-cli.ts';

const templates = new URL('../../templates/', import.meta.url);
let cwd: string;
let home: string;
// One compiler and one set of executor processes for the suite (started as a command would start them,
// from the same config); each command still gets a fresh composition root otherwise.
let toolchain: ReturnType<typeof sharedToolchain>;
const cli = (args: string[], options: { stdin?: string } = {}) => runCli(args, { cwd, home, toolchain: toolchain.toolchain, ...options });

const HRIS_SOURCE = `import { defineFunction } from '@joinery/sdk';
export default defineFunction({
  name: 'write-back-email',
  description: 'Writes the work email back to the HRIS.',
  trigger: 'user.joined',
  egress: ['api.bamboohr.com'],
  secrets: ['BAMBOOHR_API_KEY'],
  async run(event, ctx) {
    const key = await ctx.secrets.get('BAMBOOHR_API_KEY');
    ctx.log.info('writing back with key ' + key);
    const response = await ctx.http.fetch('https://api.bamboohr.com/api/gateway.php/acme/v1/employees/' + event.person.employeeId, {
      method: 'POST', headers: { authorization: 'Basic ' + btoa(key + ':x'), 'x-trace': key }, body: { workEmail: event.account?.email },
    });
    return { status: response.status, echoed: key.slice(0, 0) };
  },
});
`;
const HRIS_FIXTURES = [{
  name: 'writes back', input: event({ account: { email: 'jsmith@acme.com' } }), secrets: { BAMBOOHR_API_KEY: 'k' },
  http: [{ request: { method: 'POST', url: 'https://api.bamboohr.com/api/gateway.php/acme/v1/employees/E1' }, response: { status: 200, body: {} } }],
  expect: { output: { status: 200 } },
}];

function event(extra: Record<string, unknown> = {}) {
  return { type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' }, ...extra };
}

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-cli-'));
  home = join(cwd, '.joinery');
  // This suite plays alice, bob and carol from one OS account with --as, which the CLI allows only under
  // local trust (see cli/actor.ts; test/cli/actor-identity.test.ts covers the default, stricter rule).
  mkdirSync(home);
  writeFileSync(join(home, 'config.json'), JSON.stringify({ localTrust: true }));
  copyFileSync(new URL('username/username.ts', templates), join(cwd, 'username.ts'));
  copyFileSync(new URL('username/username.fixtures.json', templates), join(cwd, 'username.fixtures.json'));
  writeFileSync(join(cwd, 'hris.ts'), HRIS_SOURCE);
  writeFileSync(join(cwd, 'hris.fixtures.json'), JSON.stringify(HRIS_FIXTURES));
  writeFileSync(join(cwd, 'event.json'), JSON.stringify(event()));
  writeFileSync(join(cwd, 'users.csv'), 'id,username,email,displayName,employeeId,department,status,groups\nu1,jsmith,jsmith@acme.com,J Smith,E9,Sales,active,Staff;Sales\n');
  toolchain = sharedToolchain({ cwd, home });
});
afterAll(async () => {
  await toolchain.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('joinery CLI: a function from check to rollback', () => {
  it('checks and tests the username template', async () => {
    const check = await cli(['check', 'username.ts', '--json']);
    expect(check.code).toBe(0);
    expect(check.json().manifest).toMatchObject({ name: 'generate-username', trigger: 'user.joined', egress: [], secrets: [] });
    const test = await cli(['test', 'username.ts', '--json']);
    expect(test.code).toBe(0);
    expect(test.json().tests).toMatchObject({ failed: 0 });
    expect(test.json().tests.passed).toBeGreaterThanOrEqual(12);
  });

  it('reports a type error as line:column and exits 1', async () => {
    writeFileSync(join(cwd, 'broken.ts'), readFileSync(join(cwd, 'username.ts'), 'utf8').replace('return { username };', 'return { username: username * 2 };'));
    const check = await cli(['check', 'broken.ts']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/type-check: \d+:\d+ The left-hand side of an arithmetic operation/);
  });

  it('exits 2 with the JSON path for a malformed fixture file, and for a missing file', async () => {
    writeFileSync(join(cwd, 'bad.fixtures.json'), JSON.stringify([{ name: 'x', input: {}, expect: { calls: [{ url: 'https://x' }] } }]));
    const test = await cli(['test', 'username.ts', '--fixtures', 'bad.fixtures.json']);
    expect(test.code).toBe(2);
    expect(test.stdout).toContain('$[0].expect.calls[0].method');
    const missing = await cli(['test', 'nope.ts']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('"nope.ts" does not exist');
  });

  it('publishes, enforces four eyes, approves, refuses an identical republish', async () => {
    const publish = await cli(['publish', 'username.ts', '--as', 'alice', '--requested-by', 'bob', '--json']);
    expect(publish.code).toBe(0);
    expect(publish.json().published).toMatchObject({ name: 'generate-username', version: 1, status: 'pending_review' });
    for (const who of ['alice', 'bob']) {
      const own = await cli(['review', 'generate-username@1', '--approve', '--as', who, '--json']);
      expect(own.code).toBe(2);
      expect(own.json().error.code).toBe('FORBIDDEN');
    }
    const pendingRun = await cli(['run', 'generate-username', '--input', 'event.json']);
    expect(pendingRun.code).toBe(2);
    expect(pendingRun.stderr).toContain('no approved version');
    const approve = await cli(['review', 'generate-username@1', '--approve', '--as', 'carol', '--comment', 'clash suffix ok']);
    expect(approve.code).toBe(0);
    const again = await cli(['publish', 'username.ts', '--as', 'alice', '--json']);
    expect(again.code).toBe(2);
    expect(again.json().error.code).toBe('CONFLICT');
  });

  it('diffs two versions and rolls back', async () => {
    writeFileSync(join(cwd, 'username.ts'), readFileSync(join(cwd, 'username.ts'), 'utf8').replace('"maxLength": 20', '"maxLength": 21'));
    writeFileSync(join(cwd, 'username.fixtures.json'), JSON.stringify(JSON.parse(readFileSync(join(cwd, 'username.fixtures.json'), 'utf8')).filter((test: { name: string }) => !/20|21|limit|truncat/i.test(test.name))));
    expect((await cli(['publish', 'username.ts', '--as', 'alice'])).code).toBe(0);
    expect((await cli(['review', 'generate-username@2', '--approve', '--as', 'carol'])).code).toBe(0);
    const diff = await cli(['diff', 'generate-username', '1', '2', '--json']);
    expect(diff.json().sourceDiff).toContain('-  "maxLength": 20,');
    expect(diff.json().sourceDiff).toContain('+  "maxLength": 21,');
    expect((await cli(['activate', 'generate-username@1'])).code).toBe(0);
    const versions = await cli(['versions', 'generate-username', '--json']);
    expect(versions.json().versions.map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([[1, true], [2, false]]);
    const show = await cli(['show', 'generate-username@2', '--json']);
    expect(show.json().version).toMatchObject({ author: 'alice', status: 'approved' });
    expect(show.json().reviews[0]).toMatchObject({ reviewer: 'carol', decision: 'approved' });
  });

  it('runs the active version against the directory and logs the run; retired names stay taken', async () => {
    expect((await cli(['directory', 'import', 'users.csv'])).code).toBe(0);
    const run = await cli(['run', 'generate-username', '--input', 'event.json', '--json']);
    expect(run.code).toBe(0);
    expect(run.json().execution).toMatchObject({ version: 1, outcome: { kind: 'returned', value: { username: 'jsmith1' } } });
    expect((await cli(['directory', 'remove', 'jsmith'])).code).toBe(0);
    expect((await cli(['directory', 'list', '--retired', '--json'])).json()).toMatchObject({ retiredUsernames: ['jsmith'], retiredEmails: ['jsmith@acme.com'] });
    const afterRemoval = await cli(['run', 'generate-username', '--input', 'event.json', '--json']);
    expect(afterRemoval.json().execution.outcome.value).toEqual({ username: 'jsmith1' });
    const logs = await cli(['logs', 'generate-username', '--json']);
    expect(logs.json().executions).toHaveLength(2);
  });

  it('keeps secret values out of argv, listings and execution records; dry-run records calls', async () => {
    const refused = await cli(['secret', 'set', 'BAMBOOHR_API_KEY', 'inline-value']);
    expect(refused.code).toBe(2);
    expect((await cli(['secret', 'set', 'BAMBOOHR_API_KEY'], { stdin: 's3cr3t-key-value\n' })).code).toBe(0);
    const list = await cli(['secret', 'list', '--json']);
    expect(JSON.stringify(list.json())).not.toContain('s3cr3t');
    expect((await cli(['publish', 'hris.ts', '--as', 'alice'])).code).toBe(0);
    expect((await cli(['review', 'write-back-email@1', '--approve', '--as', 'carol'])).code).toBe(0);
    writeFileSync(join(cwd, 'joined.json'), JSON.stringify(event({ account: { email: 'jsmith@acme.com' } })));
    const run = await cli(['run', 'write-back-email', '--input', 'joined.json', '--dry-run', '--json']);
    expect(run.code).toBe(0);
    const execution = run.json().execution;
    expect(execution.dryRun).toBe(true);
    expect(execution.calls).toEqual([expect.objectContaining({ method: 'POST', url: 'https://api.bamboohr.com/api/gateway.php/acme/v1/employees/E1' })]);
    const stored = await cli(['logs', 'write-back-email', '--id', String(execution.id), '--json']);
    const text = JSON.stringify(stored.json());
    expect(text).not.toContain('s3cr3t-key-value');
    expect(text).not.toContain(Buffer.from('s3cr3t-key-value:x').toString('base64'));
    // The function only ever held a placeholder: the record shows where the secret went, not what it is.
    expect(execution.calls[0].headers).toMatchObject({ authorization: 'Basic [secret:BAMBOOHR_API_KEY]', 'x-trace': '[secret:BAMBOOHR_API_KEY]' });
    expect(text).toContain('writing back with key [secret:BAMBOOHR_API_KEY]');
  });

  it('gives precise errors for unknown names, versions and commands', async () => {
    expect((await cli(['run', 'no-such-function', '--input', 'event.json'])).code).toBe(2);
    expect((await cli(['run', '../../x', '--input', 'event.json'])).stderr).toContain('is not a function reference');
    expect((await cli(['show', 'generate-username@9'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['review', 'generate-username@1', '--approve', '--reject', '--as', 'x'])).code).toBe(2);
    expect((await cli(['review', 'generate-username@1', '--approve', '--as', 'x\u200b'])).stderr).toContain('U+200B');
  });

  it('has --help for every command', async () => {
    const overview = await cli(['--help']);
    const names = [...overview.stdout.matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThanOrEqual(13);
    for (const name of names) {
      const help = await cli([name, '--help']);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toContain('Usage: joinery');
    }
  });
});
