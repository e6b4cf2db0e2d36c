import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecretStore, type SecretStore } from '../../core/secrets/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const NAUGHTY = NAUGHTY_STRINGS;

describe('createSecretStore', () => {
  let db: SqliteDatabase;
  let key: Buffer;
  let store: SecretStore;
  beforeEach(() => {
    db = openDatabase(':memory:');
    key = randomBytes(32);
    store = createSecretStore({ db, key, _internal: { now: () => new Date('2026-11-23T10:00:00Z') } });
  });
  afterEach(() => closeDatabase(db));

  it('encrypts, decrypts, lists names only, replaces and deletes', () => {
    store.set('GRAPH_TOKEN', 'token-1');
    store.set('SLACK_WEBHOOK_URL', 'https://hooks.slack.example/T0/B0/xyz');
    store.set('GRAPH_TOKEN', 'token-2');
    expect(store.get('GRAPH_TOKEN')).toBe('token-2');
    expect(store.get('MISSING')).toBeUndefined();
    expect(store.list()).toEqual([
      { name: 'GRAPH_TOKEN', updatedAt: '2026-11-23T10:00:00.000Z' },
      { name: 'SLACK_WEBHOOK_URL', updatedAt: '2026-11-23T10:00:00.000Z' },
    ]);
    expect(store.delete('GRAPH_TOKEN')).toBe(true);
    expect(store.delete('GRAPH_TOKEN')).toBe(false);
    expect(store.get('GRAPH_TOKEN')).toBeUndefined();
  });

  it('stores only ciphertext, with a fresh 12-byte IV per value', () => {
    store.set('A_SECRET', 'same plaintext value');
    store.set('B_SECRET', 'same plaintext value');
    const rows = db.prepare('SELECT * FROM secrets').all() as { iv: Buffer; ciphertext: Buffer; auth_tag: Buffer }[];
    expect(JSON.stringify(rows)).not.toContain('same plaintext');
    expect(Buffer.concat(rows.map((row) => row.ciphertext)).toString('latin1')).not.toContain('same plaintext');
    expect(rows.map((row) => row.iv.length)).toEqual([12, 12]);
    expect(rows.map((row) => row.auth_tag.length)).toEqual([16, 16]);
    expect(rows[0]!.iv.equals(rows[1]!.iv)).toBe(false);
    expect(rows[0]!.ciphertext.equals(rows[1]!.ciphertext)).toBe(false);
  });

  it('refuses to decrypt with the wrong key, with a clear error and no garbage', () => {
    store.set('GRAPH_TOKEN', 'token');
    const other = createSecretStore({ db, key: randomBytes(32) });
    expectError(() => other.get('GRAPH_TOKEN'), 'INTERNAL', 'cannot decrypt secret GRAPH_TOKEN: wrong key or tampered value');
  });

  it.each(['ciphertext', 'iv', 'auth_tag'])('detects a tampered %s', (column) => {
    store.set('GRAPH_TOKEN', 'token');
    const row = db.prepare(`SELECT ${column} AS bytes FROM secrets`).get() as { bytes: Buffer };
    row.bytes[0] = row.bytes[0]! ^ 0x01;
    db.prepare(`UPDATE secrets SET ${column} = ?`).run(row.bytes);
    expectError(() => store.get('GRAPH_TOKEN'), 'INTERNAL', 'wrong key or tampered value');
  });

  it('binds each ciphertext to its name: swapped rows do not decrypt', () => {
    store.set('ALPHA', 'alpha value');
    store.set('BETA', 'beta value');
    db.exec(`UPDATE secrets SET name = 'SWAP' WHERE name = 'ALPHA';
      UPDATE secrets SET name = 'ALPHA' WHERE name = 'BETA';
      UPDATE secrets SET name = 'BETA' WHERE name = 'SWAP';`);
    expectError(() => store.get('ALPHA'), 'INTERNAL', 'cannot decrypt secret ALPHA');
    expectError(() => store.get('BETA'), 'INTERNAL', 'cannot decrypt secret BETA');
  });

  it.each(['graph_token', '1TOKEN', 'GRAPH-TOKEN', '', `A${'B'.repeat(64)}`, 'TOKEN\n'])('refuses the secret name %j', (name) => {
    expectError(() => store.set(name, 'x'), 'INVALID_INPUT', 'invalid secret name');
  });

  it('accepts a 64-character name and refuses oversized values and bad keys', () => {
    store.set(`A${'B'.repeat(63)}`, 'x');
    expectError(() => store.set('BIG', 'x'.repeat(64 * 1024 + 1)), 'INVALID_INPUT', 'larger than');
    expectError(() => createSecretStore({ db, key: randomBytes(16) }), 'INVALID_INPUT', '32 bytes');
  });

  it('round-trips every naughty string as a value', () => {
    for (const [index, value] of NAUGHTY.entries()) {
      store.set(`NAUGHTY_${index}`, value);
      expect(store.get(`NAUGHTY_${index}`)).toBe(value);
    }
    expect(store.list()).toHaveLength(NAUGHTY.length);
  });
});
