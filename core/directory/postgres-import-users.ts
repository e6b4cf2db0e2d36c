// Importing users on PostgreSQL: insert-or-replace by id, all or nothing, in one transaction under the
// directory-names lock; the same checks, in the same order, as on SQLite (import-users.ts).

import { DIRECTORY_NAMES_LOCK_KEY, type SyncSql } from '../postgres/index.ts';
import type { DirectoryUser } from '../sdk/index.ts';
import { invalidUsersError, type UserProblem } from './directory-user-schema.ts';
import { duplicatesWithinBatch } from './import-users.ts';
import { usernameKey } from './username-key.ts';

export function createPostgresImportUsers(sql: SyncSql) {
  const first = <T>(text: string, key: string, column: string) => sql.query(text, [key]).rows[0]?.[column] as T | undefined;

  /** Run after the batch's own ids are deleted, so a user keeping or swapping a name is no conflict. */
  function conflictsWithDirectory(users: readonly DirectoryUser[]): UserProblem[] {
    return users.flatMap((user, index) => {
      const key = usernameKey(user.username);
      const retiredAs = first<string>('SELECT username FROM retired_usernames WHERE username_key = $1', key, 'username');
      const heldBy = first<string>('SELECT id FROM directory_users WHERE username_key = $1', key, 'id');
      const shown = JSON.stringify(user.username);
      const problems: UserProblem[] = [];
      if (retiredAs !== undefined) {
        problems.push({ index, field: 'username', message: `${shown} is retired (as ${JSON.stringify(retiredAs)}) and can never be reused` });
      }
      if (heldBy !== undefined) problems.push({ index, field: 'username', message: `${shown} is already held by user ${JSON.stringify(heldBy)}` });
      const emailKey = usernameKey(user.email);
      const emailRetiredAs = user.email.trim() === '' ? undefined : first<string>('SELECT email FROM retired_emails WHERE email_key = $1', emailKey, 'email');
      if (emailRetiredAs !== undefined) {
        const message =
          `${JSON.stringify(user.email)} is retired (as ${JSON.stringify(emailRetiredAs)}): its holder was removed, ` +
          'and it can never be given to anyone again';
        problems.push({ index, field: 'email', message });
      }
      return problems;
    });
  }

  return (users: DirectoryUser[]): { added: number; updated: number } =>
    sql.transaction(() => {
      const duplicates = duplicatesWithinBatch(users);
      if (duplicates.length > 0) throw invalidUsersError(duplicates);
      sql.query('SELECT pg_advisory_xact_lock($1)', [DIRECTORY_NAMES_LOCK_KEY]);
      const updated = users.filter((user) => sql.query('SELECT 1 FROM directory_users WHERE id = $1', [user.id]).rowCount > 0).length;
      for (const user of users) sql.query('DELETE FROM directory_users WHERE id = $1', [user.id]);
      const conflicts = conflictsWithDirectory(users);
      if (conflicts.length > 0) throw invalidUsersError(conflicts);
      for (const user of users) {
        sql.query(
          `INSERT INTO directory_users (id, username, username_key, email, email_key, display_name, employee_id, department, status, groups)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            ...[user.id, user.username, usernameKey(user.username), user.email, usernameKey(user.email)],
            ...[user.displayName, user.employeeId, user.department, user.status, JSON.stringify(user.groups)],
          ],
        );
      }
      return { added: users.length - updated, updated };
    });
}
