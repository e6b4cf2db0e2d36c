// What an executor child loads before it can run anything: every child of the pool starts with it, and an
// MCP server's first run_function waits for one. The compiled child (dist/, built by the global setup)
// statically reaches the sandbox, the host checks and the secret declarations, and nothing of the stores,
// the registry, the runtime or zod (loading those took its start from 183 to 240 ms). esbuild names each
// source file it bundled in a comment, which is what is read here.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const STATIC_IMPORT = /^(?:import|export)\s+(?:[^;]*?\s+from\s+)?"(\.{1,2}\/[^"]+)";?$/gm;
const BUNDLED_SOURCE = /^\/\/ ((?:node_modules\/)?[\w@.-]+\/[\w./@-]+\.[cm]?[jt]s)$/gm;

/** The dist files `entry` loads before it runs: itself and every file it imports statically, transitively. */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) visit(resolve(dirname(file), specifier ?? ''));
  };
  visit(entry);
  return [...seen];
}

function bundledSources(files: readonly string[]): string[] {
  return files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(BUNDLED_SOURCE)].map((match) => match[1] ?? ''));
}

describe('the executor child at start-up', () => {
  const sources = bundledSources(staticClosure(join(DIST, 'sandbox', 'executor-child.js')));

  it('loads the sandbox and what it checks requests with', () => {
    expect(sources).toContain('sandbox/executor-child.ts');
    expect(sources).toContain('sandbox/manifest-guard.ts');
    expect(sources).toContain('core/secret-manifest/secret-manifest.ts');
  });

  it('loads nothing of the stores, the registry, the runtime or zod', () => {
    const heavy = /^(?:node_modules\/zod\/|core\/(?:registry|store|postgres|runtime|ledger|directory|events)\/)/;
    expect(sources.filter((source) => heavy.test(source))).toEqual([]);
  });
});
