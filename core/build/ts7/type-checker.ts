// The TypeScript 7 adapter: the native compiler (tsgo) as a warm child process, driven through the
// unstable synchronous API of typescript@7.0.2. Everything that touches that API lives in this
// folder; test/build/ts7-api-contract.test.ts fails when an upgrade changes what they use.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { SourceFile } from 'typescript/unstable/ast';
import { API, type Program, type Snapshot } from 'typescript/unstable/sync';
import { JoineryError, isJoineryError } from '../../errors.ts';
import { DEFAULT_CHECK_LIMITS } from '../check-limits.ts';
import { FUNCTION_PATH, PROJECT_ROOT, TSCONFIG_PATH, createCheckProject } from '../check-project.ts';
import { flattenMessage } from '../diagnostic-text.ts';
import { assertPackageNames } from '../package-name.ts';
import { PACKAGE_ROOT } from '../package-root.ts';
import { diagnosticsOf, errorsOf } from './diagnostics.ts';
import { compilerProcess, endProcess, exitOf } from './compiler-process.ts';
import { createTs7FileSystem } from './file-system.ts';
import { countStatements, mayExceedStatements } from './statement-count.ts';
import type { CheckReport, SynchronousTypeChecker, TypeCheckerOptions } from '../type-checker.ts';

/**
 * Starts tsgo and loads the project (about 100 ms); each check after that is a few milliseconds. Blocks
 * the calling thread and has no time limit: run it in a worker (createTypeChecker does).
 */
export function createTs7TypeChecker({
  extraDeclarations = {},
  allowedPackages = [],
  packagesDir = PACKAGE_ROOT,
  limits: { maxStatements = DEFAULT_CHECK_LIMITS.maxStatements } = {},
}: TypeCheckerOptions = {}): SynchronousTypeChecker {
  assertPackageNames(allowedPackages);
  const project = createCheckProject({ extraDeclarations });
  const fileSystem = createTs7FileSystem({ files: project.files, libDir: typeScriptLibDir(), allowedPackages, packagesDir });
  const api = new API({ cwd: PROJECT_ROOT, fs: fileSystem });
  let snapshot: Snapshot;
  let baselineFiles: Set<string>;
  try {
    snapshot = api.updateSnapshot({ openProjects: [TSCONFIG_PATH] });
    baselineFiles = assertValidProject(programOf(snapshot), project.declarationPaths);
  } catch (error) {
    api.close();
    throw isJoineryError(error) ? error : new JoineryError('INTERNAL', `type-checker did not start: ${messageOf(error)}`);
  }
  let state: 'open' | 'broken' | 'closed' = 'open';

  const compiler = compilerProcess(api);
  return {
    processId: compiler?.pid,
    exited: exitOf(compiler),
    check(source) {
      if (typeof source !== 'string') throw new JoineryError('INVALID_INPUT', 'source must be a string');
      if (state !== 'open') throw new JoineryError('INTERNAL', `the type-checker is ${state}`);
      const started = performance.now();
      try {
        fileSystem.writeFile(FUNCTION_PATH, source);
        snapshot.dispose();
        snapshot = api.updateSnapshot({ fileChanges: { changed: [FUNCTION_PATH] } });
        const program = programOf(snapshot);
        let tree: SourceFile | undefined;
        const syntaxTree = () => (tree ??= syntaxTreeOf(api, program, source));
        // Parsed, not yet checked: refuse a file with too many statements before the checker starts.
        const statements = mayExceedStatements(source, maxStatements) ? countStatements(syntaxTree()) : 0;
        if (statements > maxStatements) {
          const limit = { limit: 'maxStatements', statements, maxStatements } as const;
          return { ok: false, diagnostics: [], durationMs: performance.now() - started, limit } satisfies CheckReport;
        }
        const diagnostics = diagnosticsOf({ program, source, baselineFiles, syntaxTree });
        return { ok: diagnostics.length === 0, diagnostics, durationMs: performance.now() - started } satisfies CheckReport;
      } catch (error) {
        state = 'broken'; // the channel may be mid-message: this instance is not used again
        throw new JoineryError('INTERNAL', `type-checker failed: ${messageOf(error)}`);
      }
    },
    close() {
      if (state === 'closed') return;
      state = 'closed';
      try {
        api.close();
      } catch {
        endProcess(compiler); // the channel broke mid-message, so the client's own close never ran
      }
    },
  };
}

// 1038 "A 'declare' modifier cannot be used in an already ambient context": `export declare function`
// inside `declare module`. A grammar nit that changes no type, so it must not stop the checker.
const TOLERATED_DECLARATION_CODES = new Set([1038]);

/** Fails loudly when the SDK, the sandbox globals or the extra declarations do not type-check. */
function assertValidProject(program: Program, declarationPaths: string[]): Set<string> {
  const problems = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getProgramDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...declarationPaths.flatMap((path) => [...program.getSyntacticDiagnostics(path), ...program.getSemanticDiagnostics(path)]),
  ];
  const errors = errorsOf(problems).filter((diagnostic) => !TOLERATED_DECLARATION_CODES.has(diagnostic.code));
  if (errors.length > 0) {
    const fromExtra = errors.every((diagnostic) => diagnostic.fileName?.startsWith(`${PROJECT_ROOT}/types/`));
    const text = errors.map((diagnostic) => `${diagnostic.fileName ?? 'project'}: ${flattenMessage(diagnostic)}`).join('\n');
    throw new JoineryError(fromExtra ? 'INVALID_INPUT' : 'INTERNAL', `type-check declarations are invalid:\n${text}`);
  }
  return new Set(program.getSourceFileNames());
}

/**
 * typescript@7.0.2's client keeps serving the first tree it fetched for a path after the file changes
 * (its source-file cache survives `fileChanges`), so drop that cache first and verify the text.
 */
function syntaxTreeOf(api: API, program: Program, source: string): SourceFile {
  api.clearSourceFileCache();
  const file = program.getSourceFile(FUNCTION_PATH);
  if (file?.text !== source) throw new JoineryError('INTERNAL', 'the compiler returned a stale syntax tree');
  return file;
}

function programOf(snapshot: Snapshot): Program {
  const project = snapshot.getProject(TSCONFIG_PATH);
  if (project === undefined) throw new JoineryError('INTERNAL', 'the check project is not loaded');
  return project.program;
}

/** Where tsgo reads its lib.*.d.ts: the lib directory of the platform package, as typescript resolves it. */
function typeScriptLibDir(): string {
  const require = createRequire(import.meta.url);
  const fromTypeScript = createRequire(require.resolve('typescript/package.json'));
  const platformPackage = fromTypeScript.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
  return `${dirname(platformPackage).replaceAll('\\', '/')}/lib`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
