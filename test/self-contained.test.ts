// The project stands on its own: users clone it alone, so no file may reach outside the repository,
// neither through an import nor through a `new URL(..., import.meta.url)` read.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const RELATIVE_REFERENCE = /(?:from\s+|import\s*\(\s*|new URL\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;

function trackedSources(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return listed.split('\0').filter((file) => SOURCE.test(file));
}

function referencesOutside(file: string, text: string): string[] {
  const outside: string[] = [];
  for (const match of text.matchAll(RELATIVE_REFERENCE)) {
    const target = resolve(root, dirname(file), match[1] ?? '');
    if (relative(root, target).startsWith('..')) outside.push(match[1] ?? '');
  }
  return outside;
}

describe('the repository is self-contained', () => {
  it('finds a reference that leaves the tree', () => {
    // Assembled from parts, so that this file does not itself hold a reference that leaves the tree.
    const outside = ['..', '..', '..', 'elsewhere', 'list.json'].join('/');
    expect(referencesOutside('test/x/a.test.ts', `new URL('${outside}', import.meta.url)`)).toEqual([outside]);
    expect(referencesOutside('test/x/a.test.ts', "import { y } from '../helpers/y.ts';")).toEqual([]);
  });

  it('no tracked source file imports or reads outside the repository', () => {
    const offenders = trackedSources().flatMap((file) =>
      referencesOutside(file, readFileSync(resolve(root, file), 'utf8')).map((reference) => `${file}: ${reference}`),
    );
    expect(offenders).toEqual([]);
  });
});
