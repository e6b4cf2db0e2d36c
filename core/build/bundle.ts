// One authored file in, one sandbox-ready script out. The bundle is an IIFE that sets
// `globalThis.__handler` to the default export and ends in `void 0`, so evaluating it leaves no function
// as the completion value (an isolate context that ends on a function value is never freed).
// Import and `require` rules live in import-policy.ts; problems are values with fn.ts positions. esbuild
// works in its own process, so a slow build never blocks the caller's event loop; `timeoutMs` bounds the
// wait, and a build past it is cancelled and reported as a value.

import type { BuildFailure, BuildResult, Message } from 'esbuild';
import { isAbsolute, join } from 'node:path';
import { JoineryError } from '../errors.ts';
import { AUTHOR_MESSAGES } from './author-messages.ts';
import { DEFAULT_CHECK_LIMITS, type LimitExceeded } from './check-limits.ts';
import { ENTRY_SPECIFIER, FUNCTION_NAMESPACE, importPolicy } from './import-policy.ts';
import { assertPackageNames } from './package-name.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { FUNCTION_SOURCE, originalPosition } from './source-map.ts';

export interface BundleError {
  /** `fn.ts` for the authored file; a path under node_modules for a package. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (as the type-checker counts). */
  column: number;
  message: string;
}

export type BundleResult =
  | { ok: true; bundle: string; sourceMap: string; durationMs: number }
  /** `limit` is set (and `errors` empty) when the build was stopped at `timeoutMs`. */
  | { ok: false; errors: BundleError[]; limit?: Extract<LimitExceeded, { limit: 'bundleTimeoutMs' }> };

export interface BundleOptions {
  /** npm packages the function may import (configuration); default none. */
  allowedPackages?: string[];
  /** Absolute directory whose node_modules holds the allowed packages; default this package's root. */
  resolveDir?: string;
  /** How long to wait for esbuild (default DEFAULT_CHECK_LIMITS.bundleTimeoutMs). */
  timeoutMs?: number;
}

export const BUNDLE_FOOTER = 'globalThis.__handler = __fn.default; void 0;';
const ENTRY_FILE = 'joinery-entry.js';
const ENTRY_SOURCE = `export { default } from '${ENTRY_SPECIFIER}';\n`;
const FUNCTION_INPUT = `${FUNCTION_NAMESPACE}:${FUNCTION_SOURCE}`;

/** `file:line:column message`, e.g. `fn.ts:3:8 Node module "fs" is not available in the sandbox; ...`. */
export function formatBundleError(error: BundleError): string {
  return `${error.file}:${error.line}:${error.column} ${error.message}`;
}

export async function bundleFunction(
  source: string,
  { allowedPackages = [], resolveDir = PACKAGE_ROOT, timeoutMs = DEFAULT_CHECK_LIMITS.bundleTimeoutMs }: BundleOptions = {},
): Promise<BundleResult> {
  assertValidInput(source, allowedPackages, resolveDir, timeoutMs);
  const started = performance.now();
  let dispose: () => void = () => undefined;
  // esbuild loads on the first bundle, not with the module: servers start without it.
  const { context } = await import('esbuild');
  try {
    const build = await context({
      // The entry re-exports fn.ts's default, so a missing `export default` is a bundling error.
      stdin: { contents: ENTRY_SOURCE, loader: 'js', sourcefile: ENTRY_FILE, resolveDir },
      absWorkingDir: resolveDir, // source-map and error paths come out relative to it: no host paths
      outfile: 'fn.js',
      bundle: true,
      write: false,
      platform: 'neutral',
      mainFields: ['module', 'main'], // neutral defaults to none, so main-only packages would not resolve
      conditions: ['import', 'default'],
      format: 'iife',
      globalName: '__fn',
      target: 'es2022',
      sourcemap: 'external',
      sourcesContent: true,
      metafile: true,
      footer: { js: BUNDLE_FOOTER },
      logLevel: 'silent',
      // esbuild's parser finds every non-literal require, bare `require` and non-literal import(); promote
      // those reports (debug level by default) to errors. Strings and comments never match.
      logOverride: {
        'unsupported-require-call': 'error',
        'indirect-require': 'error',
        'unsupported-dynamic-import': 'error',
        'empty-import-meta': 'error',
      },
      plugins: [importPolicy({ source, resolveDir, entryPath: join(resolveDir, ENTRY_FILE), allowedPackages })],
    });
    const rebuilt = build.rebuild();
    // Dispose once the build has settled: esbuild 0.28.2's service panics (and every later build in this
    // process fails) when a context is disposed mid-build. Cancelling first is safe and ends it sooner.
    dispose = () => void rebuilt.then(() => undefined, () => undefined).then(() => build.dispose()).catch(() => undefined);
    const result = await withinTime(rebuilt, timeoutMs);
    if (result === undefined) {
      void build.cancel().catch(() => undefined);
      return { ok: false, errors: [], limit: { limit: 'bundleTimeoutMs', limitMs: timeoutMs } };
    }
    // A file without import/export syntax (empty, or `export =`) is CommonJS to esbuild: no ES default.
    if (result.metafile.inputs[FUNCTION_INPUT]?.format !== 'esm') {
      return { ok: false, errors: [{ file: FUNCTION_SOURCE, line: 1, column: 1, message: AUTHOR_MESSAGES.noDefaultExport }] };
    }
    const bundle = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
    const mapFile = result.outputFiles.find((file) => file.path.endsWith('.js.map'));
    const sourceMap = withPlainSourceNames(mapFile?.text ?? '{}');
    const leftovers = leftoverRequires(bundle, sourceMap);
    if (leftovers.length > 0) return { ok: false, errors: leftovers };
    return { ok: true, bundle, sourceMap, durationMs: performance.now() - started };
  } catch (error) {
    if (!isBuildFailure(error)) throw new JoineryError('INTERNAL', `esbuild failed: ${String((error as Error)?.message ?? error)}`);
    return { ok: false, errors: error.errors.map(toBundleError) };
  } finally {
    dispose();
  }
}

