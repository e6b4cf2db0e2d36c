// Issue 9, defect 10 through the CLI: function sources, fixture files and directory exports that are not
// valid UTF-8 are refused with the byte offset; an HR export with extra columns imports with a note.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

let cwd: string;
let home: string;
const cli = (args: string[]) => runCli(args, { cwd, home });
const latin1 = (text: string) => Buffer.from(text, 'latin1');

beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-encoding-'));
  home = join(cwd, '.joinery');
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('files that are not UTF-8', () => {
  it('a function source saved as Latin-1 is refused by check and test, with the byte offset', async () => {
    writeFileSync(join(cwd, 'fn.ts'), latin1("// Zoë\nexport default 1;\n"));
    writeFileSync(join(cwd, 'fn.fixtures.json'), '[]');
    for (const command of [['check', 'fn.ts'], ['test', 'fn.ts']]) {
      const run = await cli([...command, '--json']);
      expect(run.code).toBe(2);
      expect(run.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('function file "fn.ts" is not valid UTF-8 at byte offset 5 (byte 0xeb)') });
    }
  });

  it('a fixture file with a bad byte is refused', async () => {
    writeFileSync(join(cwd, 'ok.ts'), 'export default 1;\n');
    writeFileSync(join(cwd, 'ok.fixtures.json'), Buffer.concat([Buffer.from('[{"name": "caf'), Buffer.from([0xe9]), Buffer.from('"}]')]));
    const run = await cli(['test', 'ok.ts', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().error.message).toContain('fixture file "ok.fixtures.json" is not valid UTF-8 at byte offset 14');
  });

  it('a directory export with a bad byte is refused, and nothing is imported', async () => {
    writeFileSync(join(cwd, 'people.csv'), latin1('id,username,displayName\nu1,zoe,Zoë\n'));
    const run = await cli(['directory', 'import', 'people.csv', '--json']);
    expect(run.code).toBe(2);
    expect(run.json().error.message).toContain('directory file "people.csv" is not valid UTF-8 at byte offset 33');
    expect((await cli(['directory', 'list', '--json'])).json().users).toEqual([]);
  });
});

describe('a real HR export', () => {
  it('imports with extra columns noted, "Active" read as active and ";" separators', async () => {
    writeFileSync(join(cwd, 'hr.csv'), 'Employee ID;id;username;Status;Manager\r\nE1;u1;jsmith;Active;Bob\r\n');
    const run = await cli(['directory', 'import', 'hr.csv', '--json']);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ added: 1, notes: ['ignored 1 column Joinery does not read: "Manager" (column 5)'] });
    expect(run.stderr).toContain('note: ignored 1 column');
    expect((await cli(['directory', 'list', '--json'])).json().users).toEqual([expect.objectContaining({ username: 'jsmith', employeeId: 'E1', status: 'active' })]);
  });
});
