// Email addresses retired forever, like usernames: a removed user's address is never given to anyone
// else. `email_key` is the comparison form (core/directory/username-key.ts). Users removed before this
// step left no record of their address.

import type { Migration } from '../types.ts';

export const retiredEmailsSchema: Migration = {
  id: '0008-retired-emails',
  up(db) {
    db.exec(`
CREATE TABLE retired_emails (
  email_key TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  retired_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER retired_emails_are_forever BEFORE DELETE ON retired_emails
BEGIN SELECT RAISE(ABORT, 'retired emails are retired forever'); END;

CREATE TRIGGER retired_emails_never_change BEFORE UPDATE ON retired_emails
BEGIN SELECT RAISE(ABORT, 'retired emails are retired forever'); END;
`);
  },
};
