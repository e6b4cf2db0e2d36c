// Issue 9, defect 14: removing a user retires the email address as well as the username, so the next John
// Smith does not receive the previous one's john.smith@ (and the mail still sent to it). Live and in
// fixtures, findUsers({ email }) reports a retired address as held by a retired placeholder user.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteDirectory, retiredEmailHolder, type DirectoryStore } from '../../core/directory/index.ts';
import { createTestHost, parseFixtures, type FixtureTest } from '../../core/fixtures/index.ts';
import { createLiveHost } from '../../core/runtime/index.ts';
import type { DirectoryUser } from '../../core/sdk/index.ts';
import { closeDatabase, openDatabase, type SqliteDatabase } from '../../core/store/index.ts';
import { createInProcessRunner } from '../helpers/in-process-context.ts';
import { expectError } from '../registry/expect-joinery-error.ts';
import { loadTemplate } from '../templates/template-harness.ts';

const JOHN: DirectoryUser = {
  id: 'u1', username: 'jsmith', email: 'john.smith@example.com', displayName: 'John Smith', employeeId: 'E1',
  department: 'Sales', status: 'active', groups: [],
};
const newJohn = {
  type: 'user.joined', id: 'evt-2', occurredAt: '2026-11-20T09:00:00Z',
  person: { employeeId: 'E2', firstName: 'John', lastName: 'Smith', department: 'Engineering', employmentType: 'employee', startDate: '2026-12-01' },
} as const;

describe('the live directory', () => {
  let db: SqliteDatabase;
  let directory: DirectoryStore;
  beforeEach(() => {
    db = openDatabase(':memory:');
    directory = createSqliteDirectory(db);
    directory.importUsers([JOHN, { ...JOHN, id: 'u2', username: 'nomail', email: '', employeeId: 'E3' }]);
  });
  afterEach(() => closeDatabase(db));

  it('retires the email of a removed user, and findUsers reports it as held', () => {
    directory.removeUser('jsmith');
    expect(directory.listRetiredEmails()).toEqual(['john.smith@example.com']);
    expect(directory.findUsers({ email: 'John.Smith@Example.com' })).toEqual([retiredEmailHolder('john.smith@example.com')]);
    expect(retiredEmailHolder('john.smith@example.com')).toMatchObject({ status: 'disabled', email: 'john.smith@example.com', username: '' });
  });

  it('keeps placeholders out of listings and of lookups that are not by email', () => {
    directory.removeUser('jsmith');
    expect(directory.listUsers().map((user) => user.id)).toEqual(['u2']);
    expect(directory.findUsers({ employeeId: 'E1' })).toEqual([]);
    expect(directory.findUsers({ username: 'jsmith' })).toEqual([]);
    expect(directory.findUsers({ email: 'john.smith@example.com', username: 'jsmith' })).toEqual([]);
  });

  it('retires nothing for a user without an email', () => {
    directory.removeUser('nomail');
    expect(directory.listRetiredEmails()).toEqual([]);
  });

  it('refuses to import a user with a retired email', () => {
    directory.removeUser('jsmith');
    expectError(() => directory.importUsers([{ ...JOHN, id: 'u9', username: 'jsmith2', email: 'JOHN.SMITH@example.com' }]), 'INVALID_INPUT', 'users[0].email: "JOHN.SMITH@example.com" is retired');
  });

  it('keeps retired emails forever', () => {
    directory.removeUser('jsmith');
    expect(() => db.prepare('DELETE FROM retired_emails').run()).toThrow(/retired forever/);
  });

  it('gives the next John Smith john.smith2@, run by the email template against it', async () => {
    directory.removeUser('jsmith');
    const { definition } = await loadTemplate('email');
    const runner = createInProcessRunner({ definition });
    const live = createLiveHost({ manifest: { ...definition, egress: [], secrets: [] }, directory, secrets: { get: () => undefined, set() {}, list: () => [], delete: () => false }, fetch: async () => { throw new Error('no egress'); } });
    const { outcome } = await runner.run({ bundle: '', event: newJohn }, live.host);
    expect(outcome).toEqual({ kind: 'returned', value: { email: 'john.smith2@example.com' } });
  });
});

describe('fixtures', () => {
  const test = (retiredEmails: string[]): FixtureTest => {
    const parsed = parseFixtures([{ name: 'retired', input: newJohn, directory: { users: [], retiredEmails } }]);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.tests[0] as FixtureTest;
  };

  it('accept directory.retiredEmails, which findUsers honours as the live directory does', async () => {
    const { host } = createTestHost(test(['John.Smith@example.com']));
    expect(await host.findUsers({ email: 'john.smith@example.com' })).toEqual([retiredEmailHolder('John.Smith@example.com')]);
    const { definition } = await loadTemplate('email');
    const { outcome } = await createInProcessRunner({ definition }).run({ bundle: '', event: newJohn }, host);
    expect(outcome).toEqual({ kind: 'returned', value: { email: 'john.smith2@example.com' } });
  });
});
