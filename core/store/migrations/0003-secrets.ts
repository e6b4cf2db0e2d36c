// Secrets at rest: AES-256-GCM ciphertext, its 12-byte IV and 16-byte tag. Never the plaintext.

import type { Migration } from '../types.ts';

export const secretsSchema: Migration = {
  id: '0003-secrets',
  up(db) {
    db.exec(`
CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  iv BLOB NOT NULL CHECK (length(iv) = 12),
  ciphertext BLOB NOT NULL,
  auth_tag BLOB NOT NULL CHECK (length(auth_tag) = 16),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`);
  },
};
