// Type-check benchmark: TypeScript 7's native compiler kept warm in a worker thread (createTypeChecker,
// what the pipeline uses) and on the calling thread (createTs7TypeChecker, what the worker runs), against
// a `tsc -p` subprocess per check and, when JOINERY_TS6_PATH names a typescript@6 package directory, the
// TypeScript 6 LanguageService. Every leg checks the same project files: the SDK, the sandbox globals,
// the default-export contract and a 30-line function, re-checked after an edit.
// Run: node --import tsx bench/typecheck.ts   (TS 6: JOINERY_TS6_PATH=/path/to/node_modules/typescript)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkProjectFiles, createTypeChecker } from '../core/build/index.ts';
import { createTs7TypeChecker } from '../core/build/ts7/index.ts';

const WARM_RUNS = 200;
const SUBPROCESS_RUNS = 8;
const COLD_RUNS = 3;

/** A realistic function; `edit` changes one literal, and odd edits add a type error. */
export function benchSource(edit: number): string {
  const error = edit % 2 === 1 ? `\n    const wrong: number = 'edit ${edit}';` : '';
  return `import { defineFunction } from '@joinery/sdk';

const MAX_LENGTH = 20;

function normalise(text: string): string {
  return text.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').replace(/[^a-zA-Z]/g, '').toLowerCase();
}

export default defineFunction({
  name: 'generate-username',
  description: 'First initial + last name, numbered on clash, <= 20 chars for AD.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const first = normalise(event.person.preferredName ?? event.person.firstName);
    const last = normalise(event.person.lastName);
    const base = (first.slice(0, 1) + last).slice(0, MAX_LENGTH);
    for (let attempt = 0; attempt < ${100 + edit}; attempt += 1) {
      const suffix = attempt === 0 ? '' : String(attempt);
      const candidate = base.slice(0, MAX_LENGTH - suffix.length) + suffix;
      if (!(await ctx.directory.isUsernameTaken(candidate))) {
        ctx.log.info('username chosen', { candidate, attempt });${error}
        return { username: candidate };
      }
    }
    throw new Error(\`no free username for \${base}\`);
  },
});
`;
}

export async function benchTypecheck(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  Object.assign(figures, prefixed('ts7Worker', await benchWorker()));
  Object.assign(figures, prefixed('ts7', benchInProcess()));
  Object.assign(figures, prefixed('tscSubprocess', benchSubprocess()));
  const ts6Path = process.env.JOINERY_TS6_PATH;
  if (ts6Path) Object.assign(figures, prefixed('ts6LanguageService', await benchTs6(ts6Path)));
  else console.log('TS 6 leg skipped: set JOINERY_TS6_PATH to a typescript@6 package directory to measure it.');
  const ts7Warm = figures['ts7.warmP50Ms']!;
  figures['ratio.subprocessOverTs7Warm'] = figures['tscSubprocess.warmP50Ms']! / ts7Warm;
  figures['ratio.workerOverInThreadWarm'] = figures['ts7Worker.warmP50Ms']! / ts7Warm;
  if (ts6Path) figures['ratio.ts6WarmOverTs7Warm'] = figures['ts6LanguageService.warmP50Ms']! / ts7Warm;
  printTable(figures);
  return figures;
}

/** The pipeline's checker: the compiler in a worker thread, each check a message there and back. */
async function benchWorker(): Promise<Record<string, number>> {
  const cold: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const started = performance.now();
    const checker = createTypeChecker();
    await checker.check(benchSource(0));
    cold.push(performance.now() - started);
    await checker.close();
  }
  const checker = createTypeChecker();
  const warm: number[] = [];
  try {
    await checker.check(benchSource(0));
    for (let edit = 1; edit <= WARM_RUNS; edit += 1) {
      const started = performance.now();
      const report = await checker.check(benchSource(edit));
      warm.push(performance.now() - started);
      if (report.ok === (edit % 2 === 1)) throw new Error(`the ts7 worker gave a wrong answer on edit ${edit}`);
    }
  } finally {
    await checker.close();
  }
  return { coldMs: median(cold), ...percentiles('warm', warm) };
}

/** The compiler on this thread, which waits for it (what the worker runs; no time limit). */
function benchInProcess(): Record<string, number> {
  const cold: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const started = performance.now();
    const checker = createTs7TypeChecker();
    checker.check(benchSource(0));
    cold.push(performance.now() - started);
    checker.close();
  }
  const checker = createTs7TypeChecker();
  const warm: number[] = [];
  try {
    checker.check(benchSource(0));
    for (let edit = 1; edit <= WARM_RUNS; edit += 1) {
      const started = performance.now();
      const report = checker.check(benchSource(edit));
      warm.push(performance.now() - started);
      if (report.ok === (edit % 2 === 1)) throw new Error(`ts7 gave a wrong answer on edit ${edit}`);
    }
  } finally {
    checker.close();
  }
  return { coldMs: median(cold), ...percentiles('warm', warm) };
}

