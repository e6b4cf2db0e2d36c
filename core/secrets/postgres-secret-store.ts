// The SecretStore over PostgreSQL (synchronous connection): the same AES-256-GCM sealing as on SQLite
// (secret-cipher.ts, the name as additional data), and the IV, ciphertext and tag stored as they are, in
// BYTEA columns. They cross the blocking connection as hex text (decode/encode in SQL), since it carries
// text, numbers and booleans only.

import type { SyncSql } from '../postgres/index.ts';
import { openSecret, sealSecret } from './secret-cipher.ts';
import { assertSecretName } from './secret-name.ts';
import { checkSecretKey, checkSecretValue } from './sqlite-secret-store.ts';
import type { SecretStore, SecretSummary } from './types.ts';

export interface PostgresSecretStoreOptions {
  sql: SyncSql;
  /** 32 bytes, e.g. from loadSecretKey. */
  key: Uint8Array;
  _internal?: { now?: () => Date };
}

export function createPostgresSecretStore({ sql, key, _internal: { now = () => new Date() } = {} }: PostgresSecretStoreOptions): SecretStore {
  const secretKey = checkSecretKey(key);
  return {
    set(name, value) {
      checkSecretValue(name, value);
      const sealed = sealSecret(secretKey, name, value);
      sql.query(
        `INSERT INTO secrets (name, iv, ciphertext, auth_tag, created_at, updated_at)
        VALUES ($1, decode($2, 'hex'), decode($3, 'hex'), decode($4, 'hex'), $5, $5)
        ON CONFLICT (name) DO UPDATE SET iv = excluded.iv, ciphertext = excluded.ciphertext, auth_tag = excluded.auth_tag,
          updated_at = excluded.updated_at`,
        [name, sealed.iv.toString('hex'), sealed.ciphertext.toString('hex'), sealed.authTag.toString('hex'), now().toISOString()],
      );
    },
    get(name) {
      assertSecretName(name);
      const [row] = sql.query<{ iv: string; ciphertext: string; auth_tag: string }>(
        `SELECT encode(iv, 'hex') AS iv, encode(ciphertext, 'hex') AS ciphertext, encode(auth_tag, 'hex') AS auth_tag FROM secrets WHERE name = $1`,
        [name],
      ).rows;
      if (row === undefined) return undefined;
      const bytes = (hex: string) => Buffer.from(hex, 'hex');
      return openSecret(secretKey, name, { iv: bytes(row.iv), ciphertext: bytes(row.ciphertext), authTag: bytes(row.auth_tag) });
    },
    list() {
      return sql.query<SecretSummary & Record<string, unknown>>('SELECT name, updated_at AS "updatedAt" FROM secrets ORDER BY name COLLATE "C"').rows
        .map(({ name, updatedAt }) => ({ name, updatedAt }));
    },
    delete(name) {
      assertSecretName(name);
      return sql.query('DELETE FROM secrets WHERE name = $1', [name]).rowCount > 0;
    },
  };
}
