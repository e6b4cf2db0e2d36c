// Bundle benchmark: esbuild through core/build's bundleFunction, for a small function and for one that
// imports zod (allowlisted). First build (esbuild's service starting) and then p50/p90 of repeat builds.
// Peer: bare esbuild with the same output options and no import policy, on the zod function.
// Run: node --import tsx bench/bundle.ts

import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleFunction } from '../core/build/index.ts';
import { benchSource } from './typecheck.ts';

const SMALL_RUNS = 40;
const ZOD_RUNS = 15;

function zodSource(edit: number): string {
  return `import { z } from 'zod';
import { defineFunction } from '@joinery/sdk';

const Person = z.object({ firstName: z.string().min(1), lastName: z.string().min(1), costCenter: z.string().regex(/^CC-\\d+$/) });

export default defineFunction({
  name: 'validate-person',
  description: 'Rejects joiners whose HR record is incomplete (edit ${edit}).',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    return Person.parse(event.person);
  },
});
`;
}

export async function benchBundle(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  Object.assign(figures, await measure('small', SMALL_RUNS, (edit) => bundleFunction(benchSource(edit * 2))));
  Object.assign(figures, await measure('zod', ZOD_RUNS, (edit) => bundleFunction(zodSource(edit), { allowedPackages: ['zod'] })));
  Object.assign(figures, await measure('bareEsbuildZod', ZOD_RUNS, bareEsbuild));
  figures['ratio.zodOverBareEsbuild'] = figures['zod.p50Ms']! / figures['bareEsbuildZod.p50Ms']!;
  console.log('bundle (ms, bytes)');
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(28)} ${value.toFixed(2)}`);
  return figures;
}

/** The peer: what esbuild alone costs for the same output, without the policy plugin or checks. */
async function bareEsbuild(edit: number): ReturnType<typeof bundleFunction> {
  const resolveDir = fileURLToPath(new URL('..', import.meta.url));
  const result = await build({
    stdin: { contents: withInlineSdk(zodSource(edit)), loader: 'ts', sourcefile: 'fn.ts', resolveDir },
    absWorkingDir: resolveDir,
    outfile: 'fn.js',
    bundle: true,
    write: false,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    format: 'iife',
    globalName: '__fn',
    target: 'es2022',
    sourcemap: 'external',
    sourcesContent: true,
    footer: { js: 'globalThis.__handler = __fn.default; void 0;' },
    logLevel: 'silent',
  });
  const text = (suffix: string) => result.outputFiles.find((file) => file.path.endsWith(suffix))?.text ?? '';
  return { ok: true, bundle: text('.js'), sourceMap: text('.js.map'), durationMs: 0 };
}

function withInlineSdk(source: string): string {
  return source.replace("import { defineFunction } from '@joinery/sdk';", 'const defineFunction = <T>(definition: T) => definition;');
}

async function measure(
  name: string,
  runs: number,
  build: (edit: number) => ReturnType<typeof bundleFunction>,
): Promise<Record<string, number>> {
  const samples: number[] = [];
  let bytes = 0;
  for (let edit = 0; edit <= runs; edit += 1) {
    const started = performance.now();
    const result = await build(edit);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`${name} did not bundle: ${result.errors.map((error) => error.message).join('; ')}`);
    bytes = result.bundle.length;
  }
  const [first, ...rest] = samples;
  const sorted = rest.sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return { [`${name}.firstMs`]: first!, [`${name}.p50Ms`]: at(0.5), [`${name}.p90Ms`]: at(0.9), [`${name}.bytes`]: bytes };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await benchBundle();
