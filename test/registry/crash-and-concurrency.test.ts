// Real processes against one database file: a publisher killed mid-transaction leaves no trace, and
// publishers racing each other get consecutive, distinct version numbers.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { samplePublishInput } from './sample-publish-input.ts';

const CHILD = fileURLToPath(new URL('./children/publish-child.ts', import.meta.url));

function startChild(...args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: 'pipe' });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the child exits first. */
function waitForLine(child: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) resolve(line);
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before printing ${pattern}: ${errors}`)));
  });
}

describe('publishing from separate processes', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-publish-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('leaves no partial version when a publisher is SIGKILLed inside the transaction', async () => {
    const file = join(folder, 'joinery.db');
    const child = startChild('hang', file, '2');
    expect(await waitForLine(child, /^inserted \d+$/)).toBe('inserted 3');
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    const [, signal] = await exited;
    expect(signal).toBe('SIGKILL');

    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM versions').pluck().get()).toBe(2);
    expect(db.prepare('SELECT latest_version FROM functions').pluck().get()).toBe(2);
    const registry = createSqliteRegistry(db);
    expect(registry.listVersions('generate-username').map((summary) => summary.version)).toEqual([1, 2]);
    expect(registry.getVersion('generate-username')?.source).toBe('committed #1');
    expect(registry.publish(samplePublishInput()).version).toBe(3);
    registry.close();
  });

  it('gives concurrent publishers in four processes versions 1..N with no gaps or duplicates', async () => {
    const file = join(folder, 'joinery.db');
    const processes = 4;
    const perProcess = 50;
    const children = Array.from({ length: processes }, () => startChild('publish', file, String(perProcess)));
    await Promise.all(children.map((child) => waitForLine(child, /^ready$/)));
    const results = children.map((child) => waitForLine(child, /^\[/));
    for (const child of children) child.stdin.write('go\n');
    const versionsByChild = (await Promise.all(results)).map((line) => JSON.parse(line) as number[]);

    const total = processes * perProcess;
    for (const versions of versionsByChild) {
      expect(versions).toHaveLength(perProcess);
      expect(versions).toEqual([...versions].sort((left, right) => left - right));
    }
    expect(versionsByChild.flat().sort((left, right) => left - right)).toEqual(
      Array.from({ length: total }, (_, index) => index + 1),
    );
    const db = openDatabase(file);
    const rows = db.prepare('SELECT version, parent_version FROM versions ORDER BY version').all();
    expect(rows).toEqual(Array.from({ length: total }, (_, index) => ({ version: index + 1, parent_version: index === 0 ? null : index })));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    closeDatabase(db);
  });
});
