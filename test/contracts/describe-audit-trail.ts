// The contract every AuditTrail implementation must pass: audit entries and reviews as one list, oldest
// first across keyset pages, with the same filters (time range, actor, exact action or `prefix.`,
// allowed) and the newest-first view the console shows.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditTrail } from '../../core/audit/index.ts';
import type { Registry } from '../../core/registry/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

export interface AuditTrailUnderTest {
  /** Writes the entries; its clock is `now`. */
  registry: Registry;
  trail: AuditTrail;
  close(): Promise<void> | void;
}

/** One second apart from 2026-01-01T00:00:00Z, so every entry has its own time. */
function steppedClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 0, 1) + tick++ * 1000);
}

export function describeAuditTrail(implementation: string, open: (now: () => Date) => AuditTrailUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`AuditTrail contract: ${implementation}`, () => {
    let opened: AuditTrailUnderTest;
    beforeEach(() => {
      opened = open(steppedClock());
    });
    afterEach(() => opened.close());

    it('merges reviews into the audit entries, oldest first, across pages', () => {
      const { registry, trail } = opened;
      registry.publish(samplePublishInput());
      for (let index = 0; index < 1_200; index++) registry.recordAudit({ actor: 'mcp', action: 'run_function', allowed: false, detail: { index } });
      registry.review({ name: 'generate-username', version: 1, reviewer: 'rita', decision: 'approved', comment: 'looks right' });
      registry.recordAudit({ actor: 'otto', action: 'token.create', target: 'ci', allowed: true });
      const all = [...trail.entries()];
      expect(all).toHaveLength(1_202);
      expect(all.map((entry) => entry.createdAt)).toEqual([...all.map((entry) => entry.createdAt)].sort());
      expect(all.slice(0, 2).map((entry) => entry.detail)).toEqual([{ index: 0 }, { index: 1 }]);
      expect(all.at(-2)).toEqual({
        id: expect.stringMatching(/^review:\d+$/),
        createdAt: expect.any(String),
        actor: 'rita',
        action: 'review.approved',
        target: 'generate-username@1',
        allowed: true,
        detail: { comment: 'looks right', actorSource: null },
      });
      expect(new Set(all.map((entry) => entry.id)).size).toBe(1_202);
    });

    it('filters by time range, actor, exact action or prefix, and allowed', () => {
      const { registry, trail } = opened;
      registry.publish(samplePublishInput());
      registry.recordAudit({ actor: 'otto', action: 'token.create', target: 'ci', allowed: true });
      registry.recordAudit({ actor: 'mcp', action: 'run_function', allowed: false });
      registry.review({ name: 'generate-username', version: 1, reviewer: 'rita', decision: 'rejected' });
      registry.recordAudit({ actor: 'otto', action: 'token.revoke', target: 'ci', allowed: true });
      const times = [...trail.entries()].map((entry) => entry.createdAt);
      const actions = (filter: Parameters<AuditTrail['entries']>[0]) => [...trail.entries(filter)].map((entry) => entry.action);
      expect(actions({ actor: 'otto' })).toEqual(['token.create', 'token.revoke']);
      expect(actions({ action: 'token.' })).toEqual(['token.create', 'token.revoke']);
      expect(actions({ action: 'token' })).toEqual([]);
      expect(actions({ action: 'review.' })).toEqual(['review.rejected']);
      expect(actions({ allowed: false })).toEqual(['run_function']);
      expect(actions({ since: times[1], until: times[3] })).toEqual(['run_function', 'review.rejected']);
    });

    it('shows the newest first, at most the limit, with the same filters', () => {
      const { registry, trail } = opened;
      for (const action of ['a.one', 'a.two', 'b.one']) registry.recordAudit({ actor: 'otto', action, allowed: true });
      registry.recordAudit({ actor: 'mcp', action: 'a.three', allowed: false });
      expect(trail.recent({ limit: 2 }).map((entry) => entry.action)).toEqual(['a.three', 'b.one']);
      expect(trail.recent({ action: 'a.', allowed: true }).map((entry) => entry.action)).toEqual(['a.two', 'a.one']);
      expect(trail.recent({ actor: 'nobody' })).toEqual([]);
    });
  });
}
