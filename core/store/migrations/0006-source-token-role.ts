// A fifth token role, `source`: an HR system or scheduler that may only submit lifecycle events to
// `joinery serve`. SQLite cannot alter a CHECK constraint, so the tokens table is rebuilt with its rows,
// index and triggers (dropping a table fires none of its triggers).

import type { Migration } from '../types.ts';

export const sourceTokenRoleSchema: Migration = {
  id: '0006-source-token-role',
  up(db) {
    db.exec(`
CREATE TABLE tokens_with_source_role (
  id TEXT PRIMARY KEY CHECK (length(id) = 16),
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('author', 'reviewer', 'operator', 'auditor', 'source')),
  token_sha256 TEXT NOT NULL CHECK (length(token_sha256) = 64),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
INSERT INTO tokens_with_source_role (id, name, role, token_sha256, created_at, expires_at, revoked_at)
  SELECT id, name, role, token_sha256, created_at, expires_at, revoked_at FROM tokens ORDER BY rowid;
DROP TABLE tokens;
ALTER TABLE tokens_with_source_role RENAME TO tokens;
CREATE UNIQUE INDEX tokens_one_live_per_name ON tokens (name) WHERE revoked_at IS NULL;

CREATE TRIGGER tokens_are_only_revoked BEFORE UPDATE OF id, name, role, token_sha256, created_at, expires_at ON tokens
BEGIN SELECT RAISE(ABORT, 'a token never changes; only its revocation time is set'); END;

CREATE TRIGGER tokens_revocation_is_final BEFORE UPDATE OF revoked_at ON tokens WHEN OLD.revoked_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a revoked token stays revoked'); END;

CREATE TRIGGER tokens_are_never_deleted BEFORE DELETE ON tokens
BEGIN SELECT RAISE(ABORT, 'tokens are never deleted; revoke them'); END;
`);
  },
};
