// Issue 9, defect 6 through the CLI: `run` refuses a version altered in joinery.db (exit 3, INTEGRITY),
// and `show` recomputes the digest and says it does not match.

import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { tamperWithVersion } from '../helpers/tamper-with-version.ts';

const templates = new URL('../../templates/', import.meta.url);
let cwd: string;
let home: string;
const cli = (args: string[], user = 'alice') => runCli(args, { cwd, home, env: { JOINERY_USER: user } });

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-integrity-'));
  home = join(cwd, '.joinery');
  copyFileSync(new URL('username/username.ts', templates), join(cwd, 'username.ts'));
  copyFileSync(new URL('username/username.fixtures.json', templates), join(cwd, 'username.fixtures.json'));
  writeFileSync(join(cwd, 'event.json'), JSON.stringify({ type: 'user.joined', id: 'e1', occurredAt: '2026-01-01T00:00:00Z', person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'X', employmentType: 'employee', startDate: '2026-01-02' } }));
  expect((await cli(['publish', 'username.ts', '--as', 'alice'])).code).toBe(0);
  expect((await cli(['review', 'generate-username@1', '--approve', '--as', 'carol'], 'carol')).code).toBe(0);
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('a version altered in joinery.db', () => {
  it('runs and shows as matching before it is altered', async () => {
    expect((await cli(['run', 'generate-username', '--input', 'event.json', '--dry-run'])).code).toBe(0);
    const show = await cli(['show', 'generate-username@1']);
    expect(show.stdout).toContain('(matches the source and bundle)');
  });

  it('is refused by run with INTEGRITY and shown as a mismatch', async () => {
    const db = openDatabase(join(home, 'joinery.db'));
    tamperWithVersion(db, { name: 'generate-username', version: 1, column: 'bundle', value: 'globalThis.__handler = { run: () => ({ username: "root" }) };' });
    closeDatabase(db);

    const run = await cli(['run', 'generate-username', '--input', 'event.json', '--json']);
    expect(run.code).toBe(3);
    expect(run.json().error).toMatchObject({ code: 'INTEGRITY', message: expect.stringContaining('generate-username@1 was altered') });
    const show = await cli(['show', 'generate-username@1']);
    expect(show.code).toBe(3);
    expect(show.stdout).toContain('sha256 MISMATCH');
    const json = (await cli(['show', 'generate-username@1', '--json'])).json();
    expect(json.integrity).toMatchObject({ ok: false });
    expect(json.integrity.stored).not.toBe(json.integrity.computed);
  });
});
