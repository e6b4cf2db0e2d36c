// The DirectoryStore port over SQLite. Every comparison of usernames and emails goes through
// usernameKey; a removed user's username moves to retired_usernames and their email to retired_emails,
// which have no way out.

import type { DirectoryUser } from '../sdk/index.ts';
import { applyMigrations, MIGRATIONS, type SqliteDatabase } from '../store/index.ts';
import { invalidUsersError, validateDirectoryUsers } from './directory-user-schema.ts';
import { createImportUsers } from './import-users.ts';
import { retiredEmailHolders } from './retired-email-holder.ts';
import type { DirectoryStore } from './types.ts';
import { usernameKey } from './username-key.ts';

export interface SqliteDirectoryOptions {
  _internal?: { now?: () => Date };
}

export interface UserRow {
  id: string;
  username: string;
  email: string;
  display_name: string;
  employee_id: string;
  department: string;
  status: 'active' | 'disabled' | 'provisioned';
  groups: string;
}

export function createSqliteDirectory(
  db: SqliteDatabase,
  { _internal: { now = () => new Date() } = {} }: SqliteDirectoryOptions = {},
): DirectoryStore {
  applyMigrations(db, MIGRATIONS);
  const isTaken = db.prepare(`SELECT EXISTS (SELECT 1 FROM directory_users WHERE username_key = @key)
    OR EXISTS (SELECT 1 FROM retired_usernames WHERE username_key = @key)`).pluck();
  const findMatching = db.prepare(`SELECT * FROM directory_users
    WHERE (@username IS NULL OR username_key = @username) AND (@email IS NULL OR email_key = @email)
      AND (@employeeId IS NULL OR employee_id = @employeeId)
    ORDER BY username_key`);
  const selectById = db.prepare('SELECT * FROM directory_users WHERE id = ?');
  const selectByUsername = db.prepare('SELECT * FROM directory_users WHERE username_key = ?');
  const deleteUser = db.prepare('DELETE FROM directory_users WHERE id = ?');
  const retire = db.prepare(`INSERT INTO retired_usernames (username_key, username, retired_at) VALUES (?, ?, ?)
    ON CONFLICT (username_key) DO NOTHING`);
  const selectRetired = db.prepare('SELECT username FROM retired_usernames ORDER BY rowid').pluck();
  const retireEmail = db.prepare(`INSERT INTO retired_emails (email_key, email, retired_at) VALUES (?, ?, ?)
    ON CONFLICT (email_key) DO NOTHING`);
  const selectRetiredEmail = db.prepare('SELECT email FROM retired_emails WHERE email_key = ?').pluck();
  const selectRetiredEmails = db.prepare('SELECT email FROM retired_emails ORDER BY rowid').pluck();
  const importUsers = createImportUsers(db);

  const removeInTransaction = db.transaction((idOrUsername: string): DirectoryUser | undefined => {
    const row = (selectById.get(idOrUsername) ?? selectByUsername.get(usernameKey(idOrUsername))) as
      | UserRow
      | undefined;
    if (row === undefined) return undefined;
    deleteUser.run(row.id);
    retire.run(usernameKey(row.username), row.username, now().toISOString());
    if (row.email.trim() !== '') retireEmail.run(usernameKey(row.email), row.email, now().toISOString());
    return toDirectoryUser(row);
  });

  return {
    isUsernameTaken(username) {
      return isTaken.get({ key: usernameKey(String(username)) }) === 1;
    },
    findUsers({ username, email, employeeId } = {}) {
      const rows = findMatching.all({
        username: username === undefined ? null : usernameKey(username),
        email: email === undefined ? null : usernameKey(email),
        employeeId: employeeId ?? null,
      }) as UserRow[];
      const retiredAs = email === undefined ? undefined : (selectRetiredEmail.get(usernameKey(email)) as string | undefined);
      return [...rows.map(toDirectoryUser), ...retiredEmailHolders({ username, email, employeeId }, retiredAs)];
    },
    importUsers(users) {
      if (!Array.isArray(users)) {
        throw invalidUsersError([{ index: 0, field: '', message: 'expected an array of users' }], () => 'users');
      }
      const { users: valid, problems } = validateDirectoryUsers(users);
      if (problems.length > 0) throw invalidUsersError(problems);
      return importUsers(valid);
    },
    listUsers() {
      return (findMatching.all({ username: null, email: null, employeeId: null }) as UserRow[]).map(toDirectoryUser);
    },
    removeUser(idOrUsername) {
      return removeInTransaction.immediate(idOrUsername);
    },
    listRetiredUsernames() {
      return selectRetired.all() as string[];
    },
    listRetiredEmails() {
      return selectRetiredEmails.all() as string[];
    },
  };
}

export function toDirectoryUser(row: UserRow): DirectoryUser {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: row.display_name,
    employeeId: row.employee_id,
    department: row.department,
    status: row.status,
    groups: JSON.parse(row.groups) as string[],
  };
}
