// The directory a function sees in live runs: users, and the usernames and emails retired forever.

import type { DirectoryUser } from '../sdk/index.ts';

export interface DirectoryStore {
  /** Case-insensitive; true for any user (active or disabled) and for every retired name. */
  isUsernameTaken(username: string): boolean;
  /** Users matching every given field; email and username compare case-insensitively. A retired email
   *  is reported as held by a disabled placeholder (see retired-email-holder.ts), never as free. */
  findUsers(filter: { username?: string; email?: string; employeeId?: string }): DirectoryUser[];
  /** Inserts or replaces users by id. All or nothing; a retired username or email is refused. */
  importUsers(users: DirectoryUser[]): { added: number; updated: number };
  listUsers(): DirectoryUser[];
  /** Removes the user with this id or username and retires the username and the email forever. */
  removeUser(idOrUsername: string): DirectoryUser | undefined;
  listRetiredUsernames(): string[];
  listRetiredEmails(): string[];
}
