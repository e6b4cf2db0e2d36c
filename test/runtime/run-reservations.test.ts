// Where a live run's reservations go: held by the serve event (kept for its worker), held by the run alone
// and released when it ends (joinery run), or a directory check when there is no ledger. And the
// Idempotency-Key header for opted-in hosts.

import { describe, expect, it } from 'vitest';
import { createSqliteDirectory } from '../../core/directory/index.ts';
import { createSqliteReservationLedger } from '../../core/ledger/index.ts';
import { createIdempotencyKeys, createRunReservations, idempotencyKeyFor } from '../../core/runtime/index.ts';
import { openDatabase } from '../../core/store/index.ts';

function stores() {
  const db = openDatabase(':memory:');
  const directory = createSqliteDirectory(db);
  directory.importUsers([{ id: 'u1', username: 'jsmith', email: 'j@example.com', displayName: '', employeeId: '', department: '', status: 'active', groups: [] }]);
  return { directory, ledger: createSqliteReservationLedger(db) };
}

describe('run reservations', () => {
  it('under serve, holds names for the event after the run ends', async () => {
    const { directory, ledger } = stores();
    const run = createRunReservations({ directory, ledger, eventId: 'evt-1' });
    expect(await run.reserve('username', 'jsmith')).toBe(false);
    expect(await run.reserve('username', 'jsmith1')).toBe(true);
    await run.finish();
    expect(await ledger.reservationsOf('evt-1')).toEqual([{ kind: 'username', value: 'jsmith1', eventId: 'evt-1' }]);
  });

  it('outside serve, refuses names other events hold and releases its own when the run ends', async () => {
    const { directory, ledger } = stores();
    await ledger.reserve({ kind: 'username', value: 'adoe', eventId: 'evt-9' });
    const run = createRunReservations({ directory, ledger });
    expect(await run.reserve('username', 'adoe')).toBe(false);
    expect(await run.reserve('email', 'new@example.com')).toBe(true);
    expect(await ledger.reserve({ kind: 'email', value: 'new@example.com', eventId: 'evt-2' })).toBe(false);
    await run.finish();
    expect(await ledger.reserve({ kind: 'email', value: 'new@example.com', eventId: 'evt-2' })).toBe(true);
  });

  it('in a dry run outside serve, holds nothing: names others hold are refused, a live event can take what it saw free', async () => {
    const { directory, ledger } = stores();
    await ledger.reserve({ kind: 'username', value: 'adoe', eventId: 'evt-9' });
    const run = createRunReservations({ directory, ledger, dryRun: true });
    expect(await run.reserve('username', 'adoe')).toBe(false);
    expect(await run.reserve('username', 'jsmith')).toBe(false);
    expect(await run.reserve('username', 'bdoe')).toBe(true);
    expect(await ledger.reserve({ kind: 'username', value: 'bdoe', eventId: 'evt-2' })).toBe(true);
    await run.finish();
    expect((await ledger.holders()).map((holder) => holder.eventId)).toEqual(['evt-2', 'evt-9']);
  });

  it('without a ledger, checks the directory only', async () => {
    const { directory } = stores();
    const run = createRunReservations({ directory });
    expect(await run.reserve('username', 'JSMITH')).toBe(false);
    expect(await run.reserve('email', 'J@example.com')).toBe(false);
    expect(await run.reserve('username', 'adoe')).toBe(true);
  });
});

describe('idempotency keys', () => {
  const key = idempotencyKeyFor({ eventId: 'evt-1', functionName: 'create-account', attempt: 2 });
  const keys = createIdempotencyKeys({ hosts: ['api.example.com', 'other.example.com:8443'], key });

  it('adds <event id>:<function>:<attempt> for opted-in hosts only, keeping a key the function set', () => {
    expect(key).toBe('evt-1:create-account:2');
    const request = (url: string, headers: Record<string, string> = {}) => ({ method: 'POST', url, headers });
    expect(keys.apply(request('https://api.example.com/users')).headers).toEqual({ 'idempotency-key': 'evt-1:create-account:2' });
    expect(keys.apply(request('https://other.example.com:8443/x')).headers).toEqual({ 'idempotency-key': 'evt-1:create-account:2' });
    expect(keys.apply(request('https://other.example.com/x')).headers).toEqual({});
    expect(keys.apply(request('https://graph.example.com/users')).headers).toEqual({});
    expect(keys.apply(request('https://api.example.com/users', { 'Idempotency-Key': 'mine' })).headers).toEqual({ 'Idempotency-Key': 'mine' });
    expect(keys.apply(request('not a url')).headers).toEqual({});
  });
});
