#!/usr/bin/env node
// `npm run build` (also run by `npm ci` through `prepare`): compiles the runtime to JavaScript in dist/.
// esbuild bundles each entry with code splitting: a command's code is a chunk loaded by the dynamic import
// in cli/commands/index.ts, so start-up parses only what the command uses, in a handful of files instead of
// about 1,500 modules (zod, the MCP SDK and ajv are bundled; see build-plan.mjs for what stays a package).
//
// Compiled code keeps two facts of the source tree: every module sees `import.meta.url` as the URL its own
// file would have in dist/ (dist/<folder>/<name>.js), and the files read at run time are copied there. So a
// read of docs/contract.md relative to the module's URL, and a child process found beside its parent as
// `./executor-child.js` resolve in dist/ exactly as in the sources.
//
// Plain JavaScript on purpose: it runs right after `npm ci`, before anything is compiled.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { ENTRY_POINTS, EXTERNAL_PACKAGES, INPUT_FOLDERS, RUNTIME_FILES } from './build-plan.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MODULE_URL_MARK = '__joineryModuleUrl';

// Each project module's `import.meta.url` becomes a mark naming its dist path; once esbuild has decided
// which output file holds the module, the mark becomes a URL relative to that file (see rewriteMarks).
function moduleUrlMarks(root) {
  return {
    name: 'module-url-marks',
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, (args) => {
        const path = relative(root, args.path).replaceAll('\\', '/');
        if (path.startsWith('node_modules/')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const distPath = path.replace(/\.ts$/, '.js');
        return { contents: text.replaceAll('import.meta.url', `${MODULE_URL_MARK}(${JSON.stringify(distPath)})`), loader: 'ts' };
      });
    },
  };
}

function rewriteMarks(outDir, outputPath) {
  const file = join(outDir, outputPath);
  const text = readFileSync(file, 'utf8');
  const pattern = new RegExp(`${MODULE_URL_MARK}\\(("[^"]+")\\)`, 'g');
  const rewritten = text.replace(pattern, (_mark, quoted) => {
    const target = relative(dirname(file), join(outDir, JSON.parse(quoted))).replaceAll('\\', '/');
    return `new URL(${JSON.stringify(target.startsWith('.') ? target : `./${target}`)}, import.meta.url).href`;
  });
  if (rewritten !== text) writeFileSync(file, rewritten);
}

/** Builds into a fresh folder and swaps it in, so a reader never sees a half-written dist/. */
export async function buildAll({ root = ROOT, outDir = join(root, 'dist') } = {}) {
  const started = performance.now();
  const staging = `${outDir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: staging,
    outbase: '.',
    entryNames: '[dir]/[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    // Bundled CommonJS (ajv) asks for `require`; ESM has none, so each file makes its own.
    banner: { js: "import { createRequire as __joineryCreateRequire } from 'node:module';\nconst require = __joineryCreateRequire(import.meta.url);" },
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
    plugins: [moduleUrlMarks(root)],
  });
  const outputs = Object.keys(result.metafile.outputs).map((path) => relative(staging, join(root, path)).replaceAll('\\', '/'));
  for (const output of outputs) if (output.endsWith('.js')) rewriteMarks(staging, output);
  for (const path of RUNTIME_FILES) {
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    cpSync(join(root, path), join(staging, path), { recursive: true });
  }
  writeFileSync(join(staging, 'build-manifest.json'), `${JSON.stringify(manifestOf(result.metafile, root, staging), null, 1)}\n`);
  swapIn(staging, outDir);
  return { outputs: outputs.length, durationMs: Math.round(performance.now() - started) };
}

function swapIn(staging, outDir) {
  const previous = `${outDir}.${process.pid}.old`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    // Another build swapped its dist/ in between our two renames: it is as fresh as ours.
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(previous, { recursive: true, force: true });
}

/** True when dist/ is missing or older than a source, a runtime file, package.json or this script. */
export function isStale({ root = ROOT, outDir = join(root, 'dist') } = {}) {
  const manifest = join(outDir, 'build-manifest.json');
  if (!existsSync(manifest)) return true;
  const builtAt = statSync(manifest).mtimeMs;
  const newerThanBuild = (path) => {
    const stats = statSync(path);
    if (!stats.isDirectory()) return stats.mtimeMs > builtAt;
    return readdirSync(path).some((name) => newerThanBuild(join(path, name)));
  };
  return [...INPUT_FOLDERS, ...RUNTIME_FILES, 'package.json'].some((path) => existsSync(join(root, path)) && newerThanBuild(join(root, path)));
}

/** For each output file, the npm packages bundled into it: the start-up tests read what a command loaded. */
function manifestOf(metafile, root, staging) {
  const files = {};
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (!path.endsWith('.js')) continue;
    const packages = new Set();
    for (const input of Object.keys(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      if (match) packages.add(match[1]);
    }
    files[relative(staging, join(root, path)).replaceAll('\\', '/')] = [...packages].sort();
  }
  return { files };
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  const { outputs, durationMs } = await buildAll();
  process.stderr.write(`joinery build: ${outputs} files in dist/ in ${durationMs} ms\n`);
}
