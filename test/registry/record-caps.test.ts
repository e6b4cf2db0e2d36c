// What an execution record keeps: every field within its cap (RECORD_CAPS), cut with a marker giving the
// original size and sha256, secrets redacted before the cut; and a record even when the full row cannot
// be written.

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingRequest } from '../../core/execution/types.ts';
import { createSqliteRegistry, RECORD_CAPS, REDACTED, type Registry } from '../../core/registry/index.ts';
import { openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { sampleExecution } from './sample-execution.ts';
import { samplePublishInput } from './sample-publish-input.ts';

const MB = 1024 * 1024;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const bytes = (text: string) => Buffer.byteLength(text);
const URL_TAP = 'https://graph.microsoft.com/v1.0/users/u1/authentication/temporaryAccessPassMethods';
const posts = (count: number, body: string): OutgoingRequest[] => Array.from({ length: count }, () => ({ method: 'POST', url: URL_TAP, headers: { 'content-type': 'application/json' }, body }));

let db: SqliteDatabase;
let registry: Registry;
beforeEach(() => {
  db = openDatabase(':memory:');
  registry = createSqliteRegistry(db);
  registry.publish(samplePublishInput());
});
afterEach(() => registry.close());

const rowBytes = (id: number) => bytes(JSON.stringify(db.prepare('SELECT * FROM executions WHERE id = ?').get(id)));

describe('execution record caps', () => {
  it('keeps a dry run of nine 7 MB POSTs to a small row: each body cut with its size and sha256', () => {
    const body = 'x'.repeat(7 * MB);
    const record = registry.recordExecution(sampleExecution({ dryRun: true, calls: posts(9, body) }));
    expect(rowBytes(record.id)).toBeLessThan(RECORD_CAPS.callsMaxBytes + 64 * 1024);
    const kept = record.calls[0]?.body ?? '';
    expect(bytes(kept)).toBeLessThanOrEqual(RECORD_CAPS.callBodyMaxBytes);
    expect(kept).toMatch(new RegExp(`^x+…\\[truncated: ${7 * MB} bytes, sha256 ${sha256(body)}\\]$`));
    expect(record.calls).toHaveLength(7); // 7 cut bodies fill the 512 KiB for calls
    expect(record.logs.at(-1)?.message).toMatch(/^joinery: 2 more calls \(\d+ bytes, sha256 [0-9a-f]{64}\) are not in this record/);
  });

  it('records 70 calls of 8 MB, keeping the calls that fit and a note with the count, size and sha256 of the rest', () => {
    const calls = posts(70, 'y'.repeat(8 * MB));
    const record = registry.recordExecution(sampleExecution({ calls }));
    expect(record.calls).toHaveLength(7);
    const note = record.logs.find((entry) => entry.message.startsWith('joinery: '));
    expect(note).toMatchObject({ level: 'warn', message: expect.stringMatching(new RegExp(`^joinery: ${70 - record.calls.length} more calls \\(\\d+ bytes, sha256 [0-9a-f]{64}\\) are not in this record, which keeps ${RECORD_CAPS.callsMaxBytes} bytes of calls$`)) });
    expect(rowBytes(record.id)).toBeLessThan(RECORD_CAPS.callsMaxBytes + 64 * 1024);
  });

  it('replaces a returned value over the output cap with a marker', () => {
    const value = { blob: 'z'.repeat(MB) };
    const record = registry.recordExecution(sampleExecution({ outcome: { kind: 'returned', value } }));
    const json = JSON.stringify(value);
    expect(record.outcome).toEqual({ kind: 'returned', value: { $truncated: { bytes: bytes(json), sha256: sha256(json), preview: json.slice(0, 256) } } });
  });

  it('keeps logs up to their cap and notes the rest', () => {
    const logs = Array.from({ length: 1_000 }, (_, index) => ({ level: 'info' as const, message: `line ${index} ${'l'.repeat(1_000)}`, atMs: index }));
    const record = registry.recordExecution(sampleExecution({ logs }));
    const kept = record.logs.filter((entry) => !entry.message.startsWith('joinery: '));
    expect(kept.length).toBeGreaterThan(200);
    expect(kept.length).toBeLessThan(1_000);
    expect(bytes(JSON.stringify(kept))).toBeLessThanOrEqual(RECORD_CAPS.logsMaxBytes);
    expect(record.logs.at(-1)?.message).toMatch(new RegExp(`^joinery: ${1_000 - kept.length} more log entries \\(\\d+ bytes, sha256 [0-9a-f]{64}\\)`));
  });

  it('keeps a whole output, logs and calls set within 1 MiB, plus the input', () => {
    const record = registry.recordExecution(sampleExecution({
      outcome: { kind: 'returned', value: 'v'.repeat(MB) },
      logs: Array.from({ length: 1_000 }, (_, index) => ({ level: 'info' as const, message: 'm'.repeat(4_000), data: { index, pad: 'd'.repeat(4_000) }, atMs: index })),
      calls: posts(50, 'b'.repeat(MB)),
      input: { note: 'i'.repeat(MB) },
    }));
    expect(rowBytes(record.id)).toBeLessThan(MB + RECORD_CAPS.inputMaxBytes + 16 * 1024);
  });

  it('cuts only after redacting, never in the middle of a character', () => {
    const secret = 'SECRETVALUE-123';
    const cut = RECORD_CAPS.callBodyMaxBytes - 128;
    const body = `${'a'.repeat(cut - 5)}${secret}${'é'.repeat(50_000)}`;
    const record = registry.recordExecution(sampleExecution({ calls: [{ method: 'POST', url: URL_TAP, headers: {}, body }] }), { redact: [secret] });
    const kept = record.calls[0]?.body ?? '';
    expect(kept).not.toContain('SECRE');
    expect(kept).toContain('[red');
    expect(kept).not.toContain('\uFFFD');
    const accented = registry.recordExecution(sampleExecution({ calls: [{ method: 'POST', url: URL_TAP, headers: {}, body: 'é'.repeat(100_000) }] }));
    expect(accented.calls[0]?.body).toMatch(/^é+…\[truncated: 200000 bytes, sha256 [0-9a-f]{64}\]$/);
    expect(REDACTED).toBe('[redacted]');
  });
});

describe('a run always leaves a record', () => {
  it('writes a minimal record when SQLite refuses the full row', () => {
    db.exec(`CREATE TEMP TRIGGER refuse_full_rows BEFORE INSERT ON executions WHEN NEW.calls <> '[]'
      BEGIN SELECT RAISE(ABORT, 'disk full (forced by the test)'); END`);
    const record = registry.recordExecution(sampleExecution({
      outcome: { kind: 'threw', message: 'Error: upstream said no to token-abc', stack: 'Error: ...' },
      calls: posts(2, '{}'),
    }), { redact: ['token-abc'] });
    expect(record.outcome).toEqual({ kind: 'threw', message: `Error: upstream said no to ${REDACTED}` });
    expect(record.calls).toEqual([]);
    expect(record.logs).toEqual([{ level: 'error', message: 'joinery: the full record could not be stored (disk full (forced by the test)); only the outcome is kept (log entries: 1, calls: 2)', atMs: 0 }]);
    expect(registry.listExecutions('generate-username').map(({ id }) => id)).toEqual([record.id]);
  });

  it('writes a minimal record when a value cannot be serialised', () => {
    const record = registry.recordExecution(sampleExecution({ outcome: { kind: 'returned', value: { count: 1n } } }));
    expect(record.outcome).toEqual({ kind: 'returned', value: null });
    expect(record.logs[0]?.message).toMatch(/^joinery: the full record could not be stored \(.*BigInt.*\)/);
  });

  it('still refuses what is the caller’s mistake', () => {
    expect(() => registry.recordExecution(sampleExecution({ version: 7 }))).toThrow(/no version/);
    expect(() => registry.recordExecution(sampleExecution({ caller: '' }))).toThrow(/caller/);
  });
});
