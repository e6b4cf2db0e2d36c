// The SQLite ReservationLedger against the shared contract, each connection its own better-sqlite3 handle on one file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import { createSqliteReservationLedger } from '../../core/ledger/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { describeReservationLedger } from '../contracts/describe-reservation-ledger.ts';

describeReservationLedger('sqlite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-ledger-'));
  const handles: SqliteDatabase[] = [];
  const open = () => {
    const db = openDatabase(join(folder, 'joinery.db'), { synchronous: 'NORMAL' });
    handles.push(db);
    return db;
  };
  return {
    connect: () => createSqliteReservationLedger(open()),
    directory: createSqliteDirectory(open()),
    close() {
      for (const db of handles) closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
