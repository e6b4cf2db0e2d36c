// What a version was asked for, and authors taking back a version nobody has reviewed yet.
// - versions and drafts keep the original requirement (the plain-language rule) and the conversation it
//   came from, so a reviewer can check the spec against what was asked; set once, never changed.
// - withdrawals: an author withdrawing a pending version. A version's stored status never leaves
//   pending_review for it; readers show it as `withdrawn`. Append-only, one per version, only for a
//   pending version, and a withdrawn version can no longer be reviewed.

import type { Migration } from '../types.ts';

export const requirementsAndWithdrawalsSchema: Migration = {
  id: '0009-requirements-and-withdrawals',
  up(db) {
    db.exec(`
ALTER TABLE versions ADD COLUMN requirement TEXT;
ALTER TABLE versions ADD COLUMN conversation_id TEXT;

CREATE TRIGGER versions_requirement_is_immutable BEFORE UPDATE OF requirement, conversation_id ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable: only the review status of a version may change'); END;

ALTER TABLE drafts ADD COLUMN requirement TEXT;
ALTER TABLE drafts ADD COLUMN conversation_id TEXT;

CREATE TABLE withdrawals (
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (name, version),
  FOREIGN KEY (name, version) REFERENCES versions (name, version)
) STRICT;

CREATE TRIGGER withdrawals_only_pending BEFORE INSERT ON withdrawals
WHEN NOT EXISTS (SELECT 1 FROM versions WHERE name = NEW.name AND version = NEW.version AND status = 'pending_review')
BEGIN SELECT RAISE(ABORT, 'only a version pending review can be withdrawn'); END;

CREATE TRIGGER withdrawals_are_immutable BEFORE UPDATE ON withdrawals
BEGIN SELECT RAISE(ABORT, 'withdrawals are immutable'); END;

CREATE TRIGGER withdrawals_are_never_deleted BEFORE DELETE ON withdrawals
BEGIN SELECT RAISE(ABORT, 'withdrawals are never deleted'); END;

CREATE TRIGGER versions_withdrawn_are_not_reviewed BEFORE UPDATE OF status ON versions
WHEN EXISTS (SELECT 1 FROM withdrawals WHERE name = NEW.name AND version = NEW.version)
BEGIN SELECT RAISE(ABORT, 'a withdrawn version cannot be reviewed'); END;
`);
  },
};
