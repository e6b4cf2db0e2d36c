// SQLite connections in one process never truly overlap, so the race the contract runs across connections
// is run here across processes: 5 processes × 10 events, all after the same 50-odd names.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { createSqliteReservationLedger } from '../../core/ledger/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, 'helpers', 'race-for-names.ts');
let folder = '';

afterEach(() => rmSync(folder, { recursive: true, force: true }));

it('5 processes racing for the same names: 50 events, 50 distinct names, each reserved exactly once', async () => {
  folder = mkdtempSync(join(tmpdir(), 'joinery-ledger-race-'));
  const file = join(folder, 'joinery.db');
  closeDatabase(openDatabase(file));
  const outputs = await Promise.all(
    [0, 1, 2, 3, 4].map((processNumber) => run(process.execPath, ['--import', 'tsx', SCRIPT, file, String(processNumber), '10'], { timeout: 60_000 })),
  );
  const chosen = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as Array<string | null>);
  expect(chosen).toHaveLength(50);
  expect(chosen.includes(null)).toBe(false);
  expect(new Set(chosen).size).toBe(50);
  const db = openDatabase(file);
  const ledger = createSqliteReservationLedger(db);
  const held = await Promise.all([0, 1, 2, 3, 4].flatMap((processNumber) => Array.from({ length: 10 }, (_, event) => ledger.reservationsOf(`p${processNumber}-e${event}`))));
  expect(held.map((reservations) => reservations.length)).toEqual(Array(50).fill(1));
  closeDatabase(db);
}, 90_000);
