// The source files the architecture rules read: every JavaScript and TypeScript file in the repository
// (any of the six extensions), in every folder, outside installed packages, dot-folders and the top-level
// folders .gitignore names (dist/, the build's output; functions/, what `joinery author` writes for the
// user): they are made from the project or by it, never part of it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from './import-edges.ts';

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

export function isSourcePath(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

/** Top-level folders .gitignore excludes, written as `name/` on a line of their own. */
function ignoredFolders(root: string): Set<string> {
  const file = join(root, '.gitignore');
  if (!existsSync(file)) return new Set();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).map((line) => line.trim());
  return new Set(lines.filter((line) => /^[\w.-]+\/$/.test(line)).map((line) => line.slice(0, -1)));
}

export function readSourceFiles(root: string, folder = '', ignored = ignoredFolders(root)): SourceFile[] {
  const entries = readdirSync(join(root, folder), { withFileTypes: true });
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || (folder === '' && ignored.has(entry.name))) return [];
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) return readSourceFiles(root, path, ignored);
    if (!entry.isFile() || !isSourcePath(path)) return [];
    return [{ path, text: readFileSync(join(root, path), 'utf8') }];
  });
}
