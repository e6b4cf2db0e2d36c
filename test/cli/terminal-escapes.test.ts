// Issue 9, defect 4: a reviewer must see the program that runs. Control characters and bidi overrides in
// source, guest logs and error messages reach the terminal escaped, never raw.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const ESC = '\x1b';
const RLO = '\u202e';
/** Raw characters that must never reach a terminal. */
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

let cwd: string;
let home: string;
const cli = (args: string[], user = 'alice') => runCli(args, { cwd, home, env: { JOINERY_USER: user } });

function source(comment: string): string {
  return `import { defineFunction } from '@joinery/sdk';
// reviewed and harmless${ESC}[2K${ESC}[1A
// ${comment} ${RLO}evil${RLO}
export default defineFunction({
  name: 'escape-demo',
  description: 'Shows that escapes stay visible.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    ctx.log.info('\\u001b[2Kcleared \\u202e reversed');
    return { ok: true };
  },
});
`;
}

const fixtures = [{
  name: 'returns ok',
  input: { type: 'user.joined', id: 'e1', occurredAt: '2026-01-01T00:00:00Z', person: { employeeId: 'E1', firstName: 'A', lastName: 'B', department: 'X', employmentType: 'employee', startDate: '2026-01-02' } },
  expect: { output: { ok: true } },
}];

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-escapes-'));
  home = join(cwd, '.joinery');
  writeFileSync(join(cwd, 'demo.fixtures.json'), JSON.stringify(fixtures));
  writeFileSync(join(cwd, 'event.json'), JSON.stringify(fixtures[0]?.input));
  for (const [version, comment] of [[1, 'first'], [2, 'second']] as const) {
    writeFileSync(join(cwd, 'demo.ts'), source(comment));
    expect((await cli(['publish', 'demo.ts', '--as', 'alice'])).code).toBe(0);
    expect((await cli(['review', `escape-demo@${version}`, '--approve', '--as', 'carol'], 'carol')).code).toBe(0);
  }
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('human-readable output shows control and bidi characters escaped', () => {
  it('show prints the source with \\x1b and \\u202e visible', async () => {
    const show = await cli(['show', 'escape-demo@1']);
    expect(show.code).toBe(0);
    expect(show.stdout).not.toMatch(RAW);
    expect(show.stdout).toContain('reviewed and harmless\\x1b[2K\\x1b[1A');
    expect(show.stdout).toContain('\\u202eevil\\u202e');
  });

  it('diff prints both sides escaped', async () => {
    const diff = await cli(['diff', 'escape-demo', '1', '2']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).not.toMatch(RAW);
    expect(diff.stdout).toContain('-// first \\u202eevil\\u202e');
    expect(diff.stdout).toContain('+// second \\u202eevil\\u202e');
  });

  it('run and logs print guest log lines escaped', async () => {
    const run = await cli(['run', 'escape-demo', '--input', 'event.json']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(RAW);
    expect(run.stdout).toContain('info: \\x1b[2Kcleared \\u202e reversed');
    const id = /execution (\d+)/.exec(run.stdout)?.[1] ?? '';
    const logs = await cli(['logs', 'escape-demo', '--id', id]);
    expect(logs.stdout).not.toMatch(RAW);
    expect(logs.stdout).toContain('\\u202e reversed');
  });

  it('--json stays parseable JSON with the same values and no raw bidi or C1 characters', async () => {
    const show = await cli(['show', 'escape-demo@1', '--json']);
    expect(show.stdout).not.toMatch(RAW);
    expect(show.json().version.source).toContain(`${ESC}[2K`);
    expect(show.json().version.source).toContain(RLO);
  });

  it('error messages that echo input are escaped', async () => {
    const shown = await cli(['show', `x${ESC}[2J${RLO}y`]);
    expect(shown.code).toBe(2);
    expect(shown.stderr).not.toMatch(RAW);
    expect(shown.stderr).toContain('x\\x1b[2J\\u202ey');
  });
});
