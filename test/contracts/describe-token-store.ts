// The contract every TokenStore implementation must pass: only the token's SHA-256 is stored, one live
// token per name (a name is reusable once its token expired or was revoked), and a revocation the
// database itself refuses to undo (`execute` runs the same hand-written SQL on every engine).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken, parseDuration, type TokenStore } from '../../core/tokens/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

export interface TokenStoreUnderTest {
  store: TokenStore;
  execute(sql: string): void;
  /** Every row of `sql`, as JSON text. */
  dump(sql: string): string;
  close(): Promise<void> | void;
}

export function describeTokenStore(
  implementation: string,
  open: (now: () => Date) => TokenStoreUnderTest,
  { skip = false }: { skip?: boolean } = {},
): void {
  describe.skipIf(skip)(`TokenStore contract: ${implementation}`, () => {
    let now: Date;
    let opened: TokenStoreUnderTest;
    let tokens: TokenStore;
    beforeEach(() => {
      now = new Date('2026-11-23T10:00:00Z');
      opened = open(() => now);
      tokens = opened.store;
    });
    afterEach(() => opened.close());

    it('creates a token whose text is never stored, only its SHA-256, and verifies it', () => {
      const { token, record } = tokens.create({ name: 'alice', role: 'reviewer', lifetimeMs: parseDuration('30d') });
      const times = { createdAt: '2026-11-23T10:00:00.000Z', expiresAt: '2026-12-23T10:00:00.000Z' };
      expect(record).toEqual({ id: token.slice(4, 20), name: 'alice', role: 'reviewer', ...times, revokedAt: null });
      const stored = opened.dump('SELECT * FROM tokens');
      expect(stored).not.toContain(token.slice(21));
      expect(stored).toContain(hashToken(token));
      expect(tokens.verify(token)).toEqual(record);
      const last = token.at(-1) === 'A' ? 'B' : 'A';
      for (const candidate of [token.slice(0, -1) + last, '', `Bearer ${token}`, 'jny_', 42 as never]) expect(tokens.verify(candidate)).toBeUndefined();
    });

    it('keeps one live token per name, reusable once expired or revoked, and lists every token newest first', () => {
      tokens.create({ name: 'alice', role: 'author', lifetimeMs: 60_000 });
      expectError(() => tokens.create({ name: 'alice', role: 'author', lifetimeMs: 60_000 }), 'CONFLICT', 'revoke it first');
      const first = tokens.create({ name: 'carol', role: 'operator', lifetimeMs: 60_000 });
      now = new Date(now.getTime() + 61_000);
      expect(tokens.verify(first.token)).toBeUndefined();
      const renewed = tokens.create({ name: 'carol', role: 'operator', lifetimeMs: 60_000 });
      expect(tokens.verify(renewed.token)?.name).toBe('carol');
      expect(tokens.revoke('carol').revokedAt).toBe(now.toISOString());
      expect(tokens.verify(renewed.token)).toBeUndefined();
      expectError(() => tokens.revoke('carol'), 'NOT_FOUND');
      const listed = tokens.list().map((record) => [record.name, record.revokedAt === null ? 'live' : 'revoked']);
      expect(listed).toEqual([['carol', 'revoked'], ['carol', 'revoked'], ['alice', 'live']]);
    });

    it('refuses bad names and roles, and the database refuses to undo a revocation or rewrite a token', () => {
      for (const name of ['', 'Alice', 'a b', '../x', 'x'.repeat(65)]) {
        expectError(() => tokens.create({ name, role: 'author', lifetimeMs: 60_000 }), 'INVALID_INPUT');
      }
      expectError(() => tokens.create({ name: 'dora', role: 'admin' as never, lifetimeMs: 60_000 }), 'INVALID_INPUT');
      expectError(() => tokens.create({ name: 'dora', role: 'author', lifetimeMs: 0 }), 'INVALID_INPUT');
      tokens.create({ name: 'carol', role: 'operator', lifetimeMs: 60_000 });
      tokens.revoke('carol');
      expect(() => opened.execute("UPDATE tokens SET revoked_at = NULL WHERE name = 'carol'")).toThrow(/stays revoked/);
      expect(() => opened.execute("UPDATE tokens SET role = 'reviewer'")).toThrow(/never changes/);
      expect(() => opened.execute('DELETE FROM tokens')).toThrow(/never deleted/);
    });
  });
}
