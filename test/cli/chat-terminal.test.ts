// Issue 12, item 3, as a person sees it: `joinery chat` in a real pseudo-terminal (the compiled CLI,
// the scripted provider) asks the author's clarifying question, takes the typed answer and goes on, then
// /undo goes back to the first draft and /publish publishes that one; the registry shows it. Colour is on
// at a terminal and off with NO_COLOR; `joinery author` asks its question at a terminal too.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { fixturesGreeting, GOOD_SOURCE, PREFIX_QUESTION, reply, sourceReturning, tool, writeAndFinish } from '../agent/scripted-replies.ts';
import { startTerminalSession } from '../helpers/terminal-session.ts';

const JOINERY_BIN = fileURLToPath(new URL('../../bin/joinery.js', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'joinery-chat-terminal-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));
/** A colour escape (select graphic rendition); the spinner's own erase-line escape is not one. */
const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);

let runs = 0;

function joinery(args: string[], replies: unknown[], env: Record<string, string> = {}) {
  const run = `${args[0]}-${++runs}`;
  const script = join(cwd, `${run}.script.json`);
  writeFileSync(script, JSON.stringify(replies));
  const home = join(cwd, `${run}-home`);
  const settings = { JOINERY_HOME: home, JOINERY_USER: 'hr-bob', JOINERY_SCRIPT: script, ...env };
  const session = startTerminalSession({ command: process.execPath, args: [JOINERY_BIN, ...args], cwd, env: settings });
  return { session, home };
}

describe('in a terminal', () => {
  it('chat: a clarifying question answered, /undo, /publish', async () => {
    const exclaimed = sourceReturning("'Welcome, ' + event.person.firstName + '!'");
    const { session, home } = joinery(['chat', '--provider', 'scripted'], [
      ...writeAndFinish(),
      reply(tool('ask_admin', PREFIX_QUESTION)),
      reply(
        tool('write_function', { source: exclaimed }),
        tool('write_fixtures', { fixtures: fixturesGreeting("Welcome, D'Arcy!") }),
        tool('run_fixtures', {}),
      ),
      reply(tool('finish', { summary: 'contractors handled' })),
    ]);
    await session.waitFor('rule> ');
    session.type('Greet new joiners by first name.');
    await session.waitFor('✓ done (2 turns)');
    await session.waitFor('rule> ');
    session.type('contractors are marked');
    await session.waitFor('? Contractors: prefix c-?');
    await session.waitFor('answer [y/n, a number, your own sentence, or empty to skip]> ');
    session.type('y');
    await session.waitFor('✓ contractors handled');
    await session.waitFor('rule> ');
    session.type('/undo');
    await session.waitFor('rule> ');
    session.type('/publish');
    await session.waitFor('rule> ');
    session.type('/quit');
    expect(await session.exitCode).toBe(0);

    const screen = session.screen();
    // The question in colour, its choices, the typed answer echoed by the terminal, the answer taken.
    expect(screen).toContain('\x1b[1;36m? Contractors: prefix c-?\x1b[0m');
    expect(screen).toContain('1) [y] yes, prefix c-');
    expect(screen).toMatch(/or empty to skip\]> y\r?\n/);
    expect(screen).toContain('→ Contractor usernames start with c-.');
    expect(screen).toContain("\x1b[32m+    return { greeting: 'Welcome, ' + event.person.firstName + '!' };\x1b[0m");
    expect(screen).toContain('↶ Undid turn 2 ("contractors are marked").');
    expect(screen).toContain('✓ published greet-joiner@1, pending review by someone other than hr-bob');

    const registry = createSqliteRegistry(openDatabase(join(home, 'joinery.db')));
    try {
      expect(registry.listVersions('greet-joiner')).toHaveLength(1);
      const first = { source: GOOD_SOURCE, status: 'pending_review', requestedBy: 'hr-bob', author: 'agent:chat' };
      expect(registry.getVersion('greet-joiner', 1)).toMatchObject(first);
    } finally {
      registry.close();
    }
  });

  it('author: the question asked at the terminal, answered by number, and authoring goes on', async () => {
    const args = ['author', 'Greet new joiners; contractors are marked.', '--provider', 'scripted'];
    const { session } = joinery(args, [reply(tool('ask_admin', PREFIX_QUESTION)), ...writeAndFinish()]);
    await session.waitFor('? Contractors: prefix c-?');
    await session.waitFor('or empty to skip]> ');
    session.type('2');
    await session.waitFor('→ Contractor usernames get no prefix.');
    expect(await session.exitCode).toBe(0);
    expect(session.screen()).toContain('✓ done (scripted, 2 turns');
  });

  it('chat: no colour with NO_COLOR set, at the same terminal', async () => {
    const { session } = joinery(['chat', '--provider', 'scripted'], writeAndFinish(), { NO_COLOR: '1' });
    await session.waitFor('rule> ');
    session.type('Greet new joiners by first name.');
    await session.waitFor('✓ done (2 turns)');
    await session.waitFor('rule> ');
    session.type('/quit');
    expect(await session.exitCode).toBe(0);
    expect(session.screen()).not.toMatch(SGR);
  });
});
