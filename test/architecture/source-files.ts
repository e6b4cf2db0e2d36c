// The source files the architecture rules read: every JavaScript and TypeScript file in the repository
// (any of the six extensions), in every folder, outside installed packages, dot-folders and dist/ (the
// build's output, made by `npm run build` from these sources and never committed).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from './import-edges.ts';

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

export function isSourcePath(path: string): boolean {
  return SOURCE_EXTENSIONS.some((extension) => path.endsWith(extension));
}

export function readSourceFiles(root: string, folder = ''): SourceFile[] {
  const entries = readdirSync(join(root, folder), { withFileTypes: true });
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || (folder === '' && entry.name === 'dist')) return [];
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) return readSourceFiles(root, path);
    if (!entry.isFile() || !isSourcePath(path)) return [];
    return [{ path, text: readFileSync(join(root, path), 'utf8') }];
  });
}
