// The command table names every command and its summary without importing it (for `--help`), so each
// entry must agree with the module it loads, and every module under cli/commands/ must be in the table.

import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../cli/commands/index.ts';

const COMMANDS_DIR = fileURLToPath(new URL('../../cli/commands/', import.meta.url));

describe('the command table', () => {
  it.each(COMMANDS.map((entry) => [entry.name, entry] as const))('%s loads a command with the same name and summary', async (_name, entry) => {
    const command = await entry.load();
    expect({ name: command.name, summary: command.summary }).toEqual({ name: entry.name, summary: entry.summary });
  });

  it('lists every command module once', () => {
    const modules = readdirSync(COMMANDS_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts').map((file) => file.replace(/\.ts$/, ''));
    expect(COMMANDS.map((entry) => entry.name).sort()).toEqual(modules.sort());
  });
});
