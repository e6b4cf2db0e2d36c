// A refused follow-up no longer poisons the chat (issue 12, item 3): with the offline author, a follow-up
// it cannot handle is not applied, the passing draft stays current and publishable, and the next
// follow-up builds on that draft as if the refused one had never been typed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, sharedToolchain } from '../helpers/run-cli.ts';

const cwd = mkdtempSync(join(tmpdir(), 'joinery-chat-follow-ups-'));
// One compiler and one set of executor processes for the file, as a command on a home without a
// config.json starts them (none of these homes has one); each command is otherwise a fresh process.
const toolchain = sharedToolchain({ cwd, home: join(cwd, 'toolchain-home') });
afterAll(async () => {
  await toolchain.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('a refused follow-up', () => {
  it('leaves the passing draft publishable and does not spoil the next follow-up', async () => {
    const session = [
      'Usernames: first initial + last name, lowercase, add a number if taken.',
      'and email the manager a welcome pack',
      '/publish',
      'also use the preferred name when there is one',
      '/quit',
    ].join('\n');
    const options = { cwd, home: join(cwd, '.joinery'), stdin: `${session}\n`, toolchain: toolchain.toolchain, env: { JOINERY_USER: 'hr-bob' } };
    const run = await runCli(['chat'], options);
    // Before, /publish refused after a refused follow-up, and the refused sentence stayed in the
    // conversation so every later follow-up was refused too.
    expect(run.stdout).toContain('✓ published generate-username@1');
    expect(run.stdout).toContain('+  "usePreferredName": true,');
    expect(run.stdout).toContain('✓ the preferred name wins');
    expect(run.stdout).toContain('"and email the manager a welcome pack"');
    expect(run.stdout).toContain('The passing draft of turn 1 stays current: follow-ups build on it and /publish publishes it.');
    expect(run.stdout).toContain('Publishing the current draft, from turn 1');
    expect(run.code).toBe(0);
  });

  it('is never a bare ✓ when it changed nothing: "make it 15 characters max instead" is applied or said as no change', async () => {
    const session = [
      'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD',
      'make it 15 characters max instead',
      '/quit',
    ].join('\n');
    const run = await runCli(['chat', '--out', 'fifteen'], { cwd, home: join(cwd, '.joinery'), stdin: `${session}\n`, toolchain: toolchain.toolchain });
    const followUp = run.stdout.split('rule> ')[2] ?? '';
    const applied = /^\+\+\+ (this function|these fixtures)$/m.test(followUp);
    const saidUnchanged = followUp.includes('= NO CHANGE: the author passed, but the function and fixtures are exactly those of turn 1.');
    const refused = followUp.includes('✗ ');
    // Before, the offline author's unchanged draft was shown as "✓ ..." like any change.
    expect(applied || saidUnchanged || refused).toBe(true);
    if (followUp.includes('✓ ')) expect(applied || saidUnchanged).toBe(true);
  });
});
