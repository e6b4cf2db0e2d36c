// Real processes racing for one SQLite queue: every event is claimed exactly once.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';

const CHILD = fileURLToPath(new URL('./children/claim-child.ts', import.meta.url));

async function runClaimer(file: string, owner: string): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, owner], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`claimer ${owner} exited ${code}: ${errors}`);
  return output.split('\n').filter((line) => line.startsWith('claimed ')).map((line) => line.slice('claimed '.length));
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'joinery-claims-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('hands each of 300 events to exactly one of three claiming processes', async () => {
  const file = join(folder, 'joinery.db');
  const db = openDatabase(file);
  const queue = createSqliteEventQueue(db);
  const ids = Array.from({ length: 300 }, (_, index) => `evt-${index}`);
  for (const id of ids) await queue.enqueue({ id, type: 'user.joined', payload: { id }, source: 'test' });
  closeDatabase(db);

  const claimedBy = await Promise.all(['one', 'two', 'three'].map((owner) => runClaimer(file, owner)));
  const all = claimedBy.flat();
  expect(new Set(all).size).toBe(all.length);
  expect(all.sort()).toEqual([...ids].sort());

  const check = openDatabase(file);
  expect(await createSqliteEventQueue(check).countByStatus()).toMatchObject({ done: 300, queued: 0, running: 0 });
  closeDatabase(check);
}, 60_000);
