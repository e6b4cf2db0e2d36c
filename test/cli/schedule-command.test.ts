// `joinery schedule set|list|remove`: cron checked up front, changes audited.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('joinery schedule', () => {
  let folder: string;
  let home: string;
  const cli = (...args: string[]) => runCli(args, { cwd: folder, home });
  // The CLI acts as JOINERY_USER (or the OS user); --as someone else needs local trust, which these tests do not enable.
  const cliAs = (user: string) => (...args: string[]) => runCli(args, { cwd: folder, home, env: { JOINERY_USER: user } });
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-schedule-'));
    home = join(folder, '.joinery');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('sets, lists and removes a schedule', async () => {
    const set = await cliAs('olivia')('schedule', 'set', 'weekday-review', '--cron', '0  9 * * 1-5', '--flow', 'access-review', '--json');
    expect(set.code).toBe(0);
    expect(set.json().schedule).toMatchObject({ name: 'weekday-review', cron: '0 9 * * 1-5', target: { kind: 'flow', name: 'access-review' }, lastFiredAt: null });
    expect((await cli('schedule', 'list')).stdout).toMatch(/weekday-review\s+0 9 \* \* 1-5\s+flow access-review\s+never/);
    expect((await cli('schedule', 'remove', 'weekday-review')).code).toBe(0);
    expect((await cli('schedule', 'list')).stdout).toContain('No schedules');
  });

  it.each([
    [['schedule'], /say what to do/],
    [['schedule', 'set', 'x', '--function', 'f'], /--cron/],
    [['schedule', 'set', 'x', '--cron', '61 * * * *', '--function', 'f'], /cron: the minute field/],
    [['schedule', 'set', 'x', '--cron', '* * * * *'], /exactly one of --function/],
    [['schedule', 'set', 'Bad Name', '--cron', '* * * * *', '--function', 'f'], /name: kebab-case/],
    [['schedule', 'remove', 'nothing'], /no schedule named "nothing"/],
  ])('refuses %j with exit 2 and a clear message', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
