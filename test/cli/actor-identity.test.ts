// Issue 9, defect 8 on the command line: every command acts as JOINERY_USER, else the OS user; --as may
// name someone else only under the config's localTrust, and the version and review record how the name
// was established.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../../cli/actor.ts';
import { runCli } from '../helpers/run-cli.ts';

const templates = new URL('../../templates/', import.meta.url);
let cwd: string;
let home: string;
let trustedHome: string;
const cli = (args: string[], env: Record<string, string>, at = home) => runCli(args, { cwd, home: at, env });

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'joinery-actor-'));
  home = join(cwd, '.joinery');
  trustedHome = join(cwd, 'trusted');
  mkdirSync(trustedHome);
  writeFileSync(join(trustedHome, 'config.json'), JSON.stringify({ localTrust: true }));
  copyFileSync(new URL('username/username.ts', templates), join(cwd, 'username.ts'));
  copyFileSync(new URL('username/username.fixtures.json', templates), join(cwd, 'username.fixtures.json'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('the CLI actor', () => {
  it('publish refuses --as someone else without local trust, before doing any work', async () => {
    const refused = await cli(['publish', 'username.ts', '--as', 'bob', '--json'], { JOINERY_USER: 'alice' });
    expect(refused.code).toBe(2);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('--as "bob" is not you') });
  });

  it('publish acts as JOINERY_USER without --as, and records that', async () => {
    const published = await cli(['publish', 'username.ts', '--json'], { JOINERY_USER: 'alice' });
    expect(published.code).toBe(0);
    const shown = (await cli(['show', 'generate-username@1', '--json'], {})).json();
    expect(shown.version).toMatchObject({ author: 'alice', actorSource: 'env' });
  });

  it('review acts as JOINERY_USER too, so the author cannot approve by leaving out --as', async () => {
    const own = await cli(['review', 'generate-username@1', '--approve', '--json'], { JOINERY_USER: 'Alice' });
    expect(own.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('they authored it') });
    const asOther = await cli(['review', 'generate-username@1', '--approve', '--as', 'carol', '--json'], { JOINERY_USER: 'alice' });
    expect(asOther.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('--as "carol" is not you') });
  });

  it('refuses names with invisible characters in --as and in JOINERY_USER', async () => {
    const flag = await cli(['review', 'generate-username@1', '--approve', '--as', 'ca\u200brol', '--json'], { JOINERY_USER: 'carol' });
    expect(flag.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('U+200B') });
    const env = await cli(['review', 'generate-username@1', '--approve', '--json'], { JOINERY_USER: 'ali\u202ece' });
    expect(env.json().error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('JOINERY_USER') });
  });

  it('falls back to the OS user when JOINERY_USER is not set', async () => {
    const reviewed = await cli(['review', 'generate-username@1', '--reject', '--json'], { JOINERY_USER: '' });
    expect(reviewed.code).toBe(0);
    expect(reviewed.json().review).toMatchObject({ reviewer: userInfo().username, actorSource: 'os-user' });
  });

  it('honours --as for someone else under localTrust and records it', async () => {
    expect((await cli(['publish', 'username.ts', '--as', 'alice'], { JOINERY_USER: 'ops' }, trustedHome)).code).toBe(0);
    const reviewed = await cli(['review', 'generate-username@1', '--approve', '--as', 'carol', '--json'], { JOINERY_USER: 'ops' }, trustedHome);
    expect(reviewed.code).toBe(0);
    expect(reviewed.json().review).toMatchObject({ reviewer: 'carol', actorSource: 'as-flag-local-trust' });
    const shown = (await cli(['show', 'generate-username@1', '--json'], {}, trustedHome)).json();
    expect(shown.version).toMatchObject({ author: 'alice', actorSource: 'as-flag-local-trust' });
  });
});

describe('resolveActor', () => {
  const sources = (env: Record<string, string>, localTrust = false) => ({ env, localTrust: () => localTrust, osUser: () => 'osuser' });

  it.each([
    [undefined, {}, { name: 'osuser', source: 'os-user' }],
    [undefined, { JOINERY_USER: 'alice' }, { name: 'alice', source: 'env' }],
    ['ALICE', { JOINERY_USER: 'alice' }, { name: 'alice', source: 'env' }],
    ['ｏｓｕｓｅｒ', {}, { name: 'osuser', source: 'os-user' }],
  ])('--as %j with %j is %j', (asFlag, env, actor) => {
    expect(resolveActor(asFlag, sources(env))).toEqual(actor);
  });

  it('refuses another name unless local trust is on', () => {
    expect(() => resolveActor('bob', sources({}))).toThrow(/not you/);
    expect(resolveActor('bob', sources({}, true))).toEqual({ name: 'bob', source: 'as-flag-local-trust' });
  });
});
