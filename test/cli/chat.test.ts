import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const cwd = mkdtempSync(join(tmpdir(), 'joinery-chat-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('joinery chat', () => {
  it('authors, takes a follow-up with a code diff, publishes with the admin as requester, keeps the conversation', async () => {
    const session = [
      'Usernames are the first initial plus the last name in lowercase; if taken add 1, 2, 3; keep it within 20 characters for AD',
      'also use the preferred name when there is one',
      '/publish',
      '/quit',
    ].join('\n');
    // The admin at the keyboard is JOINERY_USER: /publish makes them the requester.
    const run = await runCli(['chat'], { cwd, home: join(cwd, '.joinery'), stdin: session + '\n', env: { JOINERY_USER: 'hr-bob' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# generate-username');
    expect(run.stdout).toContain('-  "usePreferredName": false,');
    expect(run.stdout).toContain('+  "usePreferredName": true,');
    expect(run.stdout).toContain('✓ the preferred name wins');
    expect(run.stdout).toContain('✓ published generate-username@1, pending review by someone other than hr-bob');
    const conversation = JSON.parse(readFileSync(join(cwd, 'functions', 'generate-username.conversation.json'), 'utf8'));
    expect(conversation.filter((message: { role: string; content: unknown }) => message.role === 'user' && typeof message.content === 'string')).toHaveLength(2);
    expect(existsSync(join(cwd, 'functions', 'generate-username.spec.md'))).toBe(true);

    const review = await runCli(['review', 'generate-username@1', '--approve', '--json'], { cwd, home: join(cwd, '.joinery'), env: { JOINERY_USER: 'hr-bob' } });
    expect(review.json().error.code).toBe('FORBIDDEN');
  });

  it('says which sentence a follow-up could not handle and keeps the passing draft on disk', async () => {
    const session = ['Usernames: first initial + last name, lowercase, add a number if taken.', 'and email the manager a welcome pack', '/quit'].join('\n');
    const run = await runCli(['chat', '--out', 'second'], { cwd, home: join(cwd, '.joinery'), stdin: session + '\n' });
    expect(run.stdout).toContain('"and email the manager a welcome pack"');
    expect(existsSync(join(cwd, 'second', 'generate-username.ts'))).toBe(true);
    expect(run.code).toBe(1);
  });
});
