// `joinery resume`: lifts a quarantine, replays the held events, audited as the operator.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { createSqliteGuardStore } from '../../core/guards/index.ts';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('joinery resume', () => {
  let folder: string;
  let home: string;
  const cli = (...args: string[]) => runCli(args, { cwd: folder, home });
  // The CLI acts as JOINERY_USER (or the OS user); --as someone else needs local trust, which these tests do not enable.
  const cliAs = (user: string) => (...args: string[]) => runCli(args, { cwd: folder, home, env: { JOINERY_USER: user } });

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-resume-'));
    home = join(folder, '.joinery');
    const db = openDatabase(join(home, 'joinery.db'));
    const queue = createSqliteEventQueue(db);
    await queue.enqueue({ id: 'evt-held', type: 'user.left', payload: { id: 'evt-held' }, source: 'workday' });
    await queue.hold({ id: 'evt-held', reason: 'function:disable-account is quarantined: leaver guard' });
    const guards = createSqliteGuardStore(db);
    guards.quarantine({ target: 'function:disable-account', reason: 'leaver guard', at: Date.parse('2026-12-01T09:00:00Z') });
    guards.noteHeld({ target: 'function:disable-account', eventId: 'evt-held', at: Date.parse('2026-12-01T09:00:00Z') });
    closeDatabase(db);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lists quarantines, resumes one (audited) and requeues its held events', async () => {
    expect((await cli('resume', '--list')).stdout).toMatch(/function:disable-account\s+2026-12-01T09:00:00.000Z\s+1\s+leaver guard/);
    const resumed = await cliAs('olivia')('resume', 'disable-account', '--json');
    expect(resumed.code).toBe(0);
    expect(resumed.json()).toEqual({ ok: true, lifted: ['function:disable-account'], replayed: ['evt-held'] });
    expect((await cli('resume', '--list')).stdout).toContain('Nothing is quarantined.');
    expect((await cli('events', 'show', 'evt-held', '--json')).json().event).toMatchObject({ status: 'queued' });
    const db = openDatabase(join(home, 'joinery.db'));
    expect(createSqliteRegistry(db).listAudit({ actor: 'olivia' })[0]).toMatchObject({ action: 'resume', target: 'function:disable-account', allowed: true, detail: { replayed: ['evt-held'] } });
    closeDatabase(db);
  });

  it.each([
    [['resume'], /say what to resume/],
    [['resume', 'nobody'], /nothing named "nobody" is quarantined/],
    [['resume', 'a', 'b'], /unexpected arguments: b/],
  ])('refuses %j with exit 2 and a clear message', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
