// The Registry contract against both stores: SQLite in a database file (separate processes open it in the
// publish race), and a fresh Postgres database; and, on Postgres, content altered behind the triggers' back.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { assertVersionIntegrity, createPostgresRegistry, createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { describeRegistry } from '../contracts/describe-registry.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';
import { expectError } from './expect-joinery-error.ts';
import { samplePublishInput } from './sample-publish-input.ts';

describeRegistry('sqlite', () => {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-registry-'));
  const db = openDatabase(join(folder, 'joinery.db'));
  const registry = createSqliteRegistry(db);
  return {
    registry,
    execute: (sql) => void db.prepare(sql).run(),
    location: join(folder, 'joinery.db'),
    close() {
      registry.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});

describeRegistry('postgres', () => {
  const opened = openSyncTestStore();
  return { registry: createPostgresRegistry(opened.sql), execute: (sql) => void opened.sql.query(sql), location: opened.url, close: opened.close };
}, { skip: !postgresAvailable() });

describe.skipIf(!postgresAvailable())('Registry on Postgres: version integrity', () => {
  it('refuses to run a version whose content was altered with its trigger disabled', () => {
    const opened = openSyncTestStore();
    try {
      const registry = createPostgresRegistry(opened.sql);
      registry.publish(samplePublishInput());
      opened.sql.query('ALTER TABLE versions DISABLE TRIGGER versions_content_is_immutable');
      opened.sql.query("UPDATE versions SET bundle = 'globalThis.__handler = () => ({ username: \"root\" })'");
      const altered = registry.getVersion('generate-username', 1);
      if (altered === undefined) throw new Error('the version is gone');
      expectError(() => assertVersionIntegrity(altered), 'INTEGRITY', 'altered after it was published');
    } finally {
      opened.close();
    }
  });
});
