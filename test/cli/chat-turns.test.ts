// Chat turns through the real CLI (in process) with the scripted provider: a clarifying question asked
// inline and answered, a follow-up that changes nothing said as "no change", /history, /undo back to the
// previous draft, and /publish of the current draft. Issue 12, item 3.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { FIXTURES, fixturesGreeting, GOOD_SOURCE, PREFIX_QUESTION, reply, sourceReturning, tool, writeAndFinish } from '../agent/scripted-replies.ts';
import { runCli, sharedToolchain } from '../helpers/run-cli.ts';

const cwd = mkdtempSync(join(tmpdir(), 'joinery-chat-turns-'));
// One compiler and one set of executor processes for the file, as a command on a home without a
// config.json starts them (none of these homes has one); each command is otherwise a fresh process.
const toolchain = sharedToolchain({ cwd, home: join(cwd, 'toolchain-home') });
afterAll(async () => {
  await toolchain.close();
  rmSync(cwd, { recursive: true, force: true });
});

const EXCLAIMED = sourceReturning("'Welcome, ' + event.person.firstName + '!'");
const EXCLAIMED_FIXTURES = fixturesGreeting("Welcome, D'Arcy!");
const rewrite = (source: string, fixtures: unknown[]) => [
  reply(tool('write_function', { source }), tool('write_fixtures', { fixtures }), tool('run_fixtures', {})),
  reply(tool('finish', { summary: 'done' })),
];

async function chat(lines: string[], replies: unknown[], home: string) {
  const script = join(cwd, `${home}.script.json`);
  writeFileSync(script, JSON.stringify(replies));
  const env = { JOINERY_SCRIPT: script, JOINERY_USER: 'hr-bob' };
  const options = { cwd, home: join(cwd, home), stdin: `${lines.join('\n')}\n`, env, toolchain: toolchain.toolchain };
  return runCli(['chat', '--provider', 'scripted', '--out', home], options);
}

describe('chat turns', () => {
  it('asks the question inline, continues with the answer, says "no change", undoes and publishes the previous draft', async () => {
    const run = await chat(
      ['Greet new joiners by first name.', 'make it 15 characters max instead', 'contractors are marked', 'y', '/history', '/undo', '/publish', '/quit'],
      [...writeAndFinish(), ...rewrite(GOOD_SOURCE, FIXTURES), reply(tool('ask_admin', PREFIX_QUESTION)), ...rewrite(EXCLAIMED, EXCLAIMED_FIXTURES)],
      'first',
    );
    expect(run.stderr).not.toContain('error');
    // Turn 2 passed but changed nothing: said loudly, never as a success that changed something.
    expect(run.stdout).toContain('= NO CHANGE: the author passed, but the function and fixtures are exactly those of turn 1.');
    // Turn 3: the question, its choices, the answer taken, then the diff against turn 1.
    expect(run.stdout).toContain('? Contractors: prefix c-?');
    expect(run.stdout).toContain('1) [y] yes, prefix c-');
    expect(run.stdout).toContain('→ Contractor usernames start with c-.');
    expect(run.stdout).toContain("+    return { greeting: 'Welcome, ' + event.person.firstName + '!' };");
    // /history: each turn, what it produced, the answer, and the current one.
    expect(run.stdout).toMatch(/1\. ✓ "Greet new joiners by first name\."\n\s+→ greet-joiner: 1 passed, 0 failed/);
    expect(run.stdout).toMatch(/2\. = "make it 15 characters max instead"\n\s+→ no change from turn 1/);
    expect(run.stdout).toMatch(/3\. ✓ "contractors are marked" {2}← current\n\s+Clarification: Contractor usernames start with c-\.\n/);
    expect(run.stdout).toContain('→ greet-joiner, changed from turn 1: 1 passed, 0 failed');
    expect(run.stdout).toContain('Publishing the current draft, from turn 1 ("Greet new joiners by first name.").');
    expect(run.stdout).toContain('↶ Undid turn 3 ("contractors are marked").');
    expect(run.stdout).toContain('✓ published greet-joiner@1, pending review by someone other than hr-bob');
    expect(run.stdout).not.toContain('\x1b['); // not a terminal: no colour
    expect(run.code).toBe(0);

    // The registry holds turn 1's function (the undo took turn 3 off), with the requirement it answers.
    const registry = createSqliteRegistry(openDatabase(join(cwd, 'first', 'joinery.db')));
    try {
      const first = { source: GOOD_SOURCE, requestedBy: 'hr-bob', requirement: 'Greet new joiners by first name.' };
      expect(registry.getVersion('greet-joiner', 1)).toMatchObject(first);
    } finally {
      registry.close();
    }
    // The files on disk followed the undo back to turn 1.
    expect(readFileSync(join(cwd, 'first', 'greet-joiner.ts'), 'utf8')).toBe(GOOD_SOURCE);
  });

  it('publishes with the clarified requirement; a question left open (a slash command) keeps the draft and exits 1', async () => {
    const run = await chat(
      ['contractors are marked', 'y', '/publish', 'and the manager too', '/quit', '/quit'],
      [reply(tool('ask_admin', PREFIX_QUESTION)), ...writeAndFinish(), reply(tool('ask_admin', { ...PREFIX_QUESTION, question: 'Which manager?' }))],
      'second',
    );
    expect(run.stdout).toContain('✓ published greet-joiner@1');
    expect(run.stdout).toContain('? Not answered: Which manager?');
    expect(run.stdout).toContain('The question stays open; type /quit again at rule>.');
    expect(run.stdout).toContain('The passing draft of turn 1 stays current');
    expect(run.code).toBe(1);
    const registry = createSqliteRegistry(openDatabase(join(cwd, 'second', 'joinery.db')));
    try {
      expect(registry.getVersion('greet-joiner', 1)?.requirement).toBe('contractors are marked\nClarification: Contractor usernames start with c-.');
    } finally {
      registry.close();
    }
  });

  it('/reset starts over; /undo with nothing to undo says so; a mistyped key is asked again', async () => {
    const run = await chat(
      ['/undo', 'Greet new joiners.', 'contractors are marked', 'maybe', 'n', '/reset', '/publish', '/history', '/quit'],
      [...writeAndFinish(), reply(tool('ask_admin', PREFIX_QUESTION)), ...rewrite(EXCLAIMED, EXCLAIMED_FIXTURES)],
      'third',
    );
    expect(run.stdout).toContain('Nothing to undo.');
    expect(run.stdout).toContain('"maybe" is not one of y/n.');
    expect(run.stdout).toContain('→ Contractor usernames get no prefix.');
    expect(run.stdout).toContain('Started over (2 drafts set aside; /history keeps them). Type a new rule.');
    expect(run.stdout).toContain('No draft passes its checks and fixtures yet; nothing can be published.');
    expect(run.stdout).toMatch(/2\. ✓ "contractors are marked" {2}\(reset\)/);
  });
});
