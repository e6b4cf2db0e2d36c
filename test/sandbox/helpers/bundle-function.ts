// Test helper: bundles a TypeScript function the way core/build does (dependencies.md §6: esbuild IIFE,
// external sourcemap, the `globalThis.__handler` footer), with '@joinery/sdk' resolved to the SDK's
// runtime source. Independent of core/build on purpose: these tests pin the sandbox's side of the shape.
import * as esbuild from 'esbuild';
import { SDK_MODULE_NAME, SDK_RUNTIME_SOURCE } from '../../../core/sdk/index.ts';

export interface Bundled {
  bundle: string;
  sourceMap: string;
}

const sdkOnly: esbuild.Plugin = {
  name: 'sdk-only',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path === SDK_MODULE_NAME) return { path: SDK_MODULE_NAME, namespace: 'joinery-sdk' };
      return { errors: [{ text: `import "${args.path}" is not allowed in tests` }] };
    });
    build.onLoad({ filter: /.*/, namespace: 'joinery-sdk' }, () => ({ contents: SDK_RUNTIME_SOURCE, loader: 'js' }));
  },
};

const cache = new Map<string, Promise<Bundled>>();

export function bundleFunction(source: string): Promise<Bundled> {
  let bundled = cache.get(source);
  if (bundled === undefined) {
    bundled = build(source);
    cache.set(source, bundled);
  }
  return bundled;
}

async function build(source: string): Promise<Bundled> {
  const result = await esbuild.build({
    stdin: { contents: source, loader: 'ts', sourcefile: 'fn.ts' },
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'iife',
    globalName: '__fn',
    target: 'es2022',
    sourcemap: 'external',
    sourcesContent: true,
    outfile: 'fn.js',
    footer: { js: 'globalThis.__handler = __fn.default; void 0;' },
    logLevel: 'silent',
    plugins: [sdkOnly],
  });
  const bundle = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text;
  const sourceMap = result.outputFiles.find((file) => file.path.endsWith('.js.map'))?.text;
  if (bundle === undefined || sourceMap === undefined) throw new Error('esbuild produced no bundle');
  return { bundle, sourceMap };
}

/** Wraps a `run` body in a complete function file; `declarations` go before it (helpers, types). */
export function functionSource({
  run,
  egress = [],
  secrets = [],
  declarations = '',
}: {
  run: string;
  egress?: string[];
  secrets?: string[];
  declarations?: string;
}): string {
  return `import { defineFunction } from '@joinery/sdk';
${declarations}
export default defineFunction({
  name: 'test-function',
  description: 'A function written by a test.',
  trigger: 'manual',
  egress: ${JSON.stringify(egress)},
  secrets: ${JSON.stringify(secrets)},
  async run(event: any, ctx) {
${run}
  },
});
`;
}
