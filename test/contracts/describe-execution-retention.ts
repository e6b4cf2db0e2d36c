// The contract of execution payload retention, on every store: payloads of executions older than N days
// are removed, the record and the audit trail stay, and the relaxed trigger still refuses every other
// change to an execution record (`execute` runs the same hand-written SQL on every engine).

import { afterEach, describe, expect, it } from 'vitest';
import type { Registry } from '../../core/registry/index.ts';
import type { ExecutionRetention } from '../../core/retention/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

export interface RetentionUnderTest {
  registry: Registry;
  retention: ExecutionRetention;
  execute(sql: string): void;
  close(): Promise<void> | void;
}

const DAY = 86_400_000;

export function describeExecutionRetention(
  implementation: string,
  open: (now: () => Date) => RetentionUnderTest,
  { skip = false }: { skip?: boolean } = {},
): void {
  describe.skipIf(skip)(`execution payload retention: ${implementation}`, () => {
    let opened: RetentionUnderTest | undefined;
    afterEach(() => opened?.close());

    function setup() {
      let now = Date.parse('2026-01-01T00:00:00Z');
      opened = open(() => new Date(now));
      const { registry, retention, execute } = opened;
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
      return { execute, registry, record, advance: (days: number) => (now += days * DAY), retention };
    }

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
      const { execute, record, advance, retention } = setup();
      const { id } = record('x');
      expect(() => execute(`UPDATE executions SET caller = 'mallory' WHERE id = ${id}`)).toThrow(/immutable/);
      expect(() => execute(`UPDATE executions SET input = '{}' WHERE id = ${id}`)).toThrow(/immutable/);
      advance(10);
      retention.purgeExecutionPayloads({ olderThanDays: 1, actor: 'system' });
      expect(() => execute(`UPDATE executions SET payload_purged_at = 'x', input = 'null', calls = '[]' WHERE id = ${id}`)).toThrow(/immutable/);
      expect(() => execute('DELETE FROM audit')).toThrow(/never deleted/);
    });

    it('refuses a number of days below one', () => {
      const { retention } = setup();
      for (const days of [0, -1, 1.5, Number.NaN])
        expect(() => retention.purgeExecutionPayloads({ olderThanDays: days, actor: 'x' })).toThrow(/whole number of days/);
    });
  });
}
