// The SecretStore port over SQLite: only ciphertext is stored; names and times are listed, values never.

import { JoineryError } from '../errors.ts';
import { applyMigrations, MIGRATIONS, type SqliteDatabase } from '../store/index.ts';
import { KEY_BYTES, openSecret, sealSecret, type SealedSecret } from './secret-cipher.ts';
import { assertSecretName } from './secret-name.ts';
import type { SecretStore, SecretSummary } from './types.ts';

/** Values larger than this are refused: secrets are tokens and passwords, not files. */
export const MAX_SECRET_BYTES = 64 * 1024;

export interface SecretStoreOptions {
  db: SqliteDatabase;
  /** 32 bytes, e.g. from loadSecretKey. */
  key: Uint8Array;
  _internal?: { now?: () => Date };
}

export function createSecretStore({
  db, key, _internal: { now = () => new Date() } = {},
}: SecretStoreOptions): SecretStore {
  const secretKey = checkSecretKey(key);
  applyMigrations(db, MIGRATIONS);
  const upsert = db.prepare(`INSERT INTO secrets (name, iv, ciphertext, auth_tag, created_at, updated_at)
    VALUES (@name, @iv, @ciphertext, @authTag, @at, @at)
    ON CONFLICT (name) DO UPDATE SET iv = excluded.iv, ciphertext = excluded.ciphertext,
      auth_tag = excluded.auth_tag, updated_at = excluded.updated_at`);
  const select = db.prepare('SELECT iv, ciphertext, auth_tag AS authTag FROM secrets WHERE name = ?');
  const selectAll = db.prepare('SELECT name, updated_at AS updatedAt FROM secrets ORDER BY name');
  const remove = db.prepare('DELETE FROM secrets WHERE name = ?');

  return {
    set(name, value) {
      checkSecretValue(name, value);
      upsert.run({ name, ...sealSecret(secretKey, name, value), at: now().toISOString() });
    },
    get(name) {
      assertSecretName(name);
      const sealed = select.get(name) as SealedSecret | undefined;
      return sealed === undefined ? undefined : openSecret(secretKey, name, sealed);
    },
    list() {
      return selectAll.all() as SecretSummary[];
    },
    delete(name) {
      assertSecretName(name);
      return remove.run(name).changes > 0;
    },
  };
}

/** The key as a Buffer, or INVALID_INPUT unless it is 32 bytes; shared with the Postgres store. */
export function checkSecretKey(key: unknown): Buffer {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new JoineryError('INVALID_INPUT', `the secret key must be ${KEY_BYTES} bytes`);
  }
  return Buffer.from(key);
}

/** INVALID_INPUT for a bad name, a value that is not a string or one over MAX_SECRET_BYTES. */
export function checkSecretValue(name: string, value: unknown): void {
  assertSecretName(name);
  if (typeof value !== 'string') {
    throw new JoineryError('INVALID_INPUT', `secret ${name}: the value must be a string`);
  }
  if (Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) {
    throw new JoineryError('INVALID_INPUT', `secret ${name}: the value is larger than ${MAX_SECRET_BYTES} bytes`);
  }
}
