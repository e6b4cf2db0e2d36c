// `joinery run` as its own process exits when the run is over: the registry is closed with the command,
// which ends the execution record writer's thread (it kept the process alive, and the command never
// returned to the shell, before cli/stores.ts closed it).

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { spawnCli } from '../postgres/cli/spawn-cli.ts';

const TEMPLATE = new URL('../../templates/username/', import.meta.url);
const cwd = mkdtempSync(join(tmpdir(), 'joinery-run-exits-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

it('exits after a run, with the run\'s code', async () => {
  const home = join(cwd, '.joinery');
  mkdirSync(home, { mode: 0o700 });
  writeFileSync(join(home, 'config.json'), JSON.stringify({ localTrust: true }));
  copyFileSync(new URL('username.ts', TEMPLATE), join(cwd, 'username.ts'));
  copyFileSync(new URL('username.fixtures.json', TEMPLATE), join(cwd, 'username.fixtures.json'));
  const person = { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' };
  writeFileSync(join(cwd, 'event.json'), JSON.stringify({ type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z', person }));
  const env = { JOINERY_HOME: home };
  expect((await spawnCli(['publish', 'username.ts', '--as', 'alice'], { cwd, env })).code).toBe(0);
  expect((await spawnCli(['review', 'generate-username@1', '--approve', '--as', 'carol'], { cwd, env })).code).toBe(0);
  const run = await Promise.race([
    spawnCli(['run', 'generate-username', '--input', 'event.json', '--dry-run'], { cwd, env }),
    new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 60_000)),
  ]);
  expect(run === 'still running' ? run : run.code).toBe(0);
}, 120_000);
