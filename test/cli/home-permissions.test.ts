// Issue 9, defect 9 through the CLI: JOINERY_HOME is created 0700 and joinery.db 0600 whatever the umask,
// and a looser existing home or database is reported on standard error, once each.

import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const mode = (path: string) => statSync(path).mode & 0o777;
let cwd: string;
let home: string;
let savedUmask: number;
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-home-'));
  home = join(cwd, 'data', '.joinery');
  savedUmask = process.umask(0);
});
afterAll(() => {
  process.umask(savedUmask);
  rmSync(cwd, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('JOINERY_HOME permissions', () => {
  it('creates the home 0700 and joinery.db 0600 with umask 0, without a warning', async () => {
    const listed = await runCli(['directory', 'list'], { cwd, home });
    expect(listed.code).toBe(0);
    expect(mode(home)).toBe(0o700);
    expect(mode(join(home, 'joinery.db'))).toBe(0o600);
    expect(listed.stderr).toBe('');
  });

  it('warns once about a home and a database that others may read', async () => {
    chmodSync(home, 0o755);
    chmodSync(join(home, 'joinery.db'), 0o644);
    for (const command of [['directory', 'list'], ['token', 'list']]) {
      const run = await runCli(command, { cwd, home });
      expect(run.code).toBe(0);
      expect(run.stderr.match(/warning: \.joinery is accessible to group or others \(mode 0755\)/g)).toHaveLength(1);
      expect(run.stderr.match(/warning: joinery\.db is accessible to group or others \(mode 0644\)/g)).toHaveLength(1);
    }
  });
});
