// The contract every DirectoryStore implementation must pass (`execute` runs hand-written SQL against the
// store, the same text on every engine).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textFieldProblem, type DirectoryStore } from '../../core/directory/index.ts';
import { JoineryError } from '../../core/errors.ts';
import type { DirectoryUser } from '../../core/sdk/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { NAUGHTY_STRINGS } from '../helpers/naughty-strings.ts';

const NAUGHTY = NAUGHTY_STRINGS;

function user(overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    id: 'u1', username: 'jsmith', email: 'jsmith@example.com', displayName: 'John Smith', employeeId: 'E1001',
    department: 'Engineering', status: 'active', groups: ['staff'], ...overrides,
  };
}

export interface DirectoryUnderTest {
  store: DirectoryStore;
  execute(sql: string): void;
  close(): Promise<void> | void;
}

export function describeDirectory(implementation: string, open: () => DirectoryUnderTest, { skip = false }: { skip?: boolean } = {}): void {
  describe.skipIf(skip)(`DirectoryStore contract: ${implementation}`, () => {
    let opened: DirectoryUnderTest;
    let directory: DirectoryStore;
    beforeEach(() => {
      opened = open();
      directory = opened.store;
    });
    afterEach(() => opened.close());

    it('imports users, then updates them by id', () => {
      expect(directory.importUsers([user(), user({ id: 'u2', username: 'adoe', email: 'adoe@example.com' })])).toEqual({ added: 2, updated: 0 });
      expect(directory.importUsers([user({ department: 'Sales' }), user({ id: 'u3', username: 'bdoe' })])).toEqual({ added: 1, updated: 1 });
      expect(directory.listUsers().map((listed) => [listed.id, listed.department])).toEqual([
        ['u2', 'Engineering'], ['u3', 'Engineering'], ['u1', 'Sales'],
      ]);
      expect(directory.findUsers({ username: 'jsmith' })).toEqual([user({ department: 'Sales' })]);
    });

    it('matches usernames and emails case-insensitively, beyond ASCII', () => {
      directory.importUsers([user({ username: 'Émile', email: 'Emile@Example.COM' })]);
      expect(directory.isUsernameTaken('émile')).toBe(true);
      expect(directory.isUsernameTaken('E\u0301MILE')).toBe(true);
      expect(directory.isUsernameTaken('emile')).toBe(false);
      expect(directory.findUsers({ email: 'emile@example.com' })).toHaveLength(1);
      expect(directory.findUsers({ username: 'ÉMILE', employeeId: 'E1001' })).toHaveLength(1);
      expect(directory.findUsers({ username: 'ÉMILE', employeeId: 'E9' })).toEqual([]);
    });

    it('counts disabled users as holding their username', () => {
      directory.importUsers([user({ status: 'disabled' })]);
      expect(directory.isUsernameTaken('JSMITH')).toBe(true);
    });

    it('retires a removed username forever, by id or by username', () => {
      directory.importUsers([user(), user({ id: 'u2', username: 'adoe' })]);
      expect(directory.removeUser('u1')?.username).toBe('jsmith');
      expect(directory.removeUser('ADOE')?.id).toBe('u2');
      expect(directory.removeUser('u1')).toBeUndefined();
      expect(directory.listUsers()).toEqual([]);
      expect(directory.isUsernameTaken('JSmith')).toBe(true);
      expect(directory.listRetiredUsernames()).toEqual(['jsmith', 'adoe']);
      expectError(() => directory.importUsers([user({ id: 'u9', username: 'JSMITH' })]), 'INVALID_INPUT', 'users[0].username: "JSMITH" is retired');
      expect(() => opened.execute('DELETE FROM retired_usernames')).toThrow(/retired forever/);
    });

    it('imports all or nothing, naming the record and the field', () => {
      directory.importUsers([user()]);
      const error = expectError(
        () => directory.importUsers([user({ id: 'u2', username: 'ok' }), { ...user({ id: 'u3', username: 'x' }), status: 'gone' as never }]),
        'INVALID_INPUT',
        'users[1].status',
      );
      expect(error.details).toMatchObject({ problems: [{ index: 1, field: 'status' }] });
      expectError(
        () => directory.importUsers([user({ id: 'u4', username: 'a' }), user({ id: 'u5', groups: ['ok', ' '] })]),
        'INVALID_INPUT',
        'users[1].groups[1]: must not be blank',
      );
      expectError(
        () => directory.importUsers([user({ id: 'u6', username: 'new' }), user({ id: 'u7', username: 'JSmith' })]),
        'INVALID_INPUT',
        'users[1].username: "JSmith" is already held by user "u1"',
      );
      expectError(
        () => directory.importUsers([user({ id: 'u8', username: 'same' }), user({ id: 'u9', username: 'SAME' })]),
        'INVALID_INPUT',
        'duplicates users[0].username',
      );
      expectError(
        () => directory.importUsers([user({ id: 'u8', username: 'a1' }), user({ id: 'u8', username: 'a2' })]),
        'INVALID_INPUT',
        'users[1].id: duplicates users[0].id',
      );
      expectError(() => directory.importUsers([{ ...user({ id: 'u9' }), extra: 1 } as DirectoryUser]), 'INVALID_INPUT', 'users[0]: Unrecognized key: "extra"');
      expect(directory.listUsers()).toEqual([user()]);
    });

    it('lets an import swap two usernames between existing users', () => {
      directory.importUsers([user(), user({ id: 'u2', username: 'adoe' })]);
      directory.importUsers([user({ username: 'adoe' }), user({ id: 'u2', username: 'jsmith' })]);
      expect(directory.findUsers({ username: 'adoe' })[0]?.id).toBe('u1');
    });

    it('round-trips every naughty string it accepts as a username and display name, and refuses the rest', () => {
      const candidates = [...new Set(NAUGHTY)].filter((text) => text.trim().length > 0 && text.length <= 256);
      // Formula prefixes and invisible characters are refused in identifiers (issue 9, defect 10).
      const refused = candidates.filter((text) => textFieldProblem(text, 'identifier') !== undefined);
      for (const text of refused) {
        expect(() => directory.importUsers([user({ username: text })]), JSON.stringify(text)).toThrow(JoineryError);
      }
      const usable = candidates.filter((text) => !refused.includes(text));
      const seenKeys = new Set<string>();
      const users = usable
        .filter((text) => {
          const key = text.normalize('NFC').toLowerCase();
          if (seenKeys.has(key)) return false;
          seenKeys.add(key);
          return true;
        })
        .map((text, index) => user({ id: `n${index}`, username: text, displayName: text, email: text, groups: [text] }));
      expect(users.length).toBeGreaterThan(300);
      expect(refused.length).toBeGreaterThan(20);
      directory.importUsers(users);
      for (const expected of users) {
        expect(directory.findUsers({ username: expected.username })).toEqual([expected]);
        expect(directory.isUsernameTaken(expected.username)).toBe(true);
      }
      for (const removed of users.slice(0, 50)) expect(directory.removeUser(removed.id)).toEqual(removed);
      expect(directory.listRetiredUsernames()).toEqual(users.slice(0, 50).map((removed) => removed.username));
    });
  });
}
