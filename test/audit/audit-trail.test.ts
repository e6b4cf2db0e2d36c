// The audit trail as one list (audit entries and reviews), read in pages, filtered, and exported as CSV
// and JSON lines: every field quoted, formula-like cells made text, one JSON object per line.

import { describe, expect, it } from 'vitest';
import { auditCsvLine, createSqliteAuditTrail, formatAudit } from '../../core/audit/index.ts';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

function setup() {
  let tick = 0;
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db, {
    _internal: { now: () => new Date(Date.UTC(2026, 0, 1) + tick++ * 1000) },
  });
  return { db, registry, trail: createSqliteAuditTrail(db) };
}

describe('the audit trail', () => {
  it('merges reviews into the audit entries, oldest first, across pages', () => {
    const { registry, trail } = setup();
    registry.publish(samplePublishInput());
    for (let index = 0; index < 1_200; index++)
      registry.recordAudit({
        actor: 'mcp',
        action: 'run_function',
        allowed: false,
        detail: { index },
      });
    registry.review({
      name: 'generate-username',
      version: 1,
      reviewer: 'rita',
      decision: 'approved',
      comment: 'looks right',
    });
    registry.recordAudit({
      actor: 'otto',
      action: 'token.create',
      target: 'ci',
      allowed: true,
    });
    const all = [...trail.entries()];
    expect(all).toHaveLength(1_202);
    expect(all.map((entry) => entry.createdAt)).toEqual([...all.map((entry) => entry.createdAt)].sort());
    expect(all.at(-2)).toMatchObject({
      actor: 'rita',
      action: 'review.approved',
      target: 'generate-username@1',
      allowed: true,
      detail: { comment: 'looks right' },
    });
    expect(new Set(all.map((entry) => entry.id)).size).toBe(1_202);
    expect([...trail.entries({ action: 'review.' })].map((entry) => entry.actor)).toEqual(['rita']);
    expect(trail.recent({ limit: 2 }).map((entry) => entry.action)).toEqual(['token.create', 'review.approved']);
    expect(trail.recent({ allowed: true, actor: 'otto' })).toHaveLength(1);
  });

  it('writes CSV that a spreadsheet reads as text, and JSON lines that parse back', () => {
    const entry = {
      id: 'audit:1',
      createdAt: '2026-01-01T00:00:00.000Z',
      actor: '=HYPERLINK("http://x")',
      action: 'review',
      target: 'a,b\n"c"',
      allowed: false,
      detail: { note: '+1' },
    };
    expect(auditCsvLine(entry)).toBe(
      '"audit:1","2026-01-01T00:00:00.000Z","\'=HYPERLINK(""http://x"")","review","a,b\n""c""","false","{""note"":""+1""}"\r\n',
    );
    const lines = [...formatAudit([entry, { ...entry, id: 'review:2' }], 'jsonl')];
    expect(lines.map((line) => JSON.parse(line).id)).toEqual(['audit:1', 'review:2']);
    expect([...formatAudit([], 'csv')]).toEqual(['id,created_at,actor,action,target,allowed,detail\r\n']);
  });
});
