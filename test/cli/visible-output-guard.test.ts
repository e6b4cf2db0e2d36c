// Issue 9, defect 4, closed as a class: the CLI writes to its streams in one place (cli/output.ts), which
// escapes invisible characters, so a new command cannot print raw text by forgetting to. The progress
// spinner writes its own escapes and escapes its messages.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const ALLOWED = new Set(['cli/output.ts', 'cli/progress.ts']);

function files(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : []);
}

describe('CLI output', () => {
  it('is written to a stream only by cli/output.ts (and the spinner)', () => {
    const writers = files('cli').filter((file) => !ALLOWED.has(file) && /\.write\(/.test(readFileSync(join(root, file), 'utf8')));
    expect(writers.map((file) => relative(root, join(root, file)))).toEqual([]);
  });
});
