// The TokenStore over PostgreSQL (synchronous connection), with the SQLite store's checks and records. At
// most one live token per name: the partial unique index tokens_one_live_per_name decides between two
// nodes creating the same name at once (the loser gets CONFLICT); an expired live token is retired first,
// under a row lock.

import { JoineryError } from '../errors.ts';
import type { SyncSql } from '../postgres/index.ts';
import { checkCreateInput, toRecord, type SqliteTokenStoreOptions, type TokenRow } from './sqlite-token-store.ts';
import { generateTokenText, hashToken, sameDigest, tokenIdOf } from './token-text.ts';
import type { TokenStore } from './types.ts';

type Row = TokenRow & Record<string, unknown>;
const UNIQUE_VIOLATION = '23505';

export function createPostgresTokenStore(sql: SyncSql, { _internal: { now = () => new Date(), randomBytes } = {} }: SqliteTokenStoreOptions = {}): TokenStore {
  const one = (text: string, parameters: string[]) => sql.query<Row>(text, parameters).rows[0];
  const liveConflict = (name: string) =>
    new JoineryError('CONFLICT', `a live token named "${name}" exists; revoke it first: joinery token revoke ${name}`);

  return {
    create(input) {
      checkCreateInput(input);
      const { name, role, lifetimeMs } = input;
      try {
        return sql.transaction(() => {
          const at = now();
          const live = one('SELECT * FROM tokens WHERE name = $1 AND revoked_at IS NULL FOR UPDATE', [name]);
          if (live && Date.parse(live.expires_at) > at.getTime()) throw liveConflict(name);
          if (live) sql.query('UPDATE tokens SET revoked_at = $1 WHERE id = $2', [at.toISOString(), live.id]);
          const { id, text } = generateTokenText(randomBytes);
          const expiresAt = new Date(at.getTime() + lifetimeMs).toISOString();
          const row = one('INSERT INTO tokens (id, name, role, token_sha256, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *', [
            id, name, role, hashToken(text), at.toISOString(), expiresAt,
          ]);
          if (row === undefined) throw new JoineryError('INTERNAL', `the token "${name}" was not written`);
          return { token: text, record: toRecord(row) };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw liveConflict(name);
        throw error;
      }
    },
    list: () => sql.query<Row>('SELECT * FROM tokens ORDER BY created_at DESC, seq DESC').rows.map(toRecord),
    revoke(name) {
      const row = one('UPDATE tokens SET revoked_at = $1 WHERE name = $2 AND revoked_at IS NULL RETURNING *', [now().toISOString(), name]);
      if (row === undefined) throw new JoineryError('NOT_FOUND', `no live token named "${name}"`);
      return toRecord(row);
    },
    verify(token) {
      if (typeof token !== 'string') return undefined;
      const id = tokenIdOf(token);
      if (id === undefined) return undefined;
      const row = one('SELECT * FROM tokens WHERE id = $1', [id]);
      if (!row || !sameDigest(row.token_sha256, hashToken(token))) return undefined;
      if (row.revoked_at !== null || Date.parse(row.expires_at) <= now().getTime()) return undefined;
      return toRecord(row);
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof JoineryError && (error.details as { sqlState?: string } | undefined)?.sqlState === UNIQUE_VIOLATION;
}
