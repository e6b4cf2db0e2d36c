// The house rules of style.md, read from every source file of the repository: the dependency direction
// cli → mcp-server → agent → core ← sandbox over every top-level folder, the index-only rule, the
// packages each folder may use (core names no concrete infrastructure). The rules are tested against
// injected violations in test/architecture/injected-violations.test.ts.

import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, topFolder } from './architecture/check-architecture.ts';
import { HOUSE_RULES } from './architecture/house-rules.ts';
import { readSourceFiles } from './architecture/source-files.ts';

const root = resolve(import.meta.dirname, '..');
const files = readSourceFiles(root);

describe('architecture of the repository', () => {
  it('reads every top-level folder and every kind of source file', () => {
    const folders = new Set(files.map((file) => topFolder(file.path)));
    for (const folder of ['agent', 'bench', 'bin', 'cli', 'core', 'evals', 'mcp-server', 'sandbox', 'server', 'templates', 'test']) {
      expect(folders).toContain(folder);
    }
    expect(files.some((file) => file.path.startsWith('bin/') && file.path.endsWith('.js'))).toBe(true);
    expect(files.some((file) => file.path.startsWith('sandbox/guest/') && file.path.endsWith('.js'))).toBe(true);
  });

  it('has no import that breaks a house rule, and no exception left that matches nothing', () => {
    const violations = checkArchitecture(files, HOUSE_RULES).map(
      (violation) => `${violation.rule} ${violation.file}:${violation.line} ${violation.message}`,
    );
    expect(violations).toEqual([]);
  });
});
