import { describe, expect, it } from 'vitest';
import { parseDirectoryImport } from '../../core/directory/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

const JOHN = {
  id: 'u1', username: 'jsmith', email: 'jsmith@example.com', displayName: 'John Smith', employeeId: 'E1001',
  department: 'Engineering', status: 'active', groups: ['staff', 'vpn'],
};

describe('parseDirectoryImport: JSON', () => {
  it('accepts an array or { users: [...] }, filling defaults', () => {
    expect(parseDirectoryImport(JSON.stringify([JOHN]), 'json')).toEqual({ users: [JOHN], notes: [] });
    expect(parseDirectoryImport(JSON.stringify({ users: [{ id: 'u2', username: 'adoe' }] }), 'json').users).toEqual([
      { id: 'u2', username: 'adoe', email: '', displayName: '', employeeId: '', department: '', status: 'active', groups: [] },
    ]);
  });

  it('names the record and field of the first invalid user', () => {
    expectError(() => parseDirectoryImport(JSON.stringify([JOHN, { ...JOHN, id: 'u2', email: 42 }]), 'json'), 'INVALID_INPUT', 'users[1].email: Invalid input: expected string, received number');
    expectError(() => parseDirectoryImport(JSON.stringify([{ ...JOHN, username: ' ' }]), 'json'), 'INVALID_INPUT', 'users[0].username: must not be blank');
    expectError(() => parseDirectoryImport(JSON.stringify([{ username: 'x' }]), 'json'), 'INVALID_INPUT', 'users[0].id');
  });

  it('refuses malformed JSON and the wrong shape', () => {
    expectError(() => parseDirectoryImport('[{"id": "u1",', 'json'), 'INVALID_INPUT', 'invalid JSON');
    expectError(() => parseDirectoryImport('{"people": []}', 'json'), 'INVALID_INPUT', 'expected a JSON array of users');
    expectError(() => parseDirectoryImport('null', 'json'), 'INVALID_INPUT', 'expected a JSON array of users');
  });
});

describe('parseDirectoryImport: CSV', () => {
  it('reads a header row, RFC 4180 quoting, ;-separated groups and a default status', () => {
    const csv = [
      'id,username,email,Display Name,employee_id,department,status,groups',
      'u1,jsmith,jsmith@example.com,John Smith,E1001,Engineering,active,staff; vpn',
      'u2,odoe,"o""doe@example.com","Doe, Olivia ""Liv""",E1002,"R&D",,',
      '',
    ].join('\r\n');
    expect(parseDirectoryImport(csv, 'csv').users).toEqual([
      JOHN,
      { id: 'u2', username: 'odoe', email: 'o"doe@example.com', displayName: 'Doe, Olivia "Liv"', employeeId: 'E1002', department: 'R&D', status: 'active', groups: [] },
    ]);
  });

  it('accepts LF line ends, a BOM, blank lines and any column order', () => {
    const csv = '\uFEFFusername,id\n\njsmith,u1\n\nadoe,u2';
    expect(parseDirectoryImport(csv, 'csv').users.map((user) => user.id)).toEqual(['u1', 'u2']);
  });

  it('names the line of an invalid record, counting line breaks inside quotes', () => {
    const csv = 'id,username,department,status\nu1,jdoe,"multi\nline",active\nu2,adoe,,retired\n';
    expectError(() => parseDirectoryImport(csv, 'csv'), 'INVALID_INPUT', 'CSV line 4 (users[1], column status): Invalid option');
    expectError(() => parseDirectoryImport('id,username\nu1,\n', 'csv'), 'INVALID_INPUT', 'CSV line 2 (users[0], column username): must not be blank');
  });

  it.each([
    ['id,username\nu1,"open\n\n', 'CSV line 2: a quoted field starts here and is never closed'],
    ['id,username\nu1,jo"hn\n', 'CSV line 2: a double quote inside an unquoted field'],
    ['id,username\nu1,"john"x\n', 'CSV line 2: unexpected "x" after a closing quote'],
    ['id,username\nu1\n', 'CSV line 2: 1 field, but the header has 2'],
    ['id,grups\n', 'CSV line 1: the header has no username column'],
    ['id,username,ID\n', 'CSV line 1: column id appears twice'],
    ['', 'CSV is empty'],
  ])('refuses %j with a precise error', (csv, message) => {
    expectError(() => parseDirectoryImport(csv, 'csv'), 'INVALID_INPUT', message);
  });
});

describe('parseDirectoryImport: many problems', () => {
  it('names the first ten problems in the message and keeps all of them in details', () => {
    const records = Array.from({ length: 25 }, (_, index) => ({ id: `u${index}`, username: '' }));
    const error = expectError(() => parseDirectoryImport(JSON.stringify(records), 'json'), 'INVALID_INPUT', 'users[0].username');
    expect(error.message).toContain('users[9].username');
    expect(error.message).not.toContain('users[10].username');
    expect(error.message).toContain('and 15 more');
    expect((error.details as { problems: unknown[] }).problems).toHaveLength(25);
  });
});
