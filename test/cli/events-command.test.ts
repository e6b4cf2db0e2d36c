// `joinery events list|show|replay` over the queue `joinery serve` fills.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { createSqliteReservationLedger } from '../../core/ledger/index.ts';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('joinery events', () => {
  let folder: string;
  let home: string;
  const cli = (...args: string[]) => runCli(args, { cwd: folder, home });

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-events-'));
    home = join(folder, '.joinery');
    const db = openDatabase(join(home, 'joinery.db'));
    const queue = createSqliteEventQueue(db, { retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await queue.enqueue({ id: 'evt-dead', type: 'user.left', payload: { id: 'evt-dead' }, source: 'workday' });
    const claimed = await queue.claim({ owner: 'test', leaseMs: 60_000 });
    if (!claimed) throw new Error('nothing to claim');
    const lease = { id: claimed.event.id, leaseId: claimed.leaseId };
    await queue.recordStep({ ...lease, step: 'disable-account', result: { outcome: 'threw', error: 'directory unavailable' } });
    await queue.fail({ ...lease, error: 'disable-account: threw: directory unavailable', retryable: true });
    await queue.enqueue({ id: 'evt-ok', type: 'user.joined', payload: { id: 'evt-ok' }, source: 'bamboohr' });
    closeDatabase(db);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lists events newest first, filtered by status', async () => {
    const listed = await cli('events', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(listed.json().events.map((event: { id: string; status: string }) => [event.id, event.status]).sort()).toEqual([['evt-dead', 'dead'], ['evt-ok', 'queued']].sort());
    const dead = await cli('events', 'list', '--status', 'dead');
    expect(dead.stdout).toMatch(/evt-dead\s+user\.left\s+dead\s+1\s+/);
    expect(dead.stdout).not.toContain('evt-ok');
  });

  it('shows one event with its step results', async () => {
    const shown = await cli('events', 'show', 'evt-dead');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('last error: disable-account: threw: directory unavailable');
    expect(shown.stdout).toContain('disable-account: threw (attempt 1) directory unavailable');
    expect((await cli('events', 'show', 'evt-dead', '--json')).json().event).toMatchObject({ id: 'evt-dead', status: 'dead', payload: { id: 'evt-dead' } });
  });

  it('replays a dead event, audited, and refuses to replay one that is not dead, failed or held', async () => {
    const asOlivia = (...args: string[]) => runCli(args, { cwd: folder, home, env: { JOINERY_USER: 'olivia' } });
    const replayed = await asOlivia('events', 'replay', 'evt-dead', '--json');
    expect(replayed.code).toBe(0);
    expect(replayed.json().event).toMatchObject({ status: 'queued', attempts: 0, results: {} });
    const refused = await asOlivia('events', 'replay', 'evt-ok');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('evt-ok is queued; only dead, failed or held events are replayed');
    const db = openDatabase(join(home, 'joinery.db'));
    const audit = createSqliteRegistry(db).listAudit({ actor: 'olivia' });
    expect(audit.map((entry) => [entry.action, entry.target, entry.allowed])).toEqual(expect.arrayContaining([['event.replay', 'evt-dead', true], ['event.replay', 'evt-ok', false]]));
    closeDatabase(db);
  });

  it('frees the names a replayed event held (a reclaim past its last attempt left them), and no other event\'s', async () => {
    const reserve = async (value: string, eventId: string) => {
      const db = openDatabase(join(home, 'joinery.db'));
      const reserved = await createSqliteReservationLedger(db).reserve({ kind: 'username', value, eventId });
      closeDatabase(db);
      return reserved;
    };
    expect(await reserve('jsmith', 'evt-dead')).toBe(true);
    expect(await reserve('adoe', 'evt-ok')).toBe(true);
    expect((await cli('events', 'replay', 'evt-dead')).code).toBe(0);
    expect(await reserve('jsmith', 'evt-other')).toBe(true);
    expect(await reserve('adoe', 'evt-other')).toBe(false);
  });

  it.each([
    [['events'], /say what to do/],
    [['events', 'explode'], /not "explode"/],
    [['events', 'show'], /say which event/],
    [['events', 'show', 'nope'], /no event with id "nope"/],
    [['events', 'list', '--status', 'sleeping'], /--status must be one of/],
    [['events', 'list', '--limit', '0'], /--limit must be a whole number/],
  ])('refuses %j with exit 2 and a clear message', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
