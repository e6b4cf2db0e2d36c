// The SecretStore contract against both stores; and the same encryption on both: a value sealed by the
// Postgres store, its bytes copied as they are into a SQLite database, opens there with the same key.

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPostgresSecretStore, createSecretStore } from '../../core/secrets/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { describeSecretStore } from '../contracts/describe-secret-store.ts';
import { openSyncTestStore } from '../postgres/sync-test-store.ts';
import { postgresAvailable } from '../postgres/test-database.ts';

describeSecretStore('sqlite', (key, now) => {
  const db = openDatabase(':memory:');
  return {
    store: createSecretStore({ db, key, _internal: { now } }),
    reopen: (other) => createSecretStore({ db, key: other }),
    dump: (sql) => JSON.stringify(db.prepare(sql).all()),
    close: () => closeDatabase(db),
  };
});

describeSecretStore('postgres', (key, now) => {
  const opened = openSyncTestStore();
  return {
    store: createPostgresSecretStore({ sql: opened.sql, key, _internal: { now } }),
    reopen: (other) => createPostgresSecretStore({ sql: opened.sql, key: other }),
    dump: (sql) => JSON.stringify(opened.sql.query(sql).rows),
    close: opened.close,
  };
}, { skip: !postgresAvailable() });

describe.skipIf(!postgresAvailable())('secrets sealed on Postgres', () => {
  it('are stored as they are: the bytes copied into SQLite open there with the same key', () => {
    const key = randomBytes(32);
    const opened = openSyncTestStore();
    const db = openDatabase(':memory:');
    try {
      createPostgresSecretStore({ sql: opened.sql, key }).set('GRAPH_TOKEN', 'token from postgres');
      const [row] = opened.sql.query<{ iv: string; ciphertext: string; tag: string; created_at: string }>(
        "SELECT encode(iv, 'hex') AS iv, encode(ciphertext, 'hex') AS ciphertext, encode(auth_tag, 'hex') AS tag, created_at FROM secrets",
      ).rows;
      if (row === undefined) throw new Error('no row on Postgres');
      const bytes = (hex: string) => Buffer.from(hex, 'hex');
      db.prepare('INSERT INTO secrets (name, iv, ciphertext, auth_tag, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run('GRAPH_TOKEN', bytes(row.iv), bytes(row.ciphertext), bytes(row.tag), row.created_at, row.created_at);
      expect(createSecretStore({ db, key }).get('GRAPH_TOKEN')).toBe('token from postgres');
    } finally {
      closeDatabase(db);
      opened.close();
    }
  });
});
