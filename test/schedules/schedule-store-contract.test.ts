// The ScheduleStore contract against both stores: SQLite in memory, and a fresh Postgres database.

import { createPostgresScheduleStore, createSqliteScheduleStore } from '../../core/schedules/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeScheduleStore } from '../contracts/describe-schedule-store.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeScheduleStore('sqlite', () => {
  const db = openDatabase(':memory:');
  return { store: createSqliteScheduleStore(db), close: () => closeDatabase(db) };
});

describeScheduleStore('postgres', () => {
  const opened = openSyncTestStore();
  return { store: createPostgresScheduleStore(opened.sql), close: opened.close };
}, { skip: !postgresAvailable() });
