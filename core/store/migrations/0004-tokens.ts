// Bearer tokens for the MCP server (their SHA-256 only, never the text), and the drafts assistants save
// over MCP before publishing. Drafts are scratch space: unlike versions they are replaced in place.

import type { Migration } from '../types.ts';

export const tokensSchema: Migration = {
  id: '0004-tokens',
  up(db) {
    db.exec(`
CREATE TABLE tokens (
  id TEXT PRIMARY KEY CHECK (length(id) = 16),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('author', 'reviewer', 'operator', 'auditor')),
  token_sha256 TEXT NOT NULL CHECK (length(token_sha256) = 64),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE UNIQUE INDEX tokens_one_live_per_name ON tokens (name) WHERE revoked_at IS NULL;

CREATE TRIGGER tokens_are_only_revoked BEFORE UPDATE OF id, name, role, token_sha256, created_at, expires_at ON tokens
BEGIN SELECT RAISE(ABORT, 'a token never changes; only its revocation time is set'); END;

CREATE TRIGGER tokens_revocation_is_final BEFORE UPDATE OF revoked_at ON tokens WHEN OLD.revoked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a revoked token stays revoked'); END;

CREATE TRIGGER tokens_are_never_deleted BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never deleted; revoke them'); END;

CREATE TABLE drafts (
  owner TEXT NOT NULL,
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  source TEXT NOT NULL,
  fixtures TEXT NOT NULL,
  spec TEXT,
  test_summary TEXT NOT NULL CHECK (json_valid(test_summary)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (owner, name)
) STRICT;
`);
  },
};
