// The contract every ReservationLedger implementation must pass. The factory opens one empty store and
// hands out ledger connections to it plus its directory (to seed users, retire names and read what a
// commit created). The race is run across connections; a store whose connections share one process (as
// SQLite's do) adds a separate multi-process race test.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryStore } from '../../core/directory/index.ts';
import type { ReservationLedger } from '../../core/ledger/index.ts';
import type { DirectoryUser } from '../../core/sdk/index.ts';

export interface ReservationLedgerStore {
  connect(): ReservationLedger;
  directory: Pick<DirectoryStore, 'importUsers' | 'removeUser' | 'findUsers' | 'isUsernameTaken'>;
  close(): Promise<void> | void;
}

const user = (id: string, username: string, email = ''): DirectoryUser => ({ id, username, email, displayName: '', employeeId: '', department: '', status: 'active', groups: [] });

export function describeReservationLedger(
  implementation: string,
  openStore: () => Promise<ReservationLedgerStore> | ReservationLedgerStore,
  { skip = false }: { skip?: boolean } = {},
): void {
  describe.skipIf(skip)(`ReservationLedger contract: ${implementation}`, () => {
    let store: ReservationLedgerStore;
    let ledger: ReservationLedger;
    const reserve = (value: string, eventId: string, kind: 'username' | 'email' = 'username', target = ledger) => target.reserve({ kind, value, eventId });

    beforeEach(async () => {
      store = await openStore();
      ledger = store.connect();
    });
    afterEach(async () => {
      await store.close();
    });

    it('reserves a free name for one event only, case-insensitively, and again for the same event', async () => {
      expect(await reserve('jsmith', 'evt-1')).toBe(true);
      expect(await reserve('JSmith', 'evt-2')).toBe(false);
      expect(await reserve('jsmith', 'evt-2', 'username', store.connect())).toBe(false);
      expect(await reserve('JSMITH', 'evt-1')).toBe(true);
      expect(await ledger.reservationsOf('evt-1')).toEqual([{ kind: 'username', value: 'jsmith', eventId: 'evt-1' }]);
      expect(await ledger.reservationsOf('evt-2')).toEqual([]);
    });

    it('says whether a name is free without claiming it', async () => {
      const available = (value: string, eventId: string, kind: 'username' | 'email' = 'username') => ledger.available({ kind, value, eventId });
      store.directory.importUsers([user('u1', 'jsmith', 'j@example.com')]);
      expect(await available('adoe', 'run:a')).toBe(true);
      expect(await available('adoe', 'run:b')).toBe(true);
      expect(await reserve('adoe', 'evt-1')).toBe(true); // nothing was claimed by asking
      expect(await available('ADoe', 'run:a')).toBe(false);
      expect(await available('adoe', 'evt-1')).toBe(true);
      expect(await available('JSmith', 'run:a')).toBe(false);
      expect(await available('J@example.com', 'run:a', 'email')).toBe(false);
      await expect(available(' ', 'run:a')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await ledger.holders()).toEqual([expect.objectContaining({ eventId: 'evt-1' })]);
    });

    it('compares in NFC: "Zoë" precomposed and with a combining mark are one name', async () => {
      expect(await reserve('zo\u00eb', 'evt-1')).toBe(true);
      expect(await reserve('ZOE\u0308', 'evt-2')).toBe(false);
    });

    it('keeps usernames and emails apart: the same text may be reserved once as each', async () => {
      expect(await reserve('jsmith', 'evt-1')).toBe(true);
      expect(await reserve('jsmith', 'evt-2', 'email')).toBe(true);
      expect(await reserve('Jane.Smith@example.com', 'evt-1', 'email')).toBe(true);
      expect(await reserve('jane.smith@EXAMPLE.com', 'evt-3', 'email')).toBe(false);
    });

    it('refuses a name held by a directory user (any status), and retired usernames and emails forever', async () => {
      store.directory.importUsers([user('u1', 'held', 'held@example.com'), { ...user('u2', 'off', 'off@example.com'), status: 'disabled' }, user('u3', 'gone', 'gone@example.com')]);
      store.directory.removeUser('u3');
      expect(await reserve('HELD', 'evt-1')).toBe(false);
      expect(await reserve('off', 'evt-1')).toBe(false);
      expect(await reserve('gone', 'evt-1')).toBe(false);
      expect(await reserve('Held@Example.com', 'evt-1', 'email')).toBe(false);
      expect(await reserve('off@example.com', 'evt-1', 'email')).toBe(false);
      expect(await reserve('GONE@example.com', 'evt-1', 'email')).toBe(false);
      expect(await ledger.reservationsOf('evt-1')).toEqual([]);
    });

    it('commits the event: a provisioned directory user, later joiners see the name taken, nothing left to commit', async () => {
      expect(await reserve('jsmith', 'evt-1')).toBe(true);
      expect(await reserve('john.smith@example.com', 'evt-1', 'email')).toBe(true);
      const committed = await ledger.commit({ eventId: 'evt-1', person: { id: 'E100', displayName: 'John Smith', employeeId: 'E100', department: 'Sales' } });
      const expected = { id: 'E100', username: 'jsmith', email: 'john.smith@example.com', displayName: 'John Smith', employeeId: 'E100', department: 'Sales', status: 'provisioned', groups: [] };
      expect(committed).toEqual(expected);
      expect(store.directory.findUsers({ username: 'JSMITH' })).toEqual([expected]);
      expect(store.directory.isUsernameTaken('jsmith')).toBe(true);
      expect(await ledger.reservationsOf('evt-1')).toEqual([]);
      expect(await reserve('jsmith', 'evt-2')).toBe(false);
      expect(await reserve('John.Smith@example.com', 'evt-2', 'email')).toBe(false);
      // A retry of the committed event (its lease was lost after the commit) still finds its names its own.
      expect(await reserve('JSmith', 'evt-1')).toBe(true);
      expect(await reserve('john.smith@example.com', 'evt-1', 'email')).toBe(true);
      expect(await ledger.reservationsOf('evt-1')).toEqual([]);
      expect(await ledger.commit({ eventId: 'evt-1', person: { id: 'E100' } })).toBeUndefined();
    });

    it('commits the latest username when an event holds several, uses the event id when the person id is taken, and drops a lone email', async () => {
      store.directory.importUsers([user('E1', 'someone')]);
      await reserve('first-choice', 'evt-1');
      await reserve('second-choice', 'evt-1');
      expect(await ledger.commit({ eventId: 'evt-1', person: { id: 'E1' } })).toMatchObject({ id: 'evt-1', username: 'second-choice', email: '' });
      expect(await reserve('first-choice', 'evt-9')).toBe(true);
      await reserve('only@example.com', 'evt-2', 'email');
      expect(await ledger.commit({ eventId: 'evt-2', person: { id: 'E2' } })).toBeUndefined();
      expect(await reserve('only@example.com', 'evt-3', 'email')).toBe(true);
    });

    it('releases an event: its names are free for others, other events keep theirs', async () => {
      await reserve('jsmith', 'evt-1');
      await reserve('john@example.com', 'evt-1', 'email');
      await reserve('adoe', 'evt-2');
      expect(await ledger.release('evt-1')).toBe(2);
      expect(await ledger.release('evt-1')).toBe(0);
      expect(await reserve('jsmith', 'evt-3')).toBe(true);
      expect(await reserve('john@example.com', 'evt-3', 'email')).toBe(true);
      expect(await reserve('adoe', 'evt-3')).toBe(false);
    });

    it('names the events holding reservations, and drops an event once it released or committed', async () => {
      expect(await ledger.holders()).toEqual([]);
      await reserve('jsmith', 'evt-b');
      await reserve('john@example.com', 'evt-b', 'email');
      await reserve('adoe', 'evt-a');
      await reserve('mroe', 'evt-c', 'username', store.connect());
      const holders = await ledger.holders();
      expect(holders.map((holder) => holder.eventId).sort()).toEqual(['evt-a', 'evt-b', 'evt-c']);
      for (const { since } of holders) expect(Math.abs(Date.parse(since) - Date.now())).toBeLessThan(60 * 60_000);
      await ledger.release('evt-b');
      await ledger.commit({ eventId: 'evt-c', person: { id: 'E3' } });
      expect((await ledger.holders()).map((holder) => holder.eventId)).toEqual(['evt-a']);
    });

    it('refuses bad input with INVALID_INPUT and writes nothing', async () => {
      await expect(reserve('', 'evt-1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(reserve('x'.repeat(257), 'evt-1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(reserve('=cmd', 'evt-1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(reserve('j\u200bsmith', 'evt-1')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(reserve('jsmith', '')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      await expect(ledger.reserve({ kind: 'group' as never, value: 'x', eventId: 'evt-1' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await ledger.reservationsOf('evt-1')).toEqual([]);
    });

    it('50 events on 4 connections racing for the same names end with each name reserved exactly once', async () => {
      const connections = [ledger, store.connect(), store.connect(), store.connect()];
      const names = Array.from({ length: 50 }, (_, index) => `jsmith${index === 0 ? '' : index}`);
      const events = Array.from({ length: 50 }, (_, index) => `evt-${index}`);
      // Each event walks the same candidate list, as the username template does, until one is its own.
      const chosen = await Promise.all(events.map(async (eventId, index) => {
        const connection = connections[index % connections.length] ?? ledger;
        for (const name of names) if (await reserve(name, eventId, 'username', connection)) return name;
        return undefined;
      }));
      expect(new Set(chosen).size).toBe(50);
      expect(chosen.every((name) => name !== undefined)).toBe(true);
      const held = (await Promise.all(events.map((eventId) => ledger.reservationsOf(eventId)))).flat();
      expect(held.map((reservation) => reservation.value).sort()).toEqual([...names].sort());
    });
  });
}
