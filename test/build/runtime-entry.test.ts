// core/runtime-entry/index.ts: which file a module starts as a child process or worker thread.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runtimeEntry, workerThreadEntry } from '../../core/runtime-entry/index.ts';

const SOURCE_CALLER = new URL('../../sandbox/executor-process.ts', import.meta.url).href;
const saved = process.env.JOINERY_SOURCE_BUILD;
const folders: string[] = [];

afterEach(() => {
  if (saved === undefined) delete process.env.JOINERY_SOURCE_BUILD;
  else process.env.JOINERY_SOURCE_BUILD = saved;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function buildWith(...files: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'joinery-runtime-entry-'));
  folders.push(folder);
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), '');
  }
  return folder;
}

describe('runtimeEntry', () => {
  it('starts the compiled file beside a compiled caller, whatever JOINERY_SOURCE_BUILD says', () => {
    process.env.JOINERY_SOURCE_BUILD = buildWith('sandbox/executor-child.js');
    const entry = runtimeEntry('file:///opt/joinery/dist/sandbox/executor-process.js', 'executor-child');
    expect(entry).toEqual({ compiled: true, url: new URL('file:///opt/joinery/dist/sandbox/executor-child.js') });
  });

  it('starts the same file in the build of the sources that JOINERY_SOURCE_BUILD names', () => {
    const build = buildWith('sandbox/executor-child.js');
    process.env.JOINERY_SOURCE_BUILD = build;
    const entry = runtimeEntry(SOURCE_CALLER, 'executor-child');
    expect(entry).toEqual({ compiled: true, url: pathToFileURL(join(build, 'sandbox', 'executor-child.js')) });
  });

  it('falls back to the .ts source when the build lacks the file or none is named', () => {
    const source = new URL('../../sandbox/executor-child.ts', import.meta.url);
    process.env.JOINERY_SOURCE_BUILD = buildWith('core/other.js');
    expect(runtimeEntry(SOURCE_CALLER, 'executor-child')).toEqual({ compiled: false, url: source });
    delete process.env.JOINERY_SOURCE_BUILD;
    expect(runtimeEntry(SOURCE_CALLER, 'executor-child')).toEqual({ compiled: false, url: source });
  });

  it('gives a worker thread from the sources an entry that registers tsx first', () => {
    delete process.env.JOINERY_SOURCE_BUILD;
    const [script, options] = workerThreadEntry(new URL('../../core/registry/record-writer-thread.ts', import.meta.url).href, 'record-writer-worker');
    expect(options).toEqual({ eval: true });
    expect(script).toContain('register()');
    expect(script).toContain('core/registry/record-writer-worker.ts');
  });

  it('is pointed at the fresh dist/ in this test run by the global setup', () => {
    expect(saved).toBe(fileURLToPath(new URL('../../dist', import.meta.url)));
  });
});
