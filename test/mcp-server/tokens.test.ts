// Bearer tokens: only the hash is stored, one live token per name, expiry and revocation, durations;
// and `joinery token create|list|revoke` printing the token once.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/store/index.ts';
import { createSqliteTokenStore, hashToken, parseDuration } from '../../core/tokens/index.ts';
import { expectError as expectJoineryError } from '../registry/expect-joinery-error.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('the token store', () => {
  let now = new Date('2026-11-23T10:00:00Z');
  const db = openDatabase(':memory:');
  const tokens = createSqliteTokenStore(db, { _internal: { now: () => now } });

  it('creates a token whose text is never stored, only its SHA-256', () => {
    const { token, record } = tokens.create({ name: 'alice', role: 'reviewer', lifetimeMs: parseDuration('30d') });
    expect(token).toMatch(/^jny_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(record).toEqual({ id: token.slice(4, 20), name: 'alice', role: 'reviewer', createdAt: '2026-11-23T10:00:00.000Z', expiresAt: '2026-12-23T10:00:00.000Z', revokedAt: null });
    const stored = JSON.stringify(db.prepare('SELECT * FROM tokens').all());
    expect(stored).not.toContain(token.slice(21));
    expect(stored).toContain(hashToken(token));
    expect(tokens.verify(token)).toEqual(record);
  });

  it('refuses tampered, unknown and malformed tokens', () => {
    const { token } = tokens.create({ name: 'bob', role: 'author', lifetimeMs: 60_000 });
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    for (const candidate of [token.slice(0, -1) + last, token.replace(/_[0-9a-f]{16}_/, '_0000000000000000_'), '', 'Bearer ' + token, token + ' ', 'jny_', 42 as never]) {
      expect(tokens.verify(candidate)).toBeUndefined();
    }
  });

  it('keeps one live token per name, and lets a name be reused once its token expired or was revoked', () => {
    expectJoineryError(() => tokens.create({ name: 'alice', role: 'author', lifetimeMs: 60_000 }), 'CONFLICT');
    const { token: bobToken } = tokens.create({ name: 'carol', role: 'operator', lifetimeMs: 60_000 });
    now = new Date(now.getTime() + 61_000);
    expect(tokens.verify(bobToken)).toBeUndefined();
    const renewed = tokens.create({ name: 'carol', role: 'operator', lifetimeMs: 60_000 });
    expect(tokens.verify(renewed.token)?.name).toBe('carol');
    const revoked = tokens.revoke('carol');
    expect(revoked.revokedAt).toBe(now.toISOString());
    expect(tokens.verify(renewed.token)).toBeUndefined();
    expectJoineryError(() => tokens.revoke('carol'), 'NOT_FOUND');
    expect(tokens.list().filter((record) => record.name === 'carol')).toHaveLength(2);
  });

  it('refuses bad names and roles, and revocation cannot be undone in the database', () => {
    for (const name of ['', 'Alice', 'a b', '../x', 'x'.repeat(65)]) expectJoineryError(() => tokens.create({ name, role: 'author', lifetimeMs: 60_000 }), 'INVALID_INPUT');
    expectJoineryError(() => tokens.create({ name: 'dora', role: 'admin' as never, lifetimeMs: 60_000 }), 'INVALID_INPUT');
    expect(() => db.prepare("UPDATE tokens SET revoked_at = NULL WHERE name = 'carol'").run()).toThrow(/stays revoked/);
    expect(() => db.prepare("UPDATE tokens SET role = 'reviewer'").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM tokens').run()).toThrow(/never deleted/);
  });

  it('reads durations and refuses the rest', () => {
    expect(parseDuration('90m')).toBe(5_400_000);
    expect(parseDuration('12h')).toBe(43_200_000);
    expect(parseDuration('8w')).toBe(8 * 7 * 86_400_000);
    for (const text of ['', '30', 'd', '1.5d', '-1d', '0m', '3651d', '30 days']) expectJoineryError(() => parseDuration(text), 'INVALID_INPUT');
  });
});

describe('joinery token', () => {
  const home = mkdtempSync(join(tmpdir(), 'joinery-token-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('creates (printing the token once), lists without it, and revokes', async () => {
    const created = await runCli(['token', 'create', '--name', 'alice', '--role', 'reviewer', '--expires', '12h'], { cwd: home, home });
    expect(created.code).toBe(0);
    const token = /jny_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/.exec(created.stdout)?.[0];
    expect(token).toBeDefined();
    expect(created.stdout).toContain('shown this once');

    const listed = await runCli(['token', 'list', '--json'], { cwd: home, home });
    expect(listed.json().tokens).toEqual([expect.objectContaining({ name: 'alice', role: 'reviewer', state: 'live' })]);
    expect(listed.stdout).not.toContain(token!);

    expect((await runCli(['token', 'create', '--name', 'alice', '--role', 'author'], { cwd: home, home })).code).toBe(2);
    expect((await runCli(['token', 'create', '--name', 'bob', '--role', 'admin'], { cwd: home, home })).code).toBe(2);
    expect((await runCli(['token', 'create', '--name', 'bob', '--role', 'author', '--expires', 'forever'], { cwd: home, home })).code).toBe(2);

    const revoked = await runCli(['token', 'revoke', 'alice', '--json'], { cwd: home, home });
    expect(revoked.json().token).toMatchObject({ name: 'alice', revokedAt: expect.any(String) });
    const after = await runCli(['token', 'list', '--json'], { cwd: home, home });
    expect(after.json().tokens[0].state).toBe('revoked');
  });
});
