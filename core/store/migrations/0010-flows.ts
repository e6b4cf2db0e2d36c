// Flows (core/flows): immutable, reviewed versions of an ordered list of functions for one trigger. As for
// function versions, the database itself refuses to rewrite history: a version's content never changes,
// its review is written once (status moves once from pending_review), and nothing is ever deleted.

import type { Migration } from '../types.ts';

export const flowsSchema: Migration = {
  id: '0010-flows',
  up(db) {
    db.exec(`
CREATE TABLE flows (
  name TEXT PRIMARY KEY,
  latest_version INTEGER NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
  active_version INTEGER,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE flow_versions (
  name TEXT NOT NULL REFERENCES flows (name),
  version INTEGER NOT NULL CHECK (version >= 1),
  trigger TEXT NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  author TEXT NOT NULL,
  requested_by TEXT,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending_review' CHECK (status IN ('pending_review', 'approved', 'rejected')),
  reviewer TEXT,
  review_comment TEXT,
  reviewed_at TEXT,
  PRIMARY KEY (name, version),
  CHECK ((status = 'pending_review') = (reviewer IS NULL))
) STRICT;
CREATE INDEX flow_versions_by_trigger ON flow_versions (trigger);

CREATE TRIGGER flow_versions_content_is_immutable BEFORE UPDATE OF name, version, trigger, definition, sha256, author, requested_by, created_at ON flow_versions
BEGIN SELECT RAISE(ABORT, 'flow versions are immutable: only the review may be written, once'); END;

CREATE TRIGGER flow_versions_reviewed_once BEFORE UPDATE OF status, reviewer, review_comment, reviewed_at ON flow_versions
WHEN OLD.status <> 'pending_review' OR NEW.status NOT IN ('approved', 'rejected')
BEGIN SELECT RAISE(ABORT, 'a flow version is reviewed once, from pending_review to approved or rejected'); END;

CREATE TRIGGER flow_versions_are_never_deleted BEFORE DELETE ON flow_versions
BEGIN SELECT RAISE(ABORT, 'flow versions are never deleted'); END;

CREATE TRIGGER flows_active_is_approved BEFORE UPDATE OF active_version ON flows
WHEN NEW.active_version IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM flow_versions WHERE name = NEW.name AND version = NEW.active_version AND status = 'approved')
BEGIN SELECT RAISE(ABORT, 'only an approved flow version can be active'); END;

CREATE TRIGGER flows_are_never_deleted BEFORE DELETE ON flows
BEGIN SELECT RAISE(ABORT, 'flows are never deleted'); END;
`);
  },
};
