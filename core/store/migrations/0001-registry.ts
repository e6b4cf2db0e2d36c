// Functions, their immutable versions, reviews, executions and the audit trail.
// Immutability is enforced by the database itself, so no code path (or hand-written SQL) can rewrite
// history: a version's content never changes, its status moves once from pending_review to a decision,
// reviews and audit entries are append-only, and nothing in a version is ever deleted.

import type { Migration } from '../types.ts';

const TABLES = `
CREATE TABLE functions (
  name TEXT PRIMARY KEY,
  latest_version INTEGER NOT NULL DEFAULT 0 CHECK (latest_version >= 0),
  active_version INTEGER,
  created_at TEXT NOT NULL,
  FOREIGN KEY (name, active_version) REFERENCES versions (name, version)
) STRICT;

CREATE TABLE versions (
  name TEXT NOT NULL REFERENCES functions (name),
  version INTEGER NOT NULL CHECK (version >= 1),
  source TEXT NOT NULL,
  bundle TEXT NOT NULL,
  source_map TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  manifest TEXT NOT NULL CHECK (json_valid(manifest)),
  fixtures TEXT NOT NULL CHECK (json_valid(fixtures)),
  check_report TEXT NOT NULL CHECK (json_valid(check_report)),
  test_report TEXT NOT NULL CHECK (json_valid(test_report)),
  spec TEXT,
  author TEXT NOT NULL,
  requested_by TEXT,
  parent_version INTEGER,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending_review' CHECK (status IN ('pending_review', 'approved', 'rejected')),
  PRIMARY KEY (name, version)
) STRICT;

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
  comment TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (name, version),
  FOREIGN KEY (name, version) REFERENCES versions (name, version)
) STRICT;

CREATE TABLE executions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  event_id TEXT,
  input TEXT NOT NULL CHECK (json_valid(input)),
  outcome TEXT NOT NULL CHECK (json_valid(outcome)),
  outcome_kind TEXT NOT NULL,
  logs TEXT NOT NULL CHECK (json_valid(logs)),
  calls TEXT NOT NULL CHECK (json_valid(calls)),
  duration_ms REAL NOT NULL,
  caller TEXT NOT NULL,
  dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
  created_at TEXT NOT NULL,
  FOREIGN KEY (name, version) REFERENCES versions (name, version)
) STRICT;
CREATE INDEX executions_by_function ON executions (name, id);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  allowed INTEGER NOT NULL CHECK (allowed IN (0, 1)),
  detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
  created_at TEXT NOT NULL
) STRICT;
`;

const CONTENT_COLUMNS = [
  'name', 'version', 'source', 'bundle', 'source_map', 'sha256', 'manifest', 'fixtures', 'check_report',
  'test_report', 'spec', 'author', 'requested_by', 'parent_version', 'created_at',
].join(', ');

const TRIGGERS = `
CREATE TRIGGER versions_content_is_immutable BEFORE UPDATE OF ${CONTENT_COLUMNS} ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable: only the review status of a version may change'); END;

CREATE TRIGGER versions_status_is_decided_once BEFORE UPDATE OF status ON versions
WHEN NOT (OLD.status = 'pending_review' AND NEW.status IN ('approved', 'rejected'))
BEGIN SELECT RAISE(ABORT, 'a version''s status moves once, from pending_review to approved or rejected'); END;

CREATE TRIGGER versions_are_never_deleted BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are never deleted'); END;

CREATE TRIGGER versions_are_numbered_in_order BEFORE INSERT ON versions
WHEN NEW.version <> (SELECT latest_version FROM functions WHERE name = NEW.name) + 1
BEGIN SELECT RAISE(ABORT, 'a new version must be numbered latest_version + 1'); END;

CREATE TRIGGER functions_latest_only_grows BEFORE UPDATE OF latest_version ON functions
WHEN NEW.latest_version < OLD.latest_version
BEGIN SELECT RAISE(ABORT, 'latest_version never decreases'); END;

CREATE TRIGGER functions_active_is_approved BEFORE UPDATE OF active_version ON functions
WHEN NEW.active_version IS NOT NULL AND NOT EXISTS (
  SELECT 1 FROM versions WHERE name = NEW.name AND version = NEW.active_version AND status = 'approved')
BEGIN SELECT RAISE(ABORT, 'only an approved version can be active'); END;

CREATE TRIGGER functions_are_never_deleted BEFORE DELETE ON functions
BEGIN SELECT RAISE(ABORT, 'functions are never deleted'); END;

CREATE TRIGGER reviews_are_immutable BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are immutable'); END;

CREATE TRIGGER reviews_are_never_deleted BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'reviews are never deleted'); END;

CREATE TRIGGER executions_are_immutable BEFORE UPDATE ON executions
BEGIN SELECT RAISE(ABORT, 'execution records are immutable'); END;

CREATE TRIGGER audit_is_immutable BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are immutable'); END;

CREATE TRIGGER audit_is_never_deleted BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are never deleted'); END;
`;

export const registrySchema: Migration = {
  id: '0001-registry',
  up(db) {
    db.exec(TABLES);
    db.exec(TRIGGERS);
  },
};
