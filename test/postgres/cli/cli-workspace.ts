// Test helper: a scratch folder for CLI tests on Postgres, as a user would have it: a home with
// config.json (local trust), the username template and its fixtures, and a joiner event in event.json.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TEMPLATE = new URL('../../../templates/username/', import.meta.url);

const JOINER_EVENT = {
  type: 'user.joined', id: 'evt-1', occurredAt: '2026-11-20T09:00:00Z',
  person: { employeeId: 'E1', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
};

export function cliWorkspace(prefix: string): { cwd: string; home: string } {
  const cwd = mkdtempSync(join(tmpdir(), prefix));
  const home = join(cwd, '.joinery');
  mkdirSync(home);
  writeFileSync(join(home, 'config.json'), JSON.stringify({ localTrust: true }));
  copyFileSync(new URL('username.ts', TEMPLATE), join(cwd, 'username.ts'));
  copyFileSync(new URL('username.fixtures.json', TEMPLATE), join(cwd, 'username.fixtures.json'));
  writeFileSync(join(cwd, 'event.json'), JSON.stringify(JOINER_EVENT));
  return { cwd, home };
}
