// The DirectoryStore port over PostgreSQL (synchronous connection). The same comparisons (usernameKey) and
// the same retirements as on SQLite; imports and removals take the directory-names lock exclusively, so
// their checks and writes see one state, as under SQLite's single writer.

import { DIRECTORY_NAMES_LOCK_KEY, type SyncSql } from '../postgres/index.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { invalidUsersError, validateDirectoryUsers } from './directory-user-schema.ts';
import { createPostgresImportUsers } from './postgres-import-users.ts';
import { retiredEmailHolders } from './retired-email-holder.ts';
import { toDirectoryUser, type UserRow } from './sqlite-directory.ts';
import type { DirectoryStore } from './types.ts';
import { usernameKey } from './username-key.ts';

type Row = UserRow & Record<string, unknown>;

export interface PostgresDirectoryOptions {
  _internal?: { now?: () => Date };
}

export function createPostgresDirectory(sql: SyncSql, { _internal: { now = () => new Date() } = {} }: PostgresDirectoryOptions = {}): DirectoryStore {
  const selectMatching = (username: string | null, email: string | null, employeeId: string | null) =>
    sql.query<Row>(
      `SELECT * FROM directory_users WHERE ($1::text IS NULL OR username_key = $1) AND ($2::text IS NULL OR email_key = $2)
        AND ($3::text IS NULL OR employee_id = $3) ORDER BY username_key COLLATE "C"`,
      [username, email, employeeId],
    ).rows;
  const retiredEmailAs = (key: string) => sql.query<{ email: string }>('SELECT email FROM retired_emails WHERE email_key = $1', [key]).rows[0]?.email;
  const importUsers = createPostgresImportUsers(sql);

  return {
    isUsernameTaken(username) {
      const key = usernameKey(String(username));
      const { rows } = sql.query<{ taken: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM directory_users WHERE username_key = $1)
          OR EXISTS (SELECT 1 FROM retired_usernames WHERE username_key = $1) AS taken`,
        [key],
      );
      return rows[0]?.taken === true;
    },
    findUsers({ username, email, employeeId } = {}) {
      const rows = selectMatching(username === undefined ? null : usernameKey(username), email === undefined ? null : usernameKey(email), employeeId ?? null);
      const retiredAs = email === undefined ? undefined : retiredEmailAs(usernameKey(email));
      return [...rows.map(toDirectoryUser), ...retiredEmailHolders({ username, email, employeeId }, retiredAs)];
    },
    importUsers(users) {
      if (!Array.isArray(users)) throw invalidUsersError([{ index: 0, field: '', message: 'expected an array of users' }], () => 'users');
      const { users: valid, problems } = validateDirectoryUsers(users);
      if (problems.length > 0) throw invalidUsersError(problems);
      return importUsers(valid);
    },
    listUsers: () => selectMatching(null, null, null).map(toDirectoryUser),
    removeUser: (idOrUsername) =>
      sql.transaction((): DirectoryUser | undefined => {
        sql.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_NAMES_LOCK_KEY]);
        const row =
          sql.query<Row>('SELECT * FROM directory_users WHERE id = $1', [idOrUsername]).rows[0] ??
          sql.query<Row>('SELECT * FROM directory_users WHERE username_key = $1', [usernameKey(idOrUsername)]).rows[0];
        if (row === undefined) return undefined;
        const at = now().toISOString();
        sql.query('DELETE FROM directory_users WHERE id = $1', [row.id]);
        sql.query('INSERT INTO retired_usernames (username_key, username, retired_at) VALUES ($1, $2, $3) ON CONFLICT (username_key) DO NOTHING', [
          usernameKey(row.username),
          row.username,
          at,
        ]);
        if (row.email.trim() !== '') {
          const retire = 'INSERT INTO retired_emails (email_key, email, retired_at) VALUES ($1, $2, $3) ON CONFLICT (email_key) DO NOTHING';
          sql.query(retire, [usernameKey(row.email), row.email, at]);
        }
        return toDirectoryUser(row);
      }),
    listRetiredUsernames: () => sql.query<{ username: string }>('SELECT username FROM retired_usernames ORDER BY seq').rows.map((row) => row.username),
    listRetiredEmails: () => sql.query<{ email: string }>('SELECT email FROM retired_emails ORDER BY seq').rows.map((row) => row.email),
  };
}
