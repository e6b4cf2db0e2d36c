// `joinery audit export` (CSV, JSON lines, filters), `joinery audit purge` (retention on demand), and secret changes in the trail.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('joinery audit', () => {
  let folder: string;
  let home: string;
  const cli = (...args: string[]) => runCli(args, { cwd: folder, home });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-audit-'));
    home = join(folder, '.joinery');
    const db = openDatabase(join(home, 'joinery.db'));
    const registry = createSqliteRegistry(db, {
      _internal: { now: () => new Date('2020-01-01T00:00:00Z') },
    });
    registry.publish(samplePublishInput());
    registry.review({
      name: 'generate-username',
      version: 1,
      reviewer: 'rita',
      decision: 'approved',
    });
    registry.recordAudit({
      actor: 'mallory',
      action: 'review_function',
      target: 'generate-username@1',
      allowed: false,
      detail: { reason: 'role' },
    });
    registry.recordExecution({
      name: 'generate-username',
      version: 1,
      eventId: 'e',
      input: { person: 'Søren' },
      outcome: { kind: 'returned', value: { username: 'soedegard' } },
      logs: [],
      calls: [],
      durationMs: 1,
      caller: 'x',
      dryRun: false,
    });
    closeDatabase(db);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('exports every entry and review as CSV or JSON lines, filtered', async () => {
    const csv = await cli('audit', 'export');
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n').slice(0, 1)).toEqual(['id,created_at,actor,action,target,allowed,detail']);
    expect(csv.stdout).toContain('"rita","review.approved","generate-username@1","true"');
    const denials = await cli('audit', 'export', '--format', 'jsonl', '--actor', 'mallory');
    expect(
      denials.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toMatchObject([{ actor: 'mallory', allowed: false, detail: { reason: 'role' } }]);
    expect((await cli('audit', 'export', '--format', 'xml')).code).toBe(2);
    expect((await cli('audit', 'export', '--since', 'yesterday')).code).toBe(2);
  });

  it('purges execution payloads past --days or the configured retention, keeping the trail', async () => {
    expect((await cli('audit', 'purge')).code).toBe(2);
    writeFileSync(join(home, 'config.json'), JSON.stringify({ retention: { executionPayloadDays: 30 } }));
    const purged = await cli('audit', 'purge', '--json');
    expect(purged.json()).toMatchObject({ ok: true, purged: 1 });
    const trail = (await cli('audit', 'export', '--format', 'jsonl')).stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(trail.map((entry) => entry.action)).toEqual(['review_function', 'review.approved', 'retention.purge']);
  });

  it('records secret changes in the trail, never their values', async () => {
    expect((await runCli(['secret', 'set', 'GRAPH_TOKEN'], { cwd: folder, home, stdin: 'tok-9d2f7a61\n' })).code).toBe(0);
    expect((await cli('secret', 'delete', 'GRAPH_TOKEN')).code).toBe(0);
    const trail = (await cli('audit', 'export', '--format', 'jsonl', '--action', 'secret.')).stdout;
    expect(trail.trim().split('\n').map((line) => JSON.parse(line))).toMatchObject([
      { actor: 'tester', action: 'secret.set', target: 'GRAPH_TOKEN' },
      { actor: 'tester', action: 'secret.delete', target: 'GRAPH_TOKEN' },
    ]);
    expect(trail).not.toContain('tok-9d2f7a61');
  });
});
