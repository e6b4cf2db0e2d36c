// The reservation ledger (core/ledger): a username or email claimed by a running event, unique on its
// comparison form (core/directory/username-key.ts) per kind, so two events can never hold one name. And a
// third directory status, `provisioned`: a user the runtime created when a joiner's event completed.
// `provisioned_by_event` names the event that created such a user, so a retry of that event (its lease was
// lost after the commit) finds its own name still its own. SQLite cannot widen a CHECK in place, so
// directory_users is rebuilt with the same columns, that one added, and the same indexes.

import type { Migration } from '../types.ts';

export const reservationsSchema: Migration = {
  id: '0013-reservations',
  up(db) {
    db.exec(`
CREATE TABLE reservations (
  kind TEXT NOT NULL CHECK (kind IN ('username', 'email')),
  value_key TEXT NOT NULL,
  value TEXT NOT NULL,
  event_id TEXT NOT NULL,
  reserved_at INTEGER NOT NULL,
  PRIMARY KEY (kind, value_key)
) STRICT;
CREATE INDEX reservations_by_event ON reservations (event_id);

CREATE TABLE directory_users_next (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL,
  username_key TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  email_key TEXT NOT NULL,
  display_name TEXT NOT NULL,
  employee_id TEXT NOT NULL,
  department TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled', 'provisioned')),
  groups TEXT NOT NULL CHECK (json_valid(groups)),
  provisioned_by_event TEXT
) STRICT;
INSERT INTO directory_users_next SELECT id, username, username_key, email, email_key, display_name, employee_id,
  department, status, groups, NULL FROM directory_users;
DROP TABLE directory_users;
ALTER TABLE directory_users_next RENAME TO directory_users;
CREATE INDEX directory_users_by_email ON directory_users (email_key);
CREATE INDEX directory_users_by_employee_id ON directory_users (employee_id);
`);
  },
};
