// Issue 9, defect 10: a directory import refuses what would corrupt an identity store (invalid UTF-8,
// invisible characters in identifiers, spreadsheet formula prefixes) and accepts what real HR exports
// look like (extra columns, "Active", ";"-separated files).

import { describe, expect, it } from 'vitest';
import { parseDirectoryImport } from '../../core/directory/index.ts';
import { expectError } from '../registry/expect-joinery-error.ts';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('directory import: refused', () => {
  it.each([
    ['a stray continuation byte', 'csv', bytes('id,username\nu1,j', [0x80], 'smith\n'), 16],
    ['a truncated sequence', 'csv', bytes('id,username\nu1,Zo', [0xc3], '\n'), 17],
    ['an overlong encoding', 'csv', bytes('id,username\nu1,', [0xc0, 0xaf], '\n'), 15],
    ['an encoded surrogate', 'json', bytes('[{"id":"u1","username":"', [0xed, 0xa0, 0x80], '"}]'), 24],
  ] as const)('invalid UTF-8 (%s), naming the byte offset', (_label, format, file, offset) => {
    expectError(() => parseDirectoryImport(file, format), 'INVALID_INPUT', `not valid UTF-8 at byte offset ${offset}`);
  });

  it('accepts valid UTF-8 bytes as text', () => {
    expect(parseDirectoryImport(bytes('id,username,displayName\nu1,zoe,Zoë 東京\n'), 'csv').users[0]).toMatchObject({ displayName: 'Zoë 東京' });
  });

  it.each([
    ['username', 'j\u200bsmith', 'U+200B'],
    ['username', 'jsmith\u3164', 'U+3164'],
    ['email', 'jsmith@exam\u202eple.com', 'U+202E'],
    ['email', '\ufeffjsmith@example.com', 'U+FEFF'],
    ['id', 'u\u00001', 'U+0000'],
    ['groups', ['vpn\u200d'], 'U+200D'],
  ])('an invisible character in %s', (field, value, codePoint) => {
    const user = { id: 'u1', username: 'jsmith', [field]: value };
    expectError(() => parseDirectoryImport(JSON.stringify([user]), 'json'), 'INVALID_INPUT', `users[0].${field}`);
    expectError(() => parseDirectoryImport(JSON.stringify([user]), 'json'), 'INVALID_INPUT', codePoint);
  });

  it('control and bidi characters in display names and departments, but not joiners some scripts need', () => {
    expectError(() => parseDirectoryImport(JSON.stringify([{ id: 'u1', username: 'a', displayName: 'Eve\u202e' }]), 'json'), 'INVALID_INPUT', 'users[0].displayName');
    expectError(() => parseDirectoryImport(JSON.stringify([{ id: 'u1', username: 'a', department: 'R&D\x1b[2J' }]), 'json'), 'INVALID_INPUT', 'users[0].department');
    const persian = 'می\u200cخواهم';
    expect(parseDirectoryImport(JSON.stringify([{ id: 'u1', username: 'a', displayName: persian }]), 'json').users[0]?.displayName).toBe(persian);
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', '"="'],
    ['+cmd|\' /C calc\'!A0', '"+"'],
    ['-2+3', '"-"'],
    ['@SUM(1+1)', '"@"'],
    ['\tlooks blank', 'a tab'],
    ['\rlooks blank', 'a carriage return'],
  ])('a formula prefix: %j, with the line and column', (value, named) => {
    const csv = `id,username,displayName\nu1,jsmith,"${value.replace(/"/g, '""')}"\n`;
    expectError(() => parseDirectoryImport(csv, 'csv'), 'INVALID_INPUT', `CSV line 2 (users[0], column displayName): starts with ${named}`);
  });

  it('a formula prefix in JSON imports and in any text field', () => {
    expectError(() => parseDirectoryImport(JSON.stringify([{ id: 'u1', username: '=cmd' }]), 'json'), 'INVALID_INPUT', 'users[0].username: starts with "="');
    expectError(() => parseDirectoryImport(JSON.stringify([{ id: 'u1', username: 'a', groups: ['ok', '+x'] }]), 'json'), 'INVALID_INPUT', 'users[0].groups[1]');
  });

  it('a header without the id or username column', () => {
    expectError(() => parseDirectoryImport('id,email\nu1,a@b.c\n', 'csv'), 'INVALID_INPUT', 'CSV line 1: the header has no username column');
  });
});

describe('directory import: real HR exports', () => {
  it('ignores extra columns, with a note naming them', () => {
    const csv = 'Employee ID,id,username,Manager,Cost Center\nE1,u1,jsmith,Bob,CC1\n';
    const { users, notes } = parseDirectoryImport(csv, 'csv');
    expect(users).toEqual([expect.objectContaining({ id: 'u1', username: 'jsmith', employeeId: 'E1' })]);
    expect(notes).toEqual(['ignored 2 columns Joinery does not read: "Manager" (column 4), "Cost Center" (column 5)']);
  });

  it('reads status in any case', () => {
    const csv = 'id,username,status\nu1,a,Active\nu2,b,DISABLED\nu3,c, Disabled \n';
    expect(parseDirectoryImport(csv, 'csv').users.map((user) => user.status)).toEqual(['active', 'disabled', 'disabled']);
    expect(parseDirectoryImport(JSON.stringify([{ id: 'u1', username: 'a', status: 'Disabled' }]), 'json').users[0]?.status).toBe('disabled');
  });

  it('reads ";"-separated files, sniffed from the header line', () => {
    const csv = 'id;username;Display Name;groups\r\nu1;jsmith;"Smith; John";"staff;vpn"\r\nu2;adoe;Ann, Doe;\r\n';
    expect(parseDirectoryImport(csv, 'csv').users).toEqual([
      expect.objectContaining({ id: 'u1', displayName: 'Smith; John', groups: ['staff', 'vpn'] }),
      expect.objectContaining({ id: 'u2', displayName: 'Ann, Doe', groups: [] }),
    ]);
  });
});
