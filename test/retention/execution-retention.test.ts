// Retention: payloads of executions older than N days are removed, the record and the audit trail stay,
// and the relaxed trigger still refuses every other change to an execution record.

import { describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { createSqliteExecutionRetention } from '../../core/retention/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

const DAY = 86_400_000;

function setup() {
  let now = Date.parse('2026-01-01T00:00:00Z');
  const db = openDatabase(':memory:');
  const registry = createSqliteRegistry(db, {
    _internal: { now: () => new Date(now) },
  });
  registry.publish(samplePublishInput());
  const record = (secretish: string) =>
    registry.recordExecution({
      name: 'generate-username',
      version: 1,
      eventId: 'evt-1',
      input: { person: secretish },
      outcome: { kind: 'threw', message: `no name for ${secretish}` },
      logs: [{ level: 'info', message: secretish, atMs: 1 }],
      calls: [
        {
          method: 'POST',
          url: 'https://x.example/',
          headers: {},
          body: secretish,
        },
      ],
      durationMs: 4,
      caller: 'serve:hr',
      dryRun: false,
    });
  return {
    db,
    registry,
    record,
    advance: (days: number) => (now += days * DAY),
    retention: createSqliteExecutionRetention(db, { now: () => new Date(now) }),
  };
}

describe('execution payload retention', () => {
  it('empties payloads older than the limit, keeps newer ones and every record, and audits the purge', () => {
    const { registry, record, advance, retention } = setup();
    const old = record('Søren Ødegård');
    advance(40);
    const recent = record('Ada Lovelace');
    advance(1);
    const audited = registry.recordAudit({
      actor: 'rita',
      action: 'activate',
      target: 'generate-username@1',
      allowed: true,
    });
    expect(retention.purgeExecutionPayloads({ olderThanDays: 30, actor: 'system' })).toMatchObject({ purged: 1 });
    const purged = registry.getExecution(old.id);
    expect(purged).toMatchObject({
      name: 'generate-username',
      version: 1,
      eventId: 'evt-1',
      durationMs: 4,
      caller: 'serve:hr',
      input: null,
      calls: [],
      outcome: { kind: 'threw', message: '(removed by the retention policy)' },
    });
    expect(JSON.stringify(purged)).not.toContain('Søren');
    expect(purged?.logs[0]?.message).toMatch(/payload removed by the retention policy/);
    expect(registry.getExecution(recent.id)?.input).toEqual({
      person: 'Ada Lovelace',
    });
    expect(registry.listAudit().map((entry) => entry.id)).toContain(audited.id);
    expect(registry.listAudit({ limit: 1 })[0]).toMatchObject({
      action: 'retention.purge',
      allowed: true,
      detail: { purged: 1, olderThanDays: 30 },
    });
    expect(retention.purgeExecutionPayloads({ olderThanDays: 30, actor: 'system' }).purged).toBe(0);
  });

  it('still refuses any other change to an execution record, and a second purge of one', () => {
    const { db, record, advance, retention } = setup();
    const { id } = record('x');
    expect(() => db.prepare("UPDATE executions SET caller = 'mallory' WHERE id = ?").run(id)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE executions SET input = '{}' WHERE id = ?").run(id)).toThrow(/immutable/);
    advance(10);
    retention.purgeExecutionPayloads({ olderThanDays: 1, actor: 'system' });
    expect(() => db.prepare("UPDATE executions SET payload_purged_at = 'x', input = 'null', calls = '[]' WHERE id = ?").run(id)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/never deleted/);
  });

  it('refuses a number of days below one', () => {
    const { retention } = setup();
    for (const days of [0, -1, 1.5, Number.NaN])
      expect(() => retention.purgeExecutionPayloads({ olderThanDays: days, actor: 'x' })).toThrow(/whole number of days/);
  });
});
