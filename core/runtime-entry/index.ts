// Which file a module starts as a child process or worker thread of its own (the executor child, the record
// writer, the type-check worker). Compiled (dist/, the published package): always the compiled file beside
// the caller. From the TypeScript sources: the same file in a build of those sources when
// JOINERY_SOURCE_BUILD names one (the test suite's global setup builds dist/ from the sources it runs and
// points here, so each child starts from compiled code: about 0.3 s of CPU instead of 1 s through tsx),
// else the .ts source itself, loaded through tsx.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file to start, and whether it is compiled JavaScript (else a .ts source that needs tsx). */
export interface RuntimeEntry {
  compiled: boolean;
  url: URL;
}

const SOURCE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `name` (without extension) beside `callerUrl`, the caller's own `import.meta.url`. */
export function runtimeEntry(callerUrl: string, name: string): RuntimeEntry {
  if (!callerUrl.endsWith('.ts')) return { compiled: true, url: new URL(`./${name}.js`, callerUrl) };
  const source = new URL(`./${name}.ts`, callerUrl);
  const build = process.env.JOINERY_SOURCE_BUILD;
  if (build !== undefined && build !== '') {
    const compiled = join(build, relative(SOURCE_ROOT, fileURLToPath(source)).replace(/\.ts$/, '.js'));
    if (existsSync(compiled)) return { compiled: true, url: pathToFileURL(compiled) };
  }
  return { compiled: false, url: source };
}

/** For a worker thread: the compiled file, or an ESM snippet that registers tsx's hooks first (Node 20
 *  does not apply `--import tsx` to worker threads). */
export function workerThreadEntry(callerUrl: string, name: string): [URL | string, { eval?: boolean }] {
  const entry = runtimeEntry(callerUrl, name);
  if (entry.compiled) return [entry.url, {}];
  const tsx = import.meta.resolve('tsx/esm/api');
  return [`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.url.href)}); });`, { eval: true }];
}
