// Issue 9, defect 9: joinery.db holds personal data and token hashes. Its folder is created 0700 and the
// file (with its -wal and -shm) 0600 whatever the umask; an existing looser one is reported.

import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';

const mode = (path: string) => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';

describe.runIf(posix)('private files', () => {
  let folder: string;
  let savedUmask: number;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-private-'));
    savedUmask = process.umask(0);
  });
  afterEach(() => {
    process.umask(savedUmask);
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the folders 0700 and the database, its WAL and shared memory 0600, even with umask 0', () => {
    const file = join(folder, 'home', 'nested', 'joinery.db');
    const db = openDatabase(file);
    db.prepare('CREATE TABLE t (x INTEGER)').run();
    try {
      expect(mode(join(folder, 'home'))).toBe(0o700);
      expect(mode(join(folder, 'home', 'nested'))).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      closeDatabase(db);
    }
  });

  it('reports an existing database readable by others, once per file, and leaves its mode alone', () => {
    const file = join(folder, 'joinery.db');
    closeDatabase(openDatabase(file));
    chmodSync(file, 0o644);
    const warnings: string[] = [];
    const db = openDatabase(file, { warn: (message) => warnings.push(message) });
    closeDatabase(db);
    // SQLite gives the WAL and shared-memory files the database's mode, so they are as loose.
    expect(warnings).toEqual([
      expect.stringMatching(/^joinery\.db is accessible to group or others \(mode 0644\).*chmod 600/),
      expect.stringMatching(/^joinery\.db-wal is accessible/),
      expect.stringMatching(/^joinery\.db-shm is accessible/),
    ]);
    expect(mode(file)).toBe(0o644);
  });

  it('says nothing about a private existing database or an existing folder it did not create', () => {
    mkdirSync(join(folder, 'shared'), { mode: 0o755 });
    const warnings: string[] = [];
    closeDatabase(openDatabase(join(folder, 'shared', 'joinery.db'), { warn: (message) => warnings.push(message) }));
    closeDatabase(openDatabase(join(folder, 'shared', 'joinery.db'), { warn: (message) => warnings.push(message) }));
    expect(warnings).toEqual([]);
    expect(mode(join(folder, 'shared'))).toBe(0o755);
  });
});
