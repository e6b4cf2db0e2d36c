// The contract every DraftStore implementation must pass: a draft per owner and name, replaced only with
// `overwrite`, read back exactly (its test summary included), listed newest first per owner, deleted.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DraftInput, DraftStore } from '../../mcp-server/drafts/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

export interface DraftStoreUnderTest {
  store: DraftStore;
  close(): Promise<void> | void;
}

function sampleDraft(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    owner: 'alice',
    name: 'generate-username',
    author: 'alice',
    source: 'export default defineFunction({});',
    fixtures: '[]',
    spec: null,
    testSummary: { ok: true, name: 'generate-username', manifest: null, problems: [], fixtureProblems: [], passed: 2, failed: 0, failures: [] },
    requirement: 'usernames for joiners',
    conversationId: null,
    ...overrides,
  };
}

export function describeDraftStore(implementation: string, open: (now: () => Date) => DraftStoreUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`DraftStore contract: ${implementation}`, () => {
    let now: Date;
    let opened: DraftStoreUnderTest;
    let drafts: DraftStore;
    beforeEach(() => {
      now = new Date('2026-11-23T10:00:00Z');
      opened = open(() => now);
      drafts = opened.store;
    });
    afterEach(() => opened.close());

    it('saves a draft and reads it back exactly', () => {
      const input = sampleDraft({ spec: 'first initial + last name', conversationId: 'conv-1' });
      const saved = drafts.save(input);
      expect(saved).toEqual({ ...input, createdAt: now.toISOString(), updatedAt: now.toISOString() });
      expect(drafts.get('alice', 'generate-username')).toEqual(saved);
      expect(drafts.get('bob', 'generate-username')).toBeUndefined();
    });

    it('replaces a draft only with overwrite, keeping its creation time', () => {
      drafts.save(sampleDraft());
      expectError(() => drafts.save(sampleDraft({ source: 'changed' })), 'CONFLICT', 'overwrite: true');
      expect(drafts.get('alice', 'generate-username')?.source).toBe(sampleDraft().source);
      const created = now.toISOString();
      now = new Date(now.getTime() + 60_000);
      const replaced = drafts.save(sampleDraft({ source: 'changed', author: 'agent:anthropic' }), { overwrite: true });
      expect(replaced).toMatchObject({ source: 'changed', author: 'agent:anthropic', createdAt: created, updatedAt: now.toISOString() });
    });

    it('keeps owners apart, lists newest first, and deletes', () => {
      drafts.save(sampleDraft({ name: 'b-rule' }));
      now = new Date(now.getTime() + 1_000);
      drafts.save(sampleDraft({ name: 'a-rule' }));
      drafts.save(sampleDraft({ owner: 'bob', name: 'c-rule' }));
      expect(drafts.list('alice').map((draft) => draft.name)).toEqual(['a-rule', 'b-rule']);
      expect(drafts.list('bob').map((draft) => draft.name)).toEqual(['c-rule']);
      expect(drafts.delete('alice', 'a-rule')).toBe(true);
      expect(drafts.delete('alice', 'a-rule')).toBe(false);
      expect(drafts.list('alice').map((draft) => draft.name)).toEqual(['b-rule']);
    });
  });
}
