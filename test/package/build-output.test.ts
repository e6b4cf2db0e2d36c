// The compiled tree (dist/, built by the global setup) keeps the promises scripts/build.mjs makes: every
// file the runtime reads through `new URL(..., import.meta.url)` is there at the same relative place, and
// every child-process or worker entry a source starts beside itself (`runtimeEntry(import.meta.url, name)`,
// core/runtime-entry) was built.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const PLAN_URL = new URL('../../scripts/build-plan.mjs', import.meta.url).href;
const RUNTIME_READ = /new URL\(\s*(['"`])(.*?)\1\s*,\s*import\.meta\.url\s*\)/g;
const ENTRY_START = /(?:runtimeEntry|workerThreadEntry)\(\s*import\.meta\.url\s*,\s*(['"`])([\w-]+)\1\s*\)/g;

async function runtimeSources(): Promise<string[]> {
  const { INPUT_FOLDERS } = (await import(PLAN_URL)) as { INPUT_FOLDERS: string[] };
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory() && path !== 'evals/references') walk(path);
      else if (entry.name.endsWith('.ts')) found.push(path);
    }
  };
  for (const folder of INPUT_FOLDERS.filter((name) => name !== 'scripts')) walk(folder);
  return found;
}

/** Each `new URL(target, import.meta.url)` of the sources, as the path it names in dist/ (a template's fixed part). */
async function runtimeReads(): Promise<Array<{ source: string; target: string; inDist: string }>> {
  const reads = [];
  for (const source of await runtimeSources()) {
    const text = readFileSync(join(ROOT, source), 'utf8');
    for (const [, , target = ''] of text.matchAll(RUNTIME_READ)) {
      // `./guest/${name}.js`: a folder of files.
      const path = target.includes('${') ? dirname(target.slice(0, target.indexOf('${')) + 'x') : target;
      reads.push({ source, target, inDist: join(DIST, dirname(source), path) });
    }
    for (const [, , name = ''] of text.matchAll(ENTRY_START)) {
      reads.push({ source, target: `./${name}.js`, inDist: join(DIST, dirname(source), `${name}.js`) });
    }
  }
  return reads;
}

describe('the compiled tree', () => {
  it('holds every file the runtime reads beside its code, and every entry a source starts', async () => {
    const reads = await runtimeReads();
    const expected = ['../../docs/contract.md', './guest/${name}.js', './executor-child.js', './record-writer-worker.js', './type-check-worker.js'];
    expect(reads.map((read) => read.target)).toEqual(expect.arrayContaining(expected));
    expect(reads.filter((read) => !existsSync(read.inDist)).map(({ source, target }) => `${source}: ${target}`)).toEqual([]);
  });

  it('rewrote every import.meta.url of the sources (no build mark is left for run time)', () => {
    const outputs = Object.keys((JSON.parse(readFileSync(join(DIST, 'build-manifest.json'), 'utf8')) as { files: Record<string, string[]> }).files);
    expect(outputs.length).toBeGreaterThan(2);
    expect(outputs.filter((path) => readFileSync(join(DIST, path), 'utf8').includes('__joineryModuleUrl'))).toEqual([]);
  });

  it('is loaded as ES modules from the package root: no package.json of its own', () => {
    expect(existsSync(join(DIST, 'package.json'))).toBe(false);
    expect(readdirSync(join(DIST, 'cli'))).toContain('main.js');
  });
});
