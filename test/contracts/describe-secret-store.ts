// The contract every SecretStore implementation must pass: values sealed (AES-256-GCM, a fresh 12-byte IV
// and the 16-byte tag per value), names listed and values never, the wrong key refused with a clear error,
// and bad names and oversized values refused. `reopen` opens the same storage with another key.

import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SECRET_BYTES, type SecretStore } from '../../core/secrets/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

export interface SecretStoreUnderTest {
  store: SecretStore;
  reopen(key: Uint8Array): SecretStore;
  /** Every row of `sql`, as JSON text (the same SQL on every engine). */
  dump(sql: string): string;
  close(): Promise<void> | void;
}

const NOW = new Date('2026-11-23T10:00:00Z');

export function describeSecretStore(
  implementation: string,
  open: (key: Uint8Array, now: () => Date) => SecretStoreUnderTest,
  { skip = false }: { skip?: boolean } = {},
): void {
  describe.skipIf(skip)(`SecretStore contract: ${implementation}`, () => {
    let opened: SecretStoreUnderTest;
    let store: SecretStore;
    beforeEach(() => {
      opened = open(randomBytes(32), () => NOW);
      store = opened.store;
    });
    afterEach(() => opened.close());

    it('encrypts, decrypts, lists names only, replaces and deletes', () => {
      store.set('SLACK_WEBHOOK_URL', 'https://hooks.slack.example/T0/B0/xyz');
      store.set('GRAPH_TOKEN', 'token-1');
      store.set('GRAPH_TOKEN', 'token-2 ünïcode ✓');
      expect(store.get('GRAPH_TOKEN')).toBe('token-2 ünïcode ✓');
      expect(store.get('MISSING')).toBeUndefined();
      expect(store.list()).toEqual([
        { name: 'GRAPH_TOKEN', updatedAt: NOW.toISOString() },
        { name: 'SLACK_WEBHOOK_URL', updatedAt: NOW.toISOString() },
      ]);
      expect(store.delete('GRAPH_TOKEN')).toBe(true);
      expect(store.delete('GRAPH_TOKEN')).toBe(false);
      expect(store.get('GRAPH_TOKEN')).toBeUndefined();
    });

    it('stores only ciphertext, with a fresh 12-byte IV and a 16-byte tag per value', () => {
      store.set('A_SECRET', 'same plaintext value');
      store.set('B_SECRET', 'same plaintext value');
      expect(opened.dump('SELECT * FROM secrets')).not.toContain('same plaintext');
      const sizes = JSON.parse(opened.dump('SELECT length(iv) AS iv, length(auth_tag) AS tag, length(ciphertext) AS ciphertext FROM secrets ORDER BY name'));
      expect(sizes).toEqual([{ iv: 12, tag: 16, ciphertext: 20 }, { iv: 12, tag: 16, ciphertext: 20 }]);
      expect(JSON.parse(opened.dump('SELECT count(DISTINCT iv) AS ivs, count(DISTINCT ciphertext) AS texts FROM secrets'))).toEqual([{ ivs: 2, texts: 2 }]);
    });

    it('refuses to decrypt with the wrong key, with a clear error and no garbage', () => {
      store.set('GRAPH_TOKEN', 'token');
      expectError(() => opened.reopen(randomBytes(32)).get('GRAPH_TOKEN'), 'INTERNAL', 'cannot decrypt secret GRAPH_TOKEN: wrong key or tampered value');
      expectError(() => opened.reopen(randomBytes(16)), 'INVALID_INPUT', '32 bytes');
    });

    it('refuses bad names and values, storing nothing', () => {
      for (const name of ['', 'lower', 'A B', '../X']) expectError(() => store.set(name, 'x'), 'INVALID_INPUT');
      expectError(() => store.set('BIG', 'x'.repeat(MAX_SECRET_BYTES + 1)), 'INVALID_INPUT', 'larger than');
      expectError(() => store.set('NOT_TEXT', 42 as never), 'INVALID_INPUT', 'string');
      expect(store.list()).toEqual([]);
    });
  });
}
