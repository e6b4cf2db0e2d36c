// The audit trail's export formats, CSV and JSON lines: every field quoted, formula-like cells made text,
// one JSON object per line. The trail itself is tested on both stores by audit-trail-contract.test.ts.

import { describe, expect, it } from 'vitest';
import { auditCsvLine, formatAudit } from '../../core/audit/index.ts';

describe('the audit trail', () => {
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
