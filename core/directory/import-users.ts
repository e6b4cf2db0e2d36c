// Importing users: insert-or-replace by id, all or nothing, in one BEGIN IMMEDIATE transaction. A
// username must stay unique (case-insensitively) across the whole directory after the import, and a
// retired username or email can never be given to anyone again.

import type { DirectoryUser } from '../sdk/index.ts';
import type { SqliteDatabase } from '../store/index.ts';
import { invalidUsersError, type UserProblem } from './directory-user-schema.ts';
import { usernameKey } from './username-key.ts';

export function createImportUsers(db: SqliteDatabase) {
  const exists = db.prepare('SELECT 1 FROM directory_users WHERE id = ?').pluck();
  const deleteUser = db.prepare('DELETE FROM directory_users WHERE id = ?');
  const holder = db.prepare('SELECT id FROM directory_users WHERE username_key = ?').pluck();
  const retired = db.prepare('SELECT username FROM retired_usernames WHERE username_key = ?').pluck();
  const retiredEmail = db.prepare('SELECT email FROM retired_emails WHERE email_key = ?').pluck();
  const insert = db.prepare(`INSERT INTO directory_users (id, username, username_key, email, email_key,
      display_name, employee_id, department, status, groups)
    VALUES (@id, @username, @usernameKey, @email, @emailKey, @displayName, @employeeId, @department, @status,
      @groups)`);

  /** Run after the batch's own ids are deleted, so a user keeping or swapping a name is no conflict. */
  function conflictsWithDirectory(users: readonly DirectoryUser[]): UserProblem[] {
    return users.flatMap((user, index) => {
      const key = usernameKey(user.username);
      const retiredAs = retired.get(key) as string | undefined;
      const heldBy = holder.get(key) as string | undefined;
      const shown = JSON.stringify(user.username);
      const problems: UserProblem[] = [];
      if (retiredAs !== undefined) {
        const message = `${shown} is retired (as ${JSON.stringify(retiredAs)}) and can never be reused`;
        problems.push(usernameProblem(index, message));
      }
      if (heldBy !== undefined) {
        problems.push(usernameProblem(index, `${shown} is already held by user ${JSON.stringify(heldBy)}`));
      }
      const emailRetiredAs = user.email.trim() === '' ? undefined : (retiredEmail.get(usernameKey(user.email)) as string | undefined);
      if (emailRetiredAs !== undefined) {
        const message = `${JSON.stringify(user.email)} is retired (as ${JSON.stringify(emailRetiredAs)}): its holder was removed, and it can never be given to anyone again`;
        problems.push({ index, field: 'email', message });
      }
      return problems;
    });
  }

  const importInTransaction = db.transaction((users: DirectoryUser[]) => {
    const duplicates = duplicatesWithinBatch(users);
    if (duplicates.length > 0) throw invalidUsersError(duplicates);
    const updated = users.filter((user) => exists.get(user.id) !== undefined).length;
    for (const user of users) deleteUser.run(user.id);
    const conflicts = conflictsWithDirectory(users);
    if (conflicts.length > 0) throw invalidUsersError(conflicts);
    for (const user of users) {
      const keys = { usernameKey: usernameKey(user.username), emailKey: usernameKey(user.email) };
      insert.run({ ...user, ...keys, groups: JSON.stringify(user.groups) });
    }
    return { added: users.length - updated, updated };
  });

  return (users: DirectoryUser[]): { added: number; updated: number } => importInTransaction.immediate(users);
}

export function duplicatesWithinBatch(users: readonly DirectoryUser[]): UserProblem[] {
  const problems: UserProblem[] = [];
  const ids = new Map<string, number>();
  const usernames = new Map<string, number>();
  for (const [index, user] of users.entries()) {
    const sameId = ids.get(user.id);
    if (sameId === undefined) ids.set(user.id, index);
    else problems.push({ index, field: 'id', message: `duplicates users[${sameId}].id` });
    const key = usernameKey(user.username);
    const sameName = usernames.get(key);
    if (sameName === undefined) usernames.set(key, index);
    else {
      const message = `${JSON.stringify(user.username)} duplicates users[${sameName}].username (case-insensitively)`;
      problems.push(usernameProblem(index, message));
    }
  }
  return problems;
}

function usernameProblem(index: number, message: string): UserProblem {
  return { index, field: 'username', message };
}
