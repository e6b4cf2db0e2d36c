// What a bundle may contain: the authored file, the SDK's runtime module and allowlisted npm packages.
// Every import esbuild finds passes through here, so a rejection carries the importing line and column.

import type { OnResolveArgs, OnResolveResult, Plugin } from 'esbuild';
import { isBuiltin } from 'node:module';
import { SDK_MODULE_NAME, SDK_RUNTIME_SOURCE } from '../sdk/index.ts';

export const ENTRY_SPECIFIER = 'joinery:fn';
const SDK_NAMESPACE = 'joinery-sdk';

export const MESSAGES = {
  require: 'require() is not available in the sandbox: use a static `import` at the top of the file.',
  dynamicImport: 'Dynamic import() is not allowed: use a static `import` at the top of the file.',
  importMeta: 'import.meta is not available in the sandbox.',
  noDefaultExport: 'fn.ts has no default export: end it with `export default defineFunction({ ... })`.',
} as const;

export interface ImportPolicyOptions {
  /** Absolute path esbuild knows the authored file by; its source comes from `source`, never the disk. */
  functionPath: string;
  /** Absolute path of the generated entry, the only importer of ENTRY_SPECIFIER. */
  entryPath: string;
  source: string;
  allowedPackages: string[];
}

export function importPolicy({ functionPath, entryPath, source, allowedPackages }: ImportPolicyOptions): Plugin {
  const allowed = new Set(allowedPackages);
  return {
    name: 'joinery-import-policy',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path === ENTRY_SPECIFIER && args.importer === entryPath) return { path: functionPath };
        return decide(args, { fromFunction: args.importer === functionPath, allowed });
      });
      const onlyFunction = new RegExp(`^${functionPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
      build.onLoad({ filter: onlyFunction, namespace: 'file' }, () => ({ contents: source, loader: 'ts' }));
      build.onLoad({ filter: /.*/, namespace: SDK_NAMESPACE }, () => ({ contents: SDK_RUNTIME_SOURCE, loader: 'js' }));
    },
  };
}

/** Undefined lets esbuild resolve the import normally (from resolveDir's node_modules). */
function decide(args: OnResolveArgs, { fromFunction, allowed }: { fromFunction: boolean; allowed: Set<string> }): OnResolveResult | undefined {
  const { path, kind } = args;
  if (fromFunction && (kind === 'require-call' || kind === 'require-resolve')) return reject(MESSAGES.require);
  if (fromFunction && kind === 'dynamic-import') return reject(MESSAGES.dynamicImport);
  if (path === SDK_MODULE_NAME) return { path, namespace: SDK_NAMESPACE };
  if (path.startsWith('.') || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) {
    // Packages import their own files; the authored file is one file and must not reach the host's.
    return fromFunction ? reject(`Import "${path}" is not allowed: a function is a single file that imports only ${SDK_MODULE_NAME} and allowlisted packages.`) : undefined;
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

/** `zod` and `zod/mini` → `zod`; `@scope/pkg/sub` → `@scope/pkg`. Undefined for `..`, empty or odd segments. */
export function packageName(specifier: string): string | undefined {
  const segments = specifier.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\'))) return undefined;
  const name = specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  if (name === undefined || (specifier.startsWith('@') && segments.length < 2)) return undefined;
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name) ? name : undefined;
}

function reject(text: string): OnResolveResult {
  return { errors: [{ text }] };
}
