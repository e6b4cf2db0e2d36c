// The contract every ScheduleStore implementation must pass: schedules set, replaced (keeping the last
// fire time), listed by name, removed; fire times only move forward; bad input refused.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScheduleStore } from '../../core/schedules/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

export interface ScheduleStoreUnderTest {
  store: ScheduleStore;
  close(): Promise<void> | void;
}

const START = Date.parse('2026-12-01T09:00:00Z');

export function describeScheduleStore(implementation: string, open: () => ScheduleStoreUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`ScheduleStore contract: ${implementation}`, () => {
    let opened: ScheduleStoreUnderTest;
    let store: ScheduleStore;
    beforeEach(() => {
      opened = open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it('sets, replaces (keeping the last fire time), lists by name and removes schedules', () => {
      expect(store.set({ name: 'nightly', cron: '0 2 * * *', target: { kind: 'function', name: 'sweep' }, at: START })).toEqual({
        name: 'nightly',
        cron: '0 2 * * *',
        target: { kind: 'function', name: 'sweep' },
        createdAt: new Date(START).toISOString(),
        lastFiredAt: null,
      });
      store.set({ name: 'hourly', cron: '0 * * * *', target: { kind: 'flow', name: 'audit' }, at: START });
      store.markFired({ name: 'nightly', at: START + 60_000 });
      const replaced = store.set({ name: 'nightly', cron: '30 2 * * *', target: { kind: 'flow', name: 'sweep' }, at: START + 120_000 });
      expect(replaced).toMatchObject({ cron: '30 2 * * *', target: { kind: 'flow', name: 'sweep' }, createdAt: new Date(START).toISOString() });
      expect(replaced.lastFiredAt).toBe(new Date(START + 60_000).toISOString());
      expect(store.list().map((schedule) => schedule.name)).toEqual(['hourly', 'nightly']);
      expect(store.remove('hourly')).toBe(true);
      expect(store.remove('hourly')).toBe(false);
      expect(store.get('hourly')).toBeUndefined();
    });

    it('only moves a fire time forward', () => {
      store.set({ name: 'nightly', cron: '0 2 * * *', target: { kind: 'function', name: 'sweep' }, at: START });
      store.markFired({ name: 'nightly', at: START + 10_000 });
      store.markFired({ name: 'nightly', at: START + 5_000 });
      expect(store.get('nightly')?.lastFiredAt).toBe(new Date(START + 10_000).toISOString());
    });

    it.each([
      ['a bad name', { name: 'Nightly Run', cron: '0 2 * * *', target: { kind: 'function', name: 'sweep' } }],
      ['a bad target', { name: 'nightly', cron: '0 2 * * *', target: { kind: 'function', name: 'Sweep!' } }],
      ['a bad target kind', { name: 'nightly', cron: '0 2 * * *', target: { kind: 'script', name: 'sweep' } }],
      ['a bad cron', { name: 'nightly', cron: '61 * * * *', target: { kind: 'function', name: 'sweep' } }],
    ])('refuses %s and writes nothing', (_label, input) => {
      expectError(() => store.set({ ...(input as Parameters<ScheduleStore['set']>[0]), at: START }), 'INVALID_INPUT');
      expect(store.list()).toEqual([]);
    });
  });
}
