// The contract every FlowStore implementation must pass: versions numbered in order, pending until a
// second person approves, the approved one active per trigger, and history the database itself refuses to
// rewrite (`execute` runs hand-written SQL against the store, the same text on every engine).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowStore } from '../../core/flows/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

export interface FlowStoreUnderTest {
  store: FlowStore;
  execute(sql: string): void;
  close(): Promise<void> | void;
}

const onboarding: FlowDefinition = {
  name: 'onboarding',
  trigger: 'user.joined',
  steps: [{ function: 'make-username' }, { function: 'grant-vpn', condition: { not: { path: 'person.employmentType', equals: 'contractor' } } }],
};

export function describeFlowStore(implementation: string, open: () => FlowStoreUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`FlowStore contract: ${implementation}`, () => {
    let opened: FlowStoreUnderTest;
    let flows: FlowStore;
    beforeEach(() => {
      opened = open();
      flows = opened.store;
    });
    afterEach(() => opened.close());

    it('numbers versions, keeps them pending until a second person approves, then makes the approved one active', () => {
      const first = flows.publish({ definition: onboarding, author: 'alice@example.com', requestedBy: 'bob@example.com' });
      expect(first).toMatchObject({ name: 'onboarding', version: 1, status: 'pending_review', active: false, trigger: 'user.joined', definition: onboarding });
      expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(flows.activeFlowsFor('user.joined')).toEqual([]);
      expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: ' Alice@Example.com', decision: 'approved' }), 'FORBIDDEN');
      expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: 'bob@example.com', decision: 'approved' }), 'FORBIDDEN');
      const approved = flows.review({ name: 'onboarding', version: 1, reviewer: 'rita', decision: 'approved', comment: 'ok' });
      expect(approved).toMatchObject({ status: 'approved', reviewer: 'rita', reviewComment: 'ok', active: true });
      expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: 'sam', decision: 'rejected' }), 'CONFLICT');
      expect(flows.activeFlowsFor('user.joined').map((flow) => flow.version)).toEqual([1]);
      expect(flows.activeFlowsFor('user.left')).toEqual([]);

      flows.publish({ definition: { ...onboarding, steps: [{ function: 'make-username' }] }, author: 'alice@example.com' });
      flows.review({ name: 'onboarding', version: 2, reviewer: 'rita', decision: 'rejected' });
      expect(flows.activeFlowsFor('user.joined').map((flow) => flow.version)).toEqual([1]);
      expect(flows.listFlows()).toEqual([{ name: 'onboarding', trigger: 'user.joined', latestVersion: 2, latestStatus: 'rejected', activeVersion: 1 }]);
      expect(flows.listVersions('onboarding').map((version) => [version.version, version.status])).toEqual([[1, 'approved'], [2, 'rejected']]);
      expect(flows.getVersion('onboarding')?.version).toBe(2);
      expect(flows.getVersion('missing')).toBeUndefined();
      expectError(() => flows.review({ name: 'onboarding', version: 9, reviewer: 'rita', decision: 'approved' }), 'NOT_FOUND');
    });

    it('keeps a later active version when an earlier one is approved after it', () => {
      flows.publish({ definition: onboarding, author: 'alice' });
      flows.publish({ definition: onboarding, author: 'alice' });
      flows.review({ name: 'onboarding', version: 2, reviewer: 'rita', decision: 'approved' });
      flows.review({ name: 'onboarding', version: 1, reviewer: 'rita', decision: 'approved' });
      expect(flows.activeFlowsFor('user.joined').map((flow) => flow.version)).toEqual([2]);
    });

    it('refuses bad review input before anything is written', () => {
      flows.publish({ definition: onboarding, author: 'alice' });
      expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: 'rita', decision: 'maybe' as 'approved' }), 'INVALID_INPUT');
      expectError(() => flows.review({ name: 'onboarding', version: 0, reviewer: 'rita', decision: 'approved' }), 'INVALID_INPUT');
      expectError(() => flows.review({ name: 'onboarding', version: 1, reviewer: ' ', decision: 'approved' }), 'INVALID_INPUT');
      expect(flows.getVersion('onboarding', 1)?.status).toBe('pending_review');
    });

    it('refuses to rewrite or delete a version, even with hand-written SQL', () => {
      flows.publish({ definition: onboarding, author: 'alice@example.com' });
      expect(() => opened.execute("UPDATE flow_versions SET definition = '{}' WHERE name = 'onboarding'")).toThrow(/immutable/);
      expect(() => opened.execute("DELETE FROM flow_versions WHERE name = 'onboarding'")).toThrow(/never deleted/);
      expect(() => opened.execute("UPDATE flows SET active_version = 1 WHERE name = 'onboarding'")).toThrow(/only an approved flow version/);
      flows.review({ name: 'onboarding', version: 1, reviewer: 'rita', decision: 'rejected' });
      expect(() => opened.execute("UPDATE flow_versions SET status = 'approved' WHERE name = 'onboarding'")).toThrow(/reviewed once/);
      expect(flows.getVersion('onboarding', 1)).toMatchObject({ status: 'rejected', definition: onboarding });
    });
  });
}
