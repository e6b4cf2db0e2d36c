// The guard's windows under a pinned clock: runs age out of the minute and hour, the failure share needs
// its minimum of runs, limits resolve defaults → operator defaults → the target's own entry.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlastRadiusGuard, createLimitsResolver, createSqliteGuardStore, DEFAULT_GUARD_LIMITS, type BlastRadiusGuard, type GuardStore } from '../../core/guards/index.ts';
import type { AuditInput } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';

describe('blast-radius guard', () => {
  let db: SqliteDatabase;
  let store: GuardStore;
  let guard: BlastRadiusGuard;
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const audits: AuditInput[] = [];
  const admit = (eventType = 'user.joined') => guard.admit({ target: 'function:f', eventType });

  beforeEach(() => {
    db = openDatabase(':memory:');
    store = createSqliteGuardStore(db);
    const limitsFor = createLimitsResolver({ defaults: { runsPerMinute: 2, runsPerHour: 5, minRunsForFailureShare: 4, leaverRunsPerHour: 3 }, functions: { other: { runsPerMinute: 9 } } });
    guard = createBlastRadiusGuard({ store, limitsFor, audit: (entry) => audits.push(entry), _internal: { now: () => clock } });
  });
  afterEach(() => closeDatabase(db));

  it('lets runs age out of the minute window but counts them for the hour', () => {
    for (let minute = 0; minute < 2; minute += 1) {
      for (let run = 0; run < 2; run += 1) {
        expect(admit()).toEqual({ admitted: true });
        guard.recordRun({ target: 'function:f', failed: false });
      }
      clock += 61_000;
    }
    expect(admit('user.left')).toMatchObject({ admitted: false, reason: expect.stringContaining('leaver guard: 4 user.left runs') });
    expect(audits).toHaveLength(1);
    expect(admit()).toMatchObject({ admitted: false, reason: expect.stringContaining('is quarantined: leaver guard') });
    expect(audits).toHaveLength(1);
  });

  it('quarantines on the failure share only once the minimum number of runs is reached', () => {
    for (let run = 0; run < 3; run += 1) {
      expect(guard.recordRun({ target: 'function:f', failed: true })).toBeUndefined();
      clock += 31_000;
    }
    expect(guard.recordRun({ target: 'function:f', failed: true })).toContain('failure share: 4 of the last 4 runs failed (limit 50%)');
    expect(guard.isQuarantined('function:f')).toBe(true);
    expect(store.lift('function:f')).toMatchObject({ target: 'function:f' });
    expect(store.countRuns({ target: 'function:f', since: 0 })).toEqual({ runs: 0, failures: 0 });
    expect(admit()).toEqual({ admitted: true });
  });

  it('resolves limits: built-in defaults, then the operator defaults, then the target', () => {
    const resolve = createLimitsResolver({ defaults: { runsPerMinute: 2 }, flows: { onboarding: { runsPerHour: 7 } } });
    expect(resolve('function:onboarding')).toEqual({ ...DEFAULT_GUARD_LIMITS, runsPerMinute: 2 });
    expect(resolve('flow:onboarding')).toEqual({ ...DEFAULT_GUARD_LIMITS, runsPerMinute: 2, runsPerHour: 7 });
  });
});
