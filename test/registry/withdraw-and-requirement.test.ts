// Migration 0005: the requirement and conversation kept with each version, withdrawal of a pending version
// by whoever published it (recorded, refused for anyone else and for decided versions), and the filters
// of the execution log.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry, type Registry } from '../../core/registry/index.ts';
import { closeDatabase, MIGRATIONS, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { sampleExecution } from './sample-execution.ts';
import { expectError } from './expect-joinery-error.ts';
import { samplePublishInput } from './sample-publish-input.ts';

const NAME = 'generate-username';

describe('requirement and withdrawal', () => {
  let db: SqliteDatabase;
  let registry: Registry;
  beforeEach(() => {
    db = openDatabase(':memory:');
    registry = createSqliteRegistry(db);
  });
  afterEach(() => registry.close());

  it('keeps the requirement and conversation id with a version, and never changes them', () => {
    const published = registry.publish(samplePublishInput({ requirement: 'first initial + last name', conversationId: 'conv-7' }));
    expect(registry.getVersion(NAME, published.version)).toMatchObject({ requirement: 'first initial + last name', conversationId: 'conv-7' });
    expect(registry.publish(samplePublishInput({ source: 'v2' }))).toMatchObject({ requirement: null, conversationId: null });
    expect(() => db.prepare('UPDATE versions SET requirement = ? WHERE version = 1').run('tampered')).toThrow(/immutable/);
    expect(() => db.prepare('UPDATE versions SET conversation_id = ? WHERE version = 1').run('tampered')).toThrow(/immutable/);
  });

  it('lets the author withdraw a pending version: withdrawn everywhere, audited, no longer reviewable', () => {
    registry.publish(samplePublishInput({ author: 'alice', requestedBy: 'hr-bob' }));
    const withdrawn = registry.withdraw({ name: NAME, version: 1, actor: 'alice', reason: 'published by mistake' });
    expect(withdrawn.status).toBe('withdrawn');
    expect(registry.getVersion(NAME)?.status).toBe('withdrawn');
    expect(registry.listVersions(NAME)[0]?.status).toBe('withdrawn');
    expect(registry.listFunctions()[0]?.latestStatus).toBe('withdrawn');
    expect(registry.listAudit({ actor: 'alice' })[0]).toMatchObject({ action: 'withdraw', target: `${NAME}@1`, allowed: true, detail: { reason: 'published by mistake' } });
    expectError(() => registry.review({ name: NAME, version: 1, reviewer: 'carol', decision: 'approved' }), 'CONFLICT', 'its author withdrew it');
    expectError(() => registry.withdraw({ name: NAME, version: 1, actor: 'alice' }), 'CONFLICT', 'already withdrawn');
  });

  it('lets the requester withdraw an agent-written version, but not a person\'s', () => {
    registry.publish(samplePublishInput({ author: 'agent:offline', requestedBy: 'alice' }));
    registry.publish(samplePublishInput({ source: 'v2', author: 'dave', requestedBy: 'alice' }));
    expectError(() => registry.withdraw({ name: NAME, version: 1, actor: 'mallory' }), 'FORBIDDEN', 'only alice, who published it, may');
    expect(registry.withdraw({ name: NAME, version: 1, actor: 'Alice ' }).status).toBe('withdrawn');
    expectError(() => registry.withdraw({ name: NAME, version: 2, actor: 'alice' }), 'FORBIDDEN', 'only dave');
    expect(registry.getVersion(NAME, 2)?.status).toBe('pending_review');
  });

  it('refuses to withdraw a decided or unknown version', () => {
    registry.publish(samplePublishInput({ author: 'alice' }));
    registry.review({ name: NAME, version: 1, reviewer: 'carol', decision: 'approved' });
    expectError(() => registry.withdraw({ name: NAME, version: 1, actor: 'alice' }), 'CONFLICT', 'it is approved');
    expectError(() => registry.withdraw({ name: NAME, version: 9, actor: 'alice' }), 'NOT_FOUND');
    expect(() => db.prepare("INSERT INTO withdrawals (name, version, actor, created_at) VALUES (?, 1, 'alice', 'now')").run(NAME)).toThrow(/only a version pending review/);
  });

  it('keeps withdrawals forever and refuses a review written around the registry', () => {
    registry.publish(samplePublishInput({ author: 'alice' }));
    registry.withdraw({ name: NAME, version: 1, actor: 'alice' });
    expect(() => db.prepare('DELETE FROM withdrawals').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE withdrawals SET actor = 'eve'").run()).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE versions SET status = 'approved' WHERE version = 1").run()).toThrow(/withdrawn version cannot be reviewed/);
  });
});

describe('execution filters', () => {
  it('filters by outcome, dry run, event id, time, and pages by id', () => {
    let clock = Date.parse('2026-11-20T09:00:00Z');
    const registry = createSqliteRegistry(openDatabase(':memory:'), { _internal: { now: () => new Date((clock += 60_000)) } });
    registry.publish(samplePublishInput()); // 09:01; the executions are recorded at 09:02, 09:03 and 09:04
    const ids = [
      registry.recordExecution(sampleExecution({ eventId: 'evt-1' })).id,
      registry.recordExecution(sampleExecution({ eventId: 'evt-2', dryRun: true })).id,
      registry.recordExecution(sampleExecution({ eventId: 'evt-3', outcome: { kind: 'threw', message: 'no' } })).id,
    ];
    const listed = (filter: Parameters<Registry['listExecutions']>[1]) => registry.listExecutions(NAME, filter).map((entry) => entry.id);
    expect(listed({})).toEqual([...ids].reverse());
    expect(listed({ outcome: 'threw' })).toEqual([ids[2]]);
    expect(listed({ dryRun: true })).toEqual([ids[1]]);
    expect(listed({ dryRun: false, outcome: 'returned' })).toEqual([ids[0]]);
    expect(listed({ eventId: 'evt-2' })).toEqual([ids[1]]);
    expect(listed({ since: '2026-11-20T09:03:00Z' })).toEqual([ids[2], ids[1]]);
    expect(listed({ limit: 1, beforeId: ids[2] })).toEqual([ids[1]]);
    expectError(() => registry.listExecutions(NAME, { since: 'yesterday' }), 'INVALID_INPUT', 'since');
    registry.close();
  });
});

describe('migration 0009 on an existing database', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-0009-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps versions published before it, with no requirement', () => {
    const file = join(folder, 'joinery.db');
    const before = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
    before.prepare("INSERT INTO functions (name, created_at) VALUES (?, 'then')").run(NAME);
    closeDatabase(before);
    const registry = createSqliteRegistry(openDatabase(file));
    registry.publish(samplePublishInput({ author: 'alice' }));
    expect(registry.getVersion(NAME)).toMatchObject({ version: 1, status: 'pending_review', requirement: null, conversationId: null });
    registry.close();
  });
});
