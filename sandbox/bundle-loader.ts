// Compiles a bundle in an isolate and evaluates its top level (which sets globalThis.__handler).
// V8 code cache data is kept per bundle hash: produced here from bundles we were given, never accepted
// from a caller, and only ever consumed by this process. A warm isolate compiles its bundle once and
// evaluates that script in each run's fresh context (warm-isolates.ts).
import { createHash } from 'node:crypto';
import type { ExternalCopy, Isolate, Script } from 'isolated-vm';
import type { PreparedIsolate } from './prepared-isolate.ts';
import { recentMemo } from './recent-memo.ts';
import { BUNDLE_FILENAME } from './source-position.ts';

const SYNC_COMPILE_MAX_CHARS = 256 * 1024;

export interface BundleLoader {
  (prepared: PreparedIsolate, bundle: string): Promise<void>;
  /** Compiles without running any guest code; the script can then run in any context of `isolate`. */
  compile(isolate: Isolate, bundle: string, key?: string): Promise<Script>;
}

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
    const options = cachedData === undefined ? { filename: BUNDLE_FILENAME, produceCachedData: true } : { filename: BUNDLE_FILENAME, cachedData };
    // Compiling runs no guest code; small bundles compile faster in line than with a thread hop.
    const script = bundle.length <= SYNC_COMPILE_MAX_CHARS ? isolate.compileScriptSync(bundle, options) : await isolate.compileScript(bundle, options);
    const produced = script as { cachedData?: ExternalCopy<ArrayBuffer>; cachedDataRejected?: boolean };
    if (cachedData === undefined) remember(key, produced.cachedData);
    else if (produced.cachedDataRejected === true) codeCache.delete(key);
    else {
      codeCache.delete(key); // refresh its place in the LRU order
      codeCache.set(key, cachedData);
    }
    return script;
  }

  const loadBundle = async ({ isolate, context }: PreparedIsolate, bundle: string) => {
    const script = await compile(isolate, bundle);
    await script.run(context, { release: true }); // guest code: async, so the watchdog can stop it
  };
  return Object.assign(loadBundle, { compile });
}