/** The build's result, or undefined once `timeoutMs` passed first (the build's own outcome is then dropped). */
async function withinTime<T extends BuildResult>(build: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  build.catch(() => undefined); // a cancelled build rejects after nobody waits for it
  try {
    return await Promise.race([build, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function toBundleError(message: Message): BundleError {
  const location = message.location;
  const text = REWORDED[message.id] ?? message.text;
  if (location === null || location.file === ENTRY_FILE || location.file === '<stdin>') {
    const missingDefault = /No matching export .* for import "default"/.test(message.text);
    return { file: FUNCTION_SOURCE, line: 1, column: 1, message: missingDefault ? AUTHOR_MESSAGES.noDefaultExport : text };
  }
  // esbuild counts columns in UTF-8 bytes; authors and the type-checker count UTF-16 code units.
  const before = Buffer.from(location.lineText, 'utf8').subarray(0, location.column).toString('utf8');
  const file = location.file === FUNCTION_INPUT ? FUNCTION_SOURCE : location.file;
  return { file, line: location.line, column: before.length + 1, message: text };
}

/**
 * `joinery-fn:fn.ts` → `fn.ts` in the map's sources, the name mapPosition and stack readers expect.
 * esbuild writes `sources` before `sourcesContent`, so the first occurrence is the name (no 15 ms JSON
 * round trip of zod's 1.3 MB map).
 */
function withPlainSourceNames(sourceMap: string): string {
  const name = JSON.stringify(FUNCTION_INPUT);
  const index = sourceMap.indexOf(name);
  const contentIndex = sourceMap.indexOf('"sourcesContent"');
  if (index === -1 || (contentIndex !== -1 && index > contentIndex)) return sourceMap;
  return sourceMap.slice(0, index) + JSON.stringify(FUNCTION_SOURCE) + sourceMap.slice(index + name.length);
}

const REWORDED: Record<string, string> = {
  'unsupported-require-call': AUTHOR_MESSAGES.require,
  'indirect-require': AUTHOR_MESSAGES.require,
  'unsupported-dynamic-import': AUTHOR_MESSAGES.dynamicImport,
  'empty-import-meta': AUTHOR_MESSAGES.importMeta,
};

/**
 * Uses of `require` that esbuild neither resolves nor reports (`require.resolve(...)`, `require.cache`).
 * esbuild renames every such free `require` to its `__require` shim and emits the shim only then, so the
 * shim's uses, mapped back through the source map, are exactly those places.
 */
function leftoverRequires(bundle: string, sourceMap: string): BundleError[] {
  if (!bundle.includes('\n  var __require = ')) return []; // the shim, as esbuild indents it in an IIFE
  const errors: BundleError[] = [];
  bundle.split('\n').forEach((lineText, index) => {
    for (const match of lineText.matchAll(/(?<![\w$])__require(?![\w$])/g)) {
      if (/\b(var|function)\s+$/.test(lineText.slice(0, match.index))) continue; // the shim's own name
      const { source = FUNCTION_SOURCE, line = 1, column = 1 } = originalPosition(sourceMap, index + 1, match.index + 1) ?? {};
      errors.push({ file: source, line, column, message: AUTHOR_MESSAGES.require });
    }
  });
  return errors;
}

function assertValidInput(source: string, allowedPackages: string[], resolveDir: string, timeoutMs: number): void {
  if (typeof source !== 'string') throw new JoineryError('INVALID_INPUT', 'source must be a string');
  assertPackageNames(allowedPackages);
  if (!isAbsolute(resolveDir)) throw new JoineryError('INVALID_INPUT', 'resolveDir must be an absolute path');
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new JoineryError('INVALID_INPUT', 'timeoutMs must be a positive number');
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors);
}
