// The dependency direction of style.md: cli → mcp-server → agent → core ← sandbox. Only composition
// roots (cli, the MCP entry points, the eval runner) may reach the concrete sandbox.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  sandbox: ['core', 'sandbox'],
  agent: ['core', 'agent'],
  'mcp-server': ['core', 'agent', 'mcp-server', 'sandbox'],
  evals: ['core', 'agent', 'evals', 'sandbox'],
  server: ['core', 'sandbox', 'server'],
  cli: ['core', 'agent', 'mcp-server', 'evals', 'sandbox', 'server', 'cli'],
};

function sourceFiles(folder: string): string[] {
  const full = join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(full, entry);
    if (statSync(path).isDirectory()) return sourceFiles(relative(root, path));
    return entry.endsWith('.ts') ? [path] : [];
  });
}

function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(root, resolve(file, '..', specifier)));
}

describe('dependency direction', () => {
  for (const [folder, allowed] of Object.entries(ALLOWED)) {
    it(`${folder}/ imports only from ${allowed.join(', ')}`, () => {
      const wrong = sourceFiles(folder).flatMap((file) =>
        relativeImports(file)
          .filter((target) => !allowed.includes(target.split(sep)[0]!))
          .map((target) => `${relative(root, file)} → ${target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it('core/ imports no concrete infrastructure package', () => {
    const concrete = ['isolated-vm', '@anthropic-ai/sdk', '@modelcontextprotocol/sdk'];
    const offenders = sourceFiles('core').filter((file) => concrete.some((name) => readFileSync(file, 'utf8').includes(`from '${name}`)));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});
