// What every Registry keeps by the database's own means, part of describeRegistry: hand-written SQL cannot
// rewrite history (the same SQL text on every engine), a withdrawal, the execution filters, redaction of
// the audit trail, and publishers in separate processes racing on one function.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { RECORD_CAPS, versionIntegrity } from '../../core/registry/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { sampleExecution } from '../registry/sample-execution.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';
import type { RegistryUnderTest } from './describe-registry.ts';

const PUBLISH_CHILD = fileURLToPath(new URL('../registry/children/publish-child.ts', import.meta.url));
const NAME = 'generate-username';

export function describeRegistryGuarantees(opened: () => RegistryUnderTest): void {
  describe('history the database refuses to rewrite', () => {
    beforeEach(() => {
      const { registry } = opened();
      registry.publish(samplePublishInput());
      registry.publish(samplePublishInput({ source: 'v2' }));
    });

    it('refuses edits and deletions of versions and functions, and keeps the content intact', () => {
      const { registry, execute } = opened();
      expect(() => execute("UPDATE versions SET source = 'tampered' WHERE version = 1")).toThrow(/versions are immutable/);
      expect(() => execute("UPDATE versions SET author = 'mallory' WHERE version = 2")).toThrow(/versions are immutable/);
      expect(() => execute('DELETE FROM versions WHERE version = 2')).toThrow(/never deleted/);
      expect(() => execute('DELETE FROM functions')).toThrow(/never deleted/);
      expect(() => execute('UPDATE functions SET latest_version = 1')).toThrow(/never decreases/);
      expect(() => execute('UPDATE functions SET active_version = 2')).toThrow(/only an approved version/);
      const first = registry.getVersion(NAME, 1);
      expect(first?.source).toBe(samplePublishInput().source);
      expect(first && versionIntegrity(first).ok).toBe(true);
      expect(registry.listVersions(NAME)).toHaveLength(2);
    });

    it('lets a status move once from pending_review, never back or sideways', () => {
      const { execute } = opened();
      execute("UPDATE versions SET status = 'approved' WHERE version = 1");
      expect(() => execute("UPDATE versions SET status = 'pending_review' WHERE version = 1")).toThrow(/moves once/);
      expect(() => execute("UPDATE versions SET status = 'rejected' WHERE version = 1")).toThrow(/moves once/);
    });

    it('refuses edits of reviews and audit entries, and of executions beyond one retention purge', () => {
      const { registry, execute } = opened();
      registry.review({ name: NAME, version: 1, reviewer: 'bob', decision: 'approved' });
      const record = registry.recordExecution(sampleExecution());
      registry.recordAudit({ actor: 'bob', action: 'x', allowed: false });
      expect(() => execute("UPDATE reviews SET reviewer = 'mallory'")).toThrow(/reviews are immutable/);
      expect(() => execute('UPDATE audit SET allowed = 1')).toThrow(/immutable/);
      expect(() => execute('DELETE FROM audit')).toThrow(/never deleted/);
      expect(() => execute("UPDATE executions SET caller = 'mallory'")).toThrow(/immutable/);
      const purge = "UPDATE executions SET input = 'null', calls = '[]', payload_purged_at = '2026-12-01T00:00:00.000Z'";
      execute(purge);
      expect(() => execute(purge)).toThrow(/only a retention purge/);
      expect(registry.getExecution(record.id)).toMatchObject({ input: null, calls: [], caller: 'alice@example.com', outcome: record.outcome });
    });
  });

  describe('withdrawal', () => {
    beforeEach(() => void opened().registry.publish(samplePublishInput({ author: 'agent:functions-author', requestedBy: 'alice@example.com' })));

    it('lets the requester of agent-written code take it back once, recorded in the audit trail', () => {
      const { registry } = opened();
      expectError(() => registry.withdraw({ name: NAME, version: 1, actor: 'bob' }), 'FORBIDDEN', 'alice@example.com');
      expect(registry.withdraw({ name: NAME, version: 1, actor: 'alice@example.com', reason: 'wrong rule' }).status).toBe('withdrawn');
      expectError(() => registry.withdraw({ name: NAME, version: 1, actor: 'alice@example.com' }), 'CONFLICT', 'already withdrawn');
      expectError(() => registry.review({ name: NAME, version: 1, reviewer: 'bob', decision: 'approved' }), 'CONFLICT', 'withdrew');
      expect(registry.listFunctions()[0]?.latestStatus).toBe('withdrawn');
      expect(registry.listAudit({ actor: 'alice@example.com' })).toMatchObject([{ action: 'withdraw', target: `${NAME}@1`, detail: { reason: 'wrong rule' } }]);
      expectError(() => registry.withdraw({ name: NAME, version: 9, actor: 'alice@example.com' }), 'NOT_FOUND');
    });

    it('refuses to withdraw a decided version', () => {
      const { registry } = opened();
      registry.review({ name: NAME, version: 1, reviewer: 'bob', decision: 'approved' });
      expectError(() => registry.withdraw({ name: NAME, version: 1, actor: 'alice@example.com' }), 'CONFLICT', 'approved');
    });
  });

  describe('execution records', () => {
    beforeEach(() => void opened().registry.publish(samplePublishInput()));

    it('filters by outcome, dry run, event, time and page', async () => {
      const { registry } = opened();
      const first = registry.recordExecution(sampleExecution({ eventId: 'evt-1' }));
      registry.recordExecution(sampleExecution({ eventId: 'evt-2', dryRun: true, outcome: { kind: 'threw', message: 'no surname' } }));
      const third = await registry.recordExecutionDurable(sampleExecution({ eventId: 'evt-3' }));
      expect(registry.getExecution(third.id)).toEqual(third);
      const events = (filter: Parameters<typeof registry.listExecutions>[1]) => registry.listExecutions(NAME, filter).map((record) => record.eventId);
      expect(events({ outcome: 'threw' })).toEqual(['evt-2']);
      expect(events({ dryRun: false })).toEqual(['evt-3', 'evt-1']);
      expect(events({ eventId: 'evt-3' })).toEqual(['evt-3']);
      expect(events({ beforeId: third.id, limit: 1 })).toEqual(['evt-2']);
      expect(events({ since: first.createdAt })).toEqual(['evt-3', 'evt-2', 'evt-1']);
      expect(events({ since: '2999-01-01T00:00:00Z' })).toEqual([]);
      expectError(() => registry.listExecutions(NAME, { since: 'yesterday' }), 'INVALID_INPUT', 'since');
      expectError(() => registry.listExecutions(NAME, { limit: 0 }), 'INVALID_INPUT', 'limit');
    });

    it('cuts an oversized field to its cap and still keeps the record', () => {
      const { registry } = opened();
      const huge = 'x'.repeat(RECORD_CAPS.inputMaxBytes + 10);
      const record = registry.recordExecution(sampleExecution({ input: { huge } }));
      expect(JSON.stringify(registry.getExecution(record.id)?.input)).toContain('$truncated');
    });

    it('redacts secret values from audit entries', () => {
      const { registry } = opened();
      const input = { actor: 'bob', action: 'run_function', target: 'x-s3cr3t', allowed: true, detail: { token: 's3cr3t' } };
      const entry = registry.recordAudit(input, { redact: ['s3cr3t'] });
      expect(JSON.stringify(registry.listAudit({ actor: 'bob' }))).not.toContain('s3cr3t');
      expect(entry).toMatchObject({ target: 'x-[redacted]', detail: { token: '[redacted]' } });
    });
  });

  it('gives publishers racing in separate processes consecutive versions with no gaps or duplicates', async () => {
    const { registry, location } = opened();
    const processes = 3;
    const perProcess = 15;
    const publishers = Array.from({ length: processes }, () => startPublisher(location, perProcess));
    await Promise.all(publishers.map((publisher) => publisher.ready));
    for (const publisher of publishers) publisher.go();
    const outputs = await Promise.all(publishers.map((publisher) => publisher.versions));
    const versions = outputs.flat().sort((left, right) => left - right);
    expect(versions).toEqual(Array.from({ length: processes * perProcess }, (_, index) => index + 1));
    for (const own of outputs) expect(own).toEqual([...own].sort((left, right) => left - right));
    const parents = registry.listVersions(NAME).map((summary) => registry.getVersion(NAME, summary.version)?.parentVersion);
    expect(parents).toEqual(versions.map((version) => (version === 1 ? null : version - 1)));
  }, 60_000);
}

interface Publisher {
  ready: Promise<void>;
  go(): void;
  /** The versions it published, in its order. */
  versions: Promise<number[]>;
}

/** Starts publish-child.ts: it opens the store, says "ready", and publishes `count` versions on "go". */
function startPublisher(location: string, count: number): Publisher {
  const child = spawn(process.execPath, ['--import', 'tsx', PUBLISH_CHILD, 'publish', location, String(count)], { stdio: 'pipe' });
  let output = '';
  let errors = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.startsWith('ready\n')) markReady();
  });
  const versions = new Promise<number[]>((resolve, reject) => {
    child.on('exit', (code) => {
      const line = output.split('\n').find((candidate) => candidate.startsWith('['));
      if (code === 0 && line !== undefined) resolve(JSON.parse(line) as number[]);
      else reject(new Error(`publisher exited (${code}): ${errors}`));
    });
  });
  return { ready: Promise.race([ready, versions.then(() => undefined)]), go: () => child.stdin.write('go\n'), versions };
}
