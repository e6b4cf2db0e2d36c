// `joinery flow publish|review|list|show`: a thin layer over the flow store, four eyes included.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteRegistry } from '../../core/registry/index.ts';
import { closeDatabase, openDatabase } from '../../core/store/index.ts';
import { runCli } from '../helpers/run-cli.ts';
import { samplePublishInput } from '../registry/sample-publish-input.ts';

describe('joinery flow', () => {
  let folder: string;
  let home: string;
  const cli = (...args: string[]) => runCli(args, { cwd: folder, home });
  // The CLI acts as JOINERY_USER (or the OS user); --as someone else needs local trust, which these tests do not enable.
  const cliAs = (user: string) => (...args: string[]) => runCli(args, { cwd: folder, home, env: { JOINERY_USER: user } });

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'joinery-flow-'));
    home = join(folder, '.joinery');
    const db = openDatabase(join(home, 'joinery.db'));
    const registry = createSqliteRegistry(db);
    for (const name of ['make-username', 'grant-vpn']) registry.publish(samplePublishInput({ name }));
    closeDatabase(db);
    const steps = [{ function: 'make-username' }, { function: 'grant-vpn', condition: { path: 'person.employmentType', in: ['employee', 'intern'] } }];
    writeFileSync(join(folder, 'onboarding.json'), JSON.stringify({ name: 'onboarding', trigger: 'user.joined', steps }));
    writeFileSync(join(folder, 'typo.json'), JSON.stringify({ name: 'onboarding', trigger: 'user.joined', steps: [{ function: 'ghost' }] }));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('publishes, refuses a self-review, approves with a second person, lists and shows', async () => {
    const published = await cliAs('alice')('flow', 'publish', 'onboarding.json', '--json');
    expect(published.code).toBe(0);
    expect(published.json().flow).toMatchObject({ name: 'onboarding', version: 1, status: 'pending_review', author: 'alice' });

    const self = await cliAs('Alice')('flow', 'review', 'onboarding@1', '--approve');
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('reviewed by a second person');

    const approved = await cliAs('rita')('flow', 'review', 'onboarding@1', '--approve');
    expect(approved.code).toBe(0);
    expect(approved.stdout).toContain('onboarding@1 is now active');

    expect((await cli('flow', 'list')).stdout).toMatch(/onboarding\s+user\.joined\s+1\s+approved\s+1/);
    const shown = await cli('flow', 'show', 'onboarding');
    expect(shown.stdout).toContain('1. make-username');
    expect(shown.stdout).toContain('2. grant-vpn  when {"path":"person.employmentType","in":["employee","intern"]}');
  });

  it.each([
    [['flow'], /say what to do/],
    [['flow', 'publish'], /the flow file is required/],
    [['flow', 'publish', 'missing.json'], /does not exist/],
    [['flow', 'publish', 'typo.json'], /never published: ghost/],
    [['flow', 'review', 'onboarding'], /needs a version/],
    [['flow', 'review', 'onboarding@1'], /exactly one of --approve or --reject/],
    [['flow', 'show', 'nothing'], /no flow nothing/],
  ])('refuses %j with exit 2 and a clear message', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
