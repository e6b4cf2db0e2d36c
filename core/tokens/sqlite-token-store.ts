// The TokenStore over the project's SQLite file (table `tokens`, migration 0004). At most one live token
// per name: creating a name whose token expired retires the old row first.

import { JoineryError } from '../errors.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { isTokenRole, TOKEN_ROLES, type TokenRole } from './roles.ts';
import { generateTokenText, hashToken, sameDigest, tokenIdOf, type RandomBytes } from './token-text.ts';
import type { CreateTokenInput, TokenRecord, TokenStore } from './types.ts';

/** Lower case, so one person cannot hold "Alice" and "alice" (four-eyes compares case-insensitively). */
export const TOKEN_NAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/;

export interface TokenRow {
  id: string;
  name: string;
  role: TokenRole;
  token_sha256: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface SqliteTokenStoreOptions {
  _internal?: { now?: () => Date; randomBytes?: RandomBytes };
}

export function createSqliteTokenStore(db: SqliteDatabase, { _internal: { now = () => new Date(), randomBytes } = {} }: SqliteTokenStoreOptions = {}): TokenStore {
  const insert = db.prepare(`INSERT INTO tokens (id, name, role, token_sha256, created_at, expires_at)
    VALUES (@id, @name, @role, @tokenSha256, @createdAt, @expiresAt)`);
  const selectLive = db.prepare('SELECT * FROM tokens WHERE name = ? AND revoked_at IS NULL');
  const selectById = db.prepare('SELECT * FROM tokens WHERE id = ?');
  const selectAll = db.prepare('SELECT * FROM tokens ORDER BY created_at DESC, rowid DESC');
  const revokeRow = db.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?');

  const createInTransaction = db.transaction(({ name, role, lifetimeMs }: CreateTokenInput) => {
    const at = now();
    const live = selectLive.get(name) as TokenRow | undefined;
    if (live && Date.parse(live.expires_at) > at.getTime()) {
      throw new JoineryError('CONFLICT', `a live token named "${name}" exists; revoke it first: joinery token revoke ${name}`);
    }
    if (live) revokeRow.run(at.toISOString(), live.id);
    const { id, text } = generateTokenText(randomBytes);
    const row = { id, name, role, tokenSha256: hashToken(text), createdAt: at.toISOString(), expiresAt: new Date(at.getTime() + lifetimeMs).toISOString() };
    insert.run(row);
    return { token: text, record: toRecord(selectById.get(id) as TokenRow) };
  });

  return {
    create(input) {
      checkCreateInput(input);
      return createInTransaction.immediate(input);
    },
    list: () => (selectAll.all() as TokenRow[]).map(toRecord),
    revoke(name) {
      const live = selectLive.get(name) as TokenRow | undefined;
      if (!live) throw new JoineryError('NOT_FOUND', `no live token named "${name}"`);
      revokeRow.run(now().toISOString(), live.id);
      return toRecord(selectById.get(live.id) as TokenRow);
    },
    verify(token) {
      if (typeof token !== 'string') return undefined;
      const id = tokenIdOf(token);
      if (id === undefined) return undefined;
      const row = selectById.get(id) as TokenRow | undefined;
      if (!row || !sameDigest(row.token_sha256, hashToken(token))) return undefined;
      if (row.revoked_at !== null || Date.parse(row.expires_at) <= now().getTime()) return undefined;
      return toRecord(row);
    },
  };
}

/** INVALID_INPUT unless the name, role and lifetime are acceptable; shared with the Postgres store. */
export function checkCreateInput({ name, role, lifetimeMs }: CreateTokenInput): void {
  if (typeof name !== 'string' || !TOKEN_NAME_PATTERN.test(name)) {
    throw new JoineryError('INVALID_INPUT', `token name ${JSON.stringify(name)} must be 1-64 characters: lower-case letters, digits and . _ @ - (it names the principal, e.g. "alice" or "ci-bot")`);
  }
  if (!isTokenRole(role)) throw new JoineryError('INVALID_INPUT', `role ${JSON.stringify(role)} must be one of ${TOKEN_ROLES.join(', ')}`);
  if (!Number.isSafeInteger(lifetimeMs) || lifetimeMs <= 0) throw new JoineryError('INVALID_INPUT', 'the lifetime must be a positive number of milliseconds');
}

export function toRecord(row: TokenRow): TokenRecord {
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}