/** A fresh `tsc -p` per check (TS 7's own binary): no warm state to keep, nothing to restart. */
function benchSubprocess(): Record<string, number> {
  const directory = mkdtempSync(join(tmpdir(), 'joinery-bench-tsc-'));
  const tsc = join(dirname(fileURLToPath(import.meta.resolve('typescript/package.json'))), 'bin', 'tsc');
  const runs: number[] = [];
  try {
    for (let edit = 0; edit <= SUBPROCESS_RUNS; edit += 1) {
      for (const [path, text] of Object.entries(checkProjectFiles(benchSource(edit)))) {
        mkdirSync(dirname(join(directory, path)), { recursive: true });
        writeFileSync(join(directory, path), text);
      }
      const started = performance.now();
      const output = runTsc(tsc, directory);
      runs.push(performance.now() - started);
      if (output.includes('TS2322') !== (edit % 2 === 1)) throw new Error(`tsc gave a wrong answer on edit ${edit}`);
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return { coldMs: runs[0]!, ...percentiles('warm', runs.slice(1)) };
}

function runTsc(tsc: string, directory: string): string {
  try {
    return execFileSync(process.execPath, [tsc, '-p', directory, '--pretty', 'false'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

/** TypeScript 6's LanguageService over the same files in memory; lib files read from disk once. */
async function benchTs6(packageDir: string): Promise<Record<string, number>> {
  const ts = (await import(pathToFileURL(join(packageDir, 'lib', 'typescript.js')).href)).default;
  const root = '/joinery/';
  const libTexts = new Map<string, string>();
  const createService = () => {
    const contents = new Map(Object.entries(checkProjectFiles(benchSource(0))).map(([path, text]) => [root + path, text]));
    const config = JSON.parse(contents.get(`${root}tsconfig.json`)!);
    const options = ts.convertCompilerOptionsFromJson(config.compilerOptions, root).options;
    const rootNames: string[] = config.files.map((file: string) => root + file);
    let version = 0;
    const read = (name: string): string | undefined => {
      if (contents.has(name)) return contents.get(name);
      if (dirname(name) !== dirname(ts.getDefaultLibFilePath(options)) || !/\/lib\.[\w.]+\.d\.ts$/.test(name)) return undefined;
      if (!libTexts.has(name)) libTexts.set(name, readFileSync(name, 'utf8'));
      return libTexts.get(name);
    };
    const service = ts.createLanguageService(
      {
        getScriptFileNames: () => rootNames,
        getScriptVersion: (name: string) => (name === `${root}fn.ts` ? String(version) : '0'),
        getScriptSnapshot: (name: string) => {
          const text = read(name);
          return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
        },
        getCurrentDirectory: () => root,
        getCompilationSettings: () => options,
        getDefaultLibFileName: (settings: unknown) => ts.getDefaultLibFilePath(settings),
        fileExists: (name: string) => read(name) !== undefined,
        readFile: read,
      },
      ts.createDocumentRegistry(),
    );
    return (source: string): number => {
      contents.set(`${root}fn.ts`, source);
      version += 1;
      const fn = `${root}fn.ts`;
      return [...service.getSyntacticDiagnostics(fn), ...service.getSemanticDiagnostics(fn), ...service.getSemanticDiagnostics(`${root}contract.ts`)]
        .length;
    };
  };
  const cold: number[] = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    const started = performance.now();
    createService()(benchSource(0));
    cold.push(performance.now() - started);
  }
  const check = createService();
  check(benchSource(0));
  const warm: number[] = [];
  for (let edit = 1; edit <= WARM_RUNS / 4; edit += 1) {
    const started = performance.now();
    const count = check(benchSource(edit));
    warm.push(performance.now() - started);
    if ((count > 0) !== (edit % 2 === 1)) throw new Error(`ts6 gave a wrong answer on edit ${edit}`);
  }
  return { coldMs: median(cold), ...percentiles('warm', warm) };
}

function percentiles(name: string, samples: number[]): Record<string, number> {
  const sorted = [...samples].sort((left, right) => left - right);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
  return { [`${name}P50Ms`]: at(0.5), [`${name}P90Ms`]: at(0.9) };
}

function median(samples: number[]): number {
  return percentiles('m', samples).mP50Ms!;
}

function prefixed(prefix: string, figures: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(figures).map(([key, value]) => [`${prefix}.${key}`, value]));
}

function printTable(figures: Record<string, number>): void {
  console.log('type-check (ms unless a ratio); target: ts7Worker warm p50 <= 10 ms');
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(36)} ${value.toFixed(2)}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await benchTypecheck();
