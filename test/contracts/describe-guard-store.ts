// The contract every GuardStore implementation must pass: the run ledger per target and its pruning to the
// last hour, quarantines recorded once, held events, and a lift that forgets the target's runs.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GuardStore } from '../../core/guards/index.ts';

export interface GuardStoreUnderTest {
  store: GuardStore;
  close(): Promise<void> | void;
}

const HOUR_MS = 3_600_000;
const START = Date.parse('2026-12-01T09:00:00Z');

export function describeGuardStore(implementation: string, open: () => GuardStoreUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`GuardStore contract: ${implementation}`, () => {
    let opened: GuardStoreUnderTest;
    let store: GuardStore;
    beforeEach(() => {
      opened = open();
      store = opened.store;
    });
    afterEach(() => opened.close());

    it('counts runs and failures per target since a time, and prunes what is older than an hour', () => {
      store.recordRun({ target: 'function:f', failed: false, at: START });
      store.recordRun({ target: 'function:f', failed: true, at: START + 1_000 });
      store.recordRun({ target: 'flow:f', failed: true, at: START + 1_000 });
      expect(store.countRuns({ target: 'function:f', since: START })).toEqual({ runs: 2, failures: 1 });
      expect(store.countRuns({ target: 'function:f', since: START + 1 })).toEqual({ runs: 1, failures: 1 });
      expect(store.countRuns({ target: 'function:none', since: 0 })).toEqual({ runs: 0, failures: 0 });
      store.recordRun({ target: 'function:f', failed: false, at: START + HOUR_MS + 500 });
      expect(store.countRuns({ target: 'function:f', since: 0 })).toEqual({ runs: 2, failures: 1 });
    });

    it('quarantines a target once, keeps the held events in order, and lifts it with its run ledger', () => {
      expect(store.quarantine({ target: 'function:f', reason: 'rate', at: START })).toBe(true);
      expect(store.quarantine({ target: 'function:f', reason: 'again', at: START + 1 })).toBe(false);
      store.noteHeld({ target: 'function:f', eventId: 'evt-2', at: START + 2 });
      store.noteHeld({ target: 'function:f', eventId: 'evt-1', at: START + 3 });
      store.noteHeld({ target: 'function:f', eventId: 'evt-2', at: START + 4 });
      store.recordRun({ target: 'function:f', failed: true, at: START });
      const expected = { target: 'function:f', reason: 'rate', since: new Date(START).toISOString(), heldEvents: ['evt-2', 'evt-1'] };
      expect(store.getQuarantine('function:f')).toEqual(expected);
      expect(store.listQuarantines()).toEqual([expected]);
      expect(store.lift('function:f')).toEqual(expected);
      expect(store.lift('function:f')).toBeUndefined();
      expect(store.getQuarantine('function:f')).toBeUndefined();
      expect(store.countRuns({ target: 'function:f', since: 0 })).toEqual({ runs: 0, failures: 0 });
    });

    it('lists quarantines oldest first', () => {
      store.quarantine({ target: 'flow:b', reason: 'x', at: START + 5 });
      store.quarantine({ target: 'function:a', reason: 'y', at: START });
      expect(store.listQuarantines().map((quarantine) => quarantine.target)).toEqual(['function:a', 'flow:b']);
    });
  });
}
