// The SQLite EventQueue against the shared contract, each connection its own better-sqlite3 handle on one file.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventQueue } from '../../core/events/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { describeEventQueue } from '../contracts/describe-event-queue.ts';

describeEventQueue('sqlite', ({ retry, now, random }) => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-queue-'));
  const handles: SqliteDatabase[] = [];
  return {
    connect() {
      const db = openDatabase(join(folder, 'joinery.db'), { synchronous: 'NORMAL' });
      handles.push(db);
      return createSqliteEventQueue(db, { retry, _internal: { now, random } });
    },
    close() {
      for (const db of handles) closeDatabase(db);
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
