// The contract every Registry implementation must meet, run against SQLite and Postgres
// (test/registry/registry-contract.test.ts). The guarantees the database itself keeps (hand-written SQL,
// concurrent publishers in separate processes) are in describe-registry-guarantees.ts.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../core/registry/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { sampleExecution } from '../registry/sample-execution.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';
import { describeRegistryGuarantees } from './describe-registry-guarantees.ts';

export interface RegistryUnderTest {
  registry: Registry;
  /** Runs hand-written SQL against the store (the same text on every engine). */
  execute(sql: string): void;
  /** Where another process opens the same store: a SQLite file, or a postgres:// URL. */
  location: string;
  close(): Promise<void> | void;
}

export function describeRegistry(implementation: string, open: () => RegistryUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`Registry contract: ${implementation}`, () => {
    let opened: RegistryUnderTest;
    let registry: Registry;
    beforeEach(() => {
      opened = open();
      registry = opened.registry;
    });
    afterEach(() => opened.close());

    describeRegistryGuarantees(() => opened);

    describe('publish', () => {
      it('numbers versions 1, 2, 3 with the previous latest as parent, pending review', () => {
        const first = registry.publish(samplePublishInput());
        const second = registry.publish(samplePublishInput({ source: 'changed' }));
        const third = registry.publish(samplePublishInput({ bundle: 'changed' }));
        expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
        expect([first.parentVersion, second.parentVersion, third.parentVersion]).toEqual([null, 1, 2]);
        expect(third.status).toBe('pending_review');
        expect(registry.getVersion('generate-username')?.version).toBe(3);
      });

      it('stores every field and reads it back unchanged', () => {
        const input = samplePublishInput({ spec: null, requestedBy: null });
        const published = registry.publish(input);
        expect(published).toMatchObject({ ...input, version: 1, status: 'pending_review' });
        expect(registry.getVersion(input.name, 1)).toEqual(published);
        expect(published.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(Date.parse(published.createdAt)).not.toBeNaN();
      });

      it('gives different digests to different source or bundle', () => {
        const digests = [
          registry.publish(samplePublishInput()).sha256,
          registry.publish(samplePublishInput({ source: 'other' })).sha256,
          registry.publish(samplePublishInput({ bundle: 'other' })).sha256,
        ];
        expect(new Set(digests).size).toBe(3);
        expect(registry.publish(samplePublishInput()).sha256).toBe(digests[0]);
      });

      it.each([
        ['Generate-Username', 'must start with a lowercase letter'],
        ['generate_username', 'contains "_" at position 9'],
        ['1-username', 'must start with a lowercase letter'],
        ['', 'empty'],
        ['a'.repeat(64), '64 characters long; the limit is 63'],
        ['gen username', 'contains " " at position 4'],
      ])('refuses the function name %j with a precise message', (name, message) => {
        expectError(() => registry.publish(samplePublishInput({ name })), 'INVALID_INPUT', message);
      });

      it('accepts a 63-character kebab-case name', () => {
        const name = `a${'-b'.repeat(31)}`;
        expect(registry.publish(samplePublishInput({ name })).name).toBe(name);
      });

      it('refuses a manifest whose name differs from the published name', () => {
        const input = samplePublishInput();
        expectError(
          () => registry.publish({ ...input, manifest: { ...input.manifest, name: 'other' } }),
          'INVALID_INPUT',
          'manifest.name',
        );
      });

      it('refuses a publish without an author', () => {
        expectError(() => registry.publish(samplePublishInput({ author: '  ' })), 'INVALID_INPUT', 'author');
      });

      it('keeps functions apart and lists them with their latest and active versions', () => {
        registry.publish(samplePublishInput({ name: 'b-function' }));
        registry.publish(samplePublishInput({ name: 'a-function' }));
        registry.publish(samplePublishInput({ name: 'a-function' }));
        registry.review({ name: 'a-function', version: 1, reviewer: 'bob', decision: 'approved' });
        expect(registry.listFunctions()).toEqual([
          { name: 'a-function', description: 'First initial + last name.', latestVersion: 2, activeVersion: 1, latestStatus: 'pending_review' },
          { name: 'b-function', description: 'First initial + last name.', latestVersion: 1, activeVersion: null, latestStatus: 'pending_review' },
        ]);
        expect(registry.listVersions('a-function').map((summary) => [summary.version, summary.active])).toEqual([
          [1, true],
          [2, false],
        ]);
        expect(registry.listVersions('missing')).toEqual([]);
        expect(registry.getVersion('missing')).toBeUndefined();
        expect(registry.getVersion('a-function', 9)).toBeUndefined();
      });
    });

    describe('four-eyes review', () => {
      beforeEach(() => {
        registry.publish(samplePublishInput({ author: 'agent:functions-author', requestedBy: 'alice@example.com' }));
      });

      it('refuses approval by the author', () => {
        expectError(
          () => registry.review({ name: 'generate-username', version: 1, reviewer: 'agent:functions-author', decision: 'approved' }),
          'FORBIDDEN',
          'authored',
        );
      });

      it('refuses approval or rejection by the requester, however they spell their name', () => {
        for (const reviewer of ['alice@example.com', ' Alice@Example.COM ']) {
          for (const decision of ['approved', 'rejected'] as const) {
            expectError(
              () => registry.review({ name: 'generate-username', version: 1, reviewer, decision }),
              'FORBIDDEN',
              'requested',
            );
          }
        }
        expect(registry.getVersion('generate-username', 1)?.status).toBe('pending_review');
        expect(registry.listReviews('generate-username', 1)).toEqual([]);
      });

      it('lets a second person approve, which makes the version active', () => {
        const review = registry.review({
          name: 'generate-username', version: 1, reviewer: 'bob@example.com', decision: 'approved', comment: 'looks right',
        });
        expect(review).toMatchObject({ name: 'generate-username', version: 1, reviewer: 'bob@example.com', decision: 'approved', comment: 'looks right' });
        expect(registry.getVersion('generate-username', 1)?.status).toBe('approved');
        expect(registry.getActiveVersion('generate-username')?.version).toBe(1);
        expect(registry.listReviews('generate-username', 1)).toEqual([review]);
      });

      it('keeps a rejected version inactive', () => {
        registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'rejected' });
        expect(registry.getVersion('generate-username', 1)?.status).toBe('rejected');
        expect(registry.getActiveVersion('generate-username')).toBeUndefined();
      });

      it('refuses a second review of a decided version', () => {
        registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'approved' });
        expectError(
          () => registry.review({ name: 'generate-username', version: 1, reviewer: 'carol', decision: 'rejected' }),
          'CONFLICT',
          'already reviewed',
        );
        expect(registry.getVersion('generate-username', 1)?.status).toBe('approved');
      });

      it('answers NOT_FOUND for an unknown function or version', () => {
        expectError(() => registry.review({ name: 'missing', version: 1, reviewer: 'bob', decision: 'approved' }), 'NOT_FOUND');
        expectError(() => registry.review({ name: 'generate-username', version: 2, reviewer: 'bob', decision: 'approved' }), 'NOT_FOUND');
      });
    });

    describe('activation and rollback', () => {
      beforeEach(() => {
        for (let version = 1; version <= 3; version++) registry.publish(samplePublishInput({ source: `v${version}` }));
        registry.review({ name: 'generate-username', version: 1, reviewer: 'bob', decision: 'approved' });
        registry.review({ name: 'generate-username', version: 2, reviewer: 'bob', decision: 'approved' });
      });

      it('follows the latest approval, and rolls back to an earlier approved version', () => {
        expect(registry.getActiveVersion('generate-username')?.source).toBe('v2');
        registry.activate('generate-username', 1, { actor: 'carol' });
        expect(registry.getActiveVersion('generate-username')?.source).toBe('v1');
        registry.activate('generate-username', 2);
        expect(registry.getActiveVersion('generate-username')?.version).toBe(2);
      });

      it('gives the head of a numbered, the active and the latest version, without their content', () => {
        const head = (version: number, status: string) => {
          const sha256 = registry.getVersion('generate-username', version)?.sha256;
          return { name: 'generate-username', version, sha256, status };
        };
        expect(registry.getVersionHead('generate-username', 'active')).toEqual(head(2, 'approved'));
        expect(registry.getVersionHead('generate-username', 'latest')).toEqual(head(3, 'pending_review'));
        expect(registry.getVersionHead('generate-username', 1)).toEqual(head(1, 'approved'));
        registry.activate('generate-username', 1);
        expect(registry.getVersionHead('generate-username', 'active')?.version).toBe(1);
        registry.withdraw({ name: 'generate-username', version: 3, actor: 'alice@example.com' });
        expect(registry.getVersionHead('generate-username', 3)?.status).toBe('withdrawn');
        expect(registry.getVersionHead('generate-username', 4)).toBeUndefined();
        expect(registry.getVersionHead('missing', 'latest')).toBeUndefined();
        expect(registry.getVersionHead('missing', 'active')).toBeUndefined();
      });

      it('records each activation in the audit trail', () => {
        registry.activate('generate-username', 1, { actor: 'carol' });
        expect(registry.listAudit({ actor: 'carol' })).toMatchObject([
          { actor: 'carol', action: 'activate', target: 'generate-username@1', allowed: true, detail: { previousVersion: 2 } },
        ]);
      });

      it('does not roll back when an older version is approved after a newer one', () => {
        registry.publish(samplePublishInput({ source: 'v4' }));
        registry.review({ name: 'generate-username', version: 4, reviewer: 'bob', decision: 'approved' });
        registry.review({ name: 'generate-username', version: 3, reviewer: 'bob', decision: 'approved' });
        expect(registry.getActiveVersion('generate-username')?.version).toBe(4);
        registry.activate('generate-username', 3);
        expect(registry.getActiveVersion('generate-username')?.version).toBe(3);
      });

      it('refuses to activate a version that is not approved', () => {
        expectError(() => registry.activate('generate-username', 3), 'CONFLICT', 'pending_review');
        registry.review({ name: 'generate-username', version: 3, reviewer: 'bob', decision: 'rejected' });
        expectError(() => registry.activate('generate-username', 3), 'CONFLICT', 'rejected');
        expect(registry.getActiveVersion('generate-username')?.version).toBe(2);
      });

      it('answers NOT_FOUND for an unknown version', () => {
        expectError(() => registry.activate('generate-username', 4), 'NOT_FOUND');
        expectError(() => registry.activate('missing', 1), 'NOT_FOUND');
      });
    });

    describe('executions', () => {
      beforeEach(() => {
        registry.publish(samplePublishInput());
      });

      it('records a run and reads it back, newest first', () => {
        const first = registry.recordExecution(sampleExecution({ eventId: 'evt-1' }));
        const second = registry.recordExecution(sampleExecution({ eventId: 'evt-2', dryRun: true }));
        expect(second).toMatchObject({ ...sampleExecution({ eventId: 'evt-2', dryRun: true }), id: second.id });
        expect(registry.getExecution(first.id)).toEqual(first);
        expect(registry.listExecutions('generate-username').map((record) => record.eventId)).toEqual(['evt-2', 'evt-1']);
        expect(registry.listExecutions('generate-username', { limit: 1 })).toHaveLength(1);
        expect(registry.getExecution(9_999)).toBeUndefined();
      });

      it('refuses a run of an unknown version', () => {
        expectError(() => registry.recordExecution(sampleExecution({ version: 7 })), 'NOT_FOUND');
      });

      it('redacts every secret value from every field', () => {
        const record = registry.recordExecution(
          sampleExecution({
            eventId: 'evt-s3cr3t',
            input: { token: 's3cr3t', nested: JSON.stringify({ inner: 'Bearer s3cr3t' }) },
            outcome: { kind: 'returned', value: { echoed: 'x s3cr3t x' } },
            logs: [{ level: 'info', message: 'got s3cr3t', data: { s3cr3t: true }, atMs: 1 }],
            calls: [{ method: 'GET', url: 'https://graph.microsoft.com/?t=s3cr3t', headers: { authorization: 'Bearer s3cr3t' } }],
            caller: 'user s3cr3t',
          }),
          { redact: ['s3cr3t'] },
        );
        const stored = JSON.stringify(registry.getExecution(record.id));
        expect(stored).not.toContain('s3cr3t');
        expect(stored).toContain('[redacted]');
        expect(record.logs[0]?.message).toBe('got [redacted]');
      });
    });

    describe('audit', () => {
      it('appends entries and lists them newest first, filtered', () => {
        registry.recordAudit({ actor: 'mallory', action: 'run_function', target: 'generate-username', allowed: false, detail: { reason: 'scope' } });
        registry.recordAudit({ actor: 'bob', action: 'list_functions', allowed: true });
        expect(registry.listAudit().map((entry) => entry.actor)).toEqual(['bob', 'mallory']);
        expect(registry.listAudit({ allowed: false })).toMatchObject([
          { actor: 'mallory', action: 'run_function', target: 'generate-username', allowed: false, detail: { reason: 'scope' } },
        ]);
        expect(registry.listAudit({ limit: 1 })).toHaveLength(1);
      });
    });
  });
}
