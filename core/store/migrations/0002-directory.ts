// The live directory: users, and usernames retired forever. `username_key` is the case-folded form every
// comparison uses (see core/directory/username-key.ts), so uniqueness holds beyond ASCII.

import type { Migration } from '../types.ts';

export const directorySchema: Migration = {
  id: '0002-directory',
  up(db) {
    db.exec(`
CREATE TABLE directory_users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  display_name TEXT NOT NULL,
  employee_id TEXT NOT NULL,
  department TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  groups TEXT NOT NULL CHECK (json_valid(groups))
) STRICT;
CREATE INDEX directory_users_by_email ON directory_users (email_key);
CREATE INDEX directory_users_by_employee_id ON directory_users (employee_id);

CREATE TABLE retired_usernames (
  username_key TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  retired_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER retired_usernames_are_forever BEFORE DELETE ON retired_usernames
BEGIN SELECT RAISE(ABORT, 'retired usernames are retired forever'); END;
`);
  },
};
