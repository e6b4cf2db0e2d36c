// What a bundle may contain: the authored file, the SDK's runtime module and allowlisted npm packages.
// Every import esbuild finds passes through here, so a rejection carries the importing line and column.

import type { OnResolveArgs, OnResolveResult, Plugin } from 'esbuild';
import { isBuiltin } from 'node:module';
import { SDK_MODULE_NAME, SDK_RUNTIME_SOURCE } from '../sdk/index.ts';
import { AUTHOR_MESSAGES } from './author-messages.ts';
import { packageName } from './package-name.ts';

export const ENTRY_SPECIFIER = 'joinery:fn';
/** esbuild names the authored file `joinery-fn:fn.ts`; bundle.ts renames it to plain `fn.ts`. */
export const FUNCTION_NAMESPACE = 'joinery-fn';
const SDK_NAMESPACE = 'joinery-sdk';

export interface ImportPolicyOptions {
  /** The authored file's text: served from memory, never read from disk. */
  source: string;
  /** Where the authored file's package imports resolve from. */
  resolveDir: string;
  /** Absolute path of the generated entry, the only importer of ENTRY_SPECIFIER. */
  entryPath: string;
  allowedPackages: string[];
}

export function importPolicy({ source, resolveDir, entryPath, allowedPackages }: ImportPolicyOptions): Plugin {
  const allowed = new Set(allowedPackages);
  return {
    name: 'joinery-import-policy',
    setup(build) {
      // The authored file lives in its own namespace, so every one of its imports comes here ...
      build.onResolve({ filter: /.*/, namespace: FUNCTION_NAMESPACE }, (args) => decide(args, { fromFunction: true, allowed }));
      // ... while packages pay only for bare and absolute imports: their relative imports (hundreds in
      // zod) stay inside esbuild, which halves the time to bundle zod.
      build.onResolve({ filter: /^[^./]|^\//, namespace: 'file' }, (args) => {
        if (args.path === ENTRY_SPECIFIER && args.importer === entryPath) return { path: 'fn.ts', namespace: FUNCTION_NAMESPACE };
        return decide(args, { fromFunction: false, allowed });
      });
      build.onLoad({ filter: /.*/, namespace: FUNCTION_NAMESPACE }, () => ({ contents: source, loader: 'ts', resolveDir }));
      build.onLoad({ filter: /.*/, namespace: SDK_NAMESPACE }, () => ({ contents: SDK_RUNTIME_SOURCE, loader: 'js' }));
    },
  };
}

interface Decision {
  fromFunction: boolean;
  allowed: Set<string>;
}

/** Undefined lets esbuild resolve the import normally (from resolveDir's node_modules). */
function decide({ path, kind }: OnResolveArgs, { fromFunction, allowed }: Decision): OnResolveResult | undefined {
  if (fromFunction && (kind === 'require-call' || kind === 'require-resolve')) return reject(AUTHOR_MESSAGES.require);
  if (fromFunction && kind === 'dynamic-import') return reject(AUTHOR_MESSAGES.dynamicImport);
  if (path === SDK_MODULE_NAME) return { path, namespace: SDK_NAMESPACE };
  const absolute = path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
  if (absolute || path.startsWith('.')) {
    // A package may import its own files; nothing may import the host's (`import key from '/etc/...json'`).
    if (!fromFunction && !absolute) return undefined;
    return reject(`Import "${path}" is not allowed: a function is a single file that imports only ${SDK_MODULE_NAME} and allowlisted packages.`);
  }
  if (isBuiltin(path)) return reject(`Node module "${path}" is not available in the sandbox; use ctx (directory, http, secrets, log) instead.`);
  const name = packageName(path);
  if (name === undefined) return reject(`"${path}" is not a valid package import.`);
  if (!allowed.has(name)) {
    const list = allowed.size === 0 ? 'no packages are allowed' : `allowed: ${[...allowed].join(', ')}`;
    return reject(`Package "${name}" is not on the allowlist (${list}).`);
  }
  return undefined;
}

function reject(text: string): OnResolveResult {
  return { errors: [{ text }] };
}
