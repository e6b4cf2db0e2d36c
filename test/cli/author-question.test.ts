// `joinery author` when the author asks a clarifying question and no one is at a terminal: exit 4 with the
// question (as JSON under --json), then the next call answers it with --answer <key> or --clarify.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { openDatabase } from '../../core/store/index.ts';
import { PREFIX_QUESTION, reply, tool, writeAndFinish } from '../agent/scripted-replies.ts';
import { runCli, sharedToolchain } from '../helpers/run-cli.ts';

const cwd = mkdtempSync(join(tmpdir(), 'joinery-author-question-'));
// One compiler and one set of executor processes for the file, as a command on a home without a
// config.json starts them (none of these homes has one); each command is otherwise a fresh process.
const toolchain = sharedToolchain({ cwd, home: join(cwd, 'toolchain-home') });
afterAll(async () => {
  await toolchain.close();
  rmSync(cwd, { recursive: true, force: true });
});
const REQUIREMENT = 'Greet new joiners by first name; contractors are marked.';
const ASK = reply(tool('ask_admin', PREFIX_QUESTION));
let runs = 0;

async function author(args: string[], replies: unknown[]) {
  const script = join(cwd, `script-${++runs}.json`);
  writeFileSync(script, JSON.stringify(replies));
  const home = join(cwd, `home-${runs}`);
  const options = { cwd, home, env: { JOINERY_SCRIPT: script }, toolchain: toolchain.toolchain };
  return runCli(['author', REQUIREMENT, '--provider', 'scripted', '--out', `out-${runs}`, ...args], options);
}

function publishedRequirement(run: number): string | null | undefined {
  const registry = createSqliteRegistry(openDatabase(join(cwd, `home-${run}`, 'joinery.db')));
  try {
    return registry.getVersion('greet-joiner', 1)?.requirement;
  } finally {
    registry.close();
  }
}

describe('joinery author and a clarifying question', () => {
  it('exits 4 with the question and how to answer it', async () => {
    const run = await author([], [ASK]);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('? Contractors: prefix c-?');
    expect(run.stdout).toContain('2) [n] no prefix');
    expect(run.stdout).toContain('the same command with --answer <y|n>, or --clarify "<your sentence>"');
  });

  it('gives the question to a script as JSON', async () => {
    const run = await author(['--json'], [ASK]);
    expect(run.code).toBe(4);
    expect(run.json()).toMatchObject({ ok: false, stop: 'needs-answer', question: PREFIX_QUESTION, clarifications: [], unmatchedAnswers: [] });
  });

  it('--answer <key> answers the question when it comes and continues', async () => {
    const run = await author(['--answer', 'Y', '--publish', '--json'], [ASK, ...writeAndFinish()]);
    expect(run.code).toBe(0);
    const clarifications = ['Contractor usernames start with c-.'];
    expect(run.json()).toMatchObject({ ok: true, stop: 'finished', question: null, clarifications, published: { version: 1 } });
    expect(publishedRequirement(runs)).toBe(`${REQUIREMENT}\nClarification: Contractor usernames start with c-.`);
  });

  it('--clarify adds the sentence before authoring, so the author need not ask', async () => {
    const run = await author(['--clarify', 'Contractor usernames get no prefix.', '--publish', '--json'], writeAndFinish());
    expect(run.code).toBe(0);
    expect(publishedRequirement(runs)).toBe(`${REQUIREMENT}\nClarification: Contractor usernames get no prefix.`);
  });

  it('a key that names no choice is reported, not guessed at', async () => {
    const run = await author(['--answer', 'maybe', '--json'], [ASK]);
    expect(run.code).toBe(4);
    expect(run.json()).toMatchObject({ stop: 'needs-answer', unmatchedAnswers: ['maybe'] });
    expect(run.stderr).toContain('--answer maybe is not one of the choices for "Contractors: prefix c-?"');
  });

  it('an empty --clarify is bad input', async () => {
    const run = await author(['--clarify', ' ', '--json'], []);
    expect(run.code).toBe(2);
    expect(run.json().error.code).toBe('INVALID_INPUT');
  });
});
