// Compiles a bundle in an isolate as the body of a function, and loads it into a context: the script's
// value is that function (running the script runs no guest code), handed to the guest entry, which calls
// it as its first step of 'run' or 'describe', so evaluating the top level (which sets
// globalThis.__handler) and the run share one call into the isolate. The function's first line is the
// wrapper's, so the script starts at line 0 and stack positions stay those of the bundle.
// V8 code cache data is kept per bundle hash: produced here from bundles we were given, never accepted
// from a caller, and only ever consumed by this process. A warm isolate compiles its bundle once and
// loads that script into each run's fresh context (warm-isolates.ts).
import { createHash } from 'node:crypto';
import type { ExternalCopy, Isolate, Reference, Script } from 'isolated-vm';
import type { PreparedIsolate } from './prepared-isolate.ts';
import { recentMemo } from './recent-memo.ts';
import { BUNDLE_FILENAME } from './source-position.ts';

const SYNC_COMPILE_MAX_CHARS = 256 * 1024;

export interface BundleLoader {
  /** Compiles `bundle` and loads it into the prepared context; runs no guest code. */
  (prepared: PreparedIsolate, bundle: string): Promise<void>;
  /** Compiles without running any guest code; the script can then be loaded into any context of `isolate`. */
  compile(isolate: Isolate, bundle: string, key?: string): Promise<Script>;
}

/** Hands the bundle's function, the value of its compiled `script`, to the prepared context's guest entry. */
export function loadScript({ context, entry }: PreparedIsolate, script: Script): void {
  const evaluate = script.runSync(context, { reference: true, release: false }) as Reference<() => void>;
  try {
    entry.applySync(undefined, ['bundle', evaluate.derefInto()]);
  } finally {
    evaluate.release();
  }
}

const WRAPPER_START = '(function () {\n';
const WRAPPER_END = '\n})';

/** The bundle's sha256, remembered for the last few bundles (a warm isolate's key, on every run). */
export const bundleKey = recentMemo((bundle: string): string => createHash('sha256').update(bundle).digest('base64'));

export function createBundleLoader({ maxCachedBundles = 64 }: { maxCachedBundles?: number } = {}): BundleLoader {
  const codeCache = new Map<string, ExternalCopy<ArrayBuffer>>();

  const remember = (key: string, data: ExternalCopy<ArrayBuffer> | undefined) => {
    if (data === undefined) return;
    codeCache.set(key, data);
    if (codeCache.size > maxCachedBundles) {
      const oldest = codeCache.keys().next().value;
      if (oldest !== undefined) codeCache.delete(oldest);
    }
  };

  async function compile(isolate: Isolate, bundle: string, key = bundleKey(bundle)): Promise<Script> {
    const cachedData = codeCache.get(key);
    const origin = { filename: BUNDLE_FILENAME, lineOffset: -1 };
    const options = cachedData === undefined ? { ...origin, produceCachedData: true } : { ...origin, cachedData };
    const source = WRAPPER_START + bundle + WRAPPER_END;
    // Compiling runs no guest code; small bundles compile faster in line than with a thread hop.
    const script = bundle.length <= SYNC_COMPILE_MAX_CHARS ? isolate.compileScriptSync(source, options) : await isolate.compileScript(source, options);
    const produced = script as { cachedData?: ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean };
    if (cachedData === undefined) remember(key, produced.cachedData);
    else if (produced.cachedDataRejected === true) codeCache.delete(key);
    else {
      codeCache.delete(key); // refresh its place in the LRU order
      codeCache.set(key, cachedData);
    }
    return script;
  }

  const loadBundle = async (prepared: PreparedIsolate, bundle: string) => {
    const script = await compile(prepared.isolate, bundle);
    loadScript(prepared, script);
    script.release();
  };
  return Object.assign(loadBundle, { compile });
}
