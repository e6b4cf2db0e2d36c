// The TypeScript 7 adapter: the native compiler (tsgo) as a warm child process, driven through the
// unstable synchronous API of typescript@7.0.2. Everything that touches that API lives in this file and
// ts7-file-system.ts; test/build/ts7-api-contract.test.ts fails when an upgrade changes what they use.

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import { API, DiagnosticCategory, type Diagnostic as Ts7Diagnostic, type Program, type Snapshot } from 'typescript/unstable/sync';
import { JoineryError, isJoineryError } from '../errors.ts';
import {
  CONTRACT_PATH,
  FUNCTION_PATH,
  MISSING_DEFAULT_EXPORT_CODES,
  PROJECT_ROOT,
  TSCONFIG_PATH,
  createCheckProject,
} from './check-project.ts';
import { flattenMessage, withSandboxHint } from './diagnostic-text.ts';
import { PACKAGE_ROOT } from './package-root.ts';
import { createPositionIndex, type PositionOf } from './text-position.ts';
import { createTs7FileSystem } from './ts7-file-system.ts';
import type { CheckReport, Diagnostic, TypeChecker, TypeCheckerOptions } from './type-checker.ts';

/** Starts tsgo and loads the project (about 100 ms); each check after that is a few milliseconds. */
export function createTs7TypeChecker({
  extraDeclarations = {},
  allowedPackages = [],
  packagesDir = PACKAGE_ROOT,
}: TypeCheckerOptions = {}): TypeChecker {
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

  return {
    check(source) {
      if (typeof source !== 'string') throw new JoineryError('INVALID_INPUT', 'source must be a string');
      if (state !== 'open') throw new JoineryError('INTERNAL', `the type-checker is ${state}`);
      const started = performance.now();
      try {
        fileSystem.writeFile(FUNCTION_PATH, source);
        snapshot.dispose();
        snapshot = api.updateSnapshot({ fileChanges: { changed: [FUNCTION_PATH] } });
        const program = programOf(snapshot);
        const syntaxTree = () => syntaxTreeOf(api, program, source);
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
      api.close();
    },
  };
}

interface CheckInputs {
  program: Program;
  source: string;
  baselineFiles: Set<string>;
  /** fn.ts's syntax tree, fetched only when a rule needs positions the diagnostics do not carry. */
  syntaxTree: () => SourceFile;
}

/** Syntax errors alone when there are any (as tsc does), else type errors and the default-export contract. */
function diagnosticsOf({ program, source, baselineFiles, syntaxTree }: CheckInputs): Diagnostic[] {
  const positionOf = createPositionIndex(source);
  const syntactic = errorsOf(program.getSyntacticDiagnostics(FUNCTION_PATH));
  if (syntactic.length > 0) return syntactic.map((diagnostic) => toDiagnostic(diagnostic, source, positionOf));
  const diagnostics = errorsOf(program.getSemanticDiagnostics(FUNCTION_PATH)).map((diagnostic) => toDiagnostic(diagnostic, source, positionOf));
  const contract = errorsOf(program.getSemanticDiagnostics(CONTRACT_PATH));
  if (contract.length > 0) diagnostics.push(...contractDiagnostics(contract, syntaxTree, positionOf));
  if (/reference/i.test(source)) diagnostics.push(...referenceDiagnostics(program, baselineFiles, syntaxTree, positionOf));
  return diagnostics.sort((left, right) => left.line - right.line || left.column - right.column);
}

function toDiagnostic(diagnostic: Ts7Diagnostic, source: string, positionOf: PositionOf): Diagnostic {
  const atModuleName = /["']/.test(source.charAt(diagnostic.pos));
  const message = withSandboxHint(diagnostic.code, flattenMessage(diagnostic), { atModuleName });
  return { ...positionOf(diagnostic.pos), code: diagnostic.code, message };
}

/** Errors of the hidden contract file, reported where the author can fix them: at `export default`. */
function contractDiagnostics(contract: Ts7Diagnostic[], syntaxTree: () => SourceFile, positionOf: PositionOf): Diagnostic[] {
  const missing = contract.find((diagnostic) => MISSING_DEFAULT_EXPORT_CODES.has(diagnostic.code));
  if (missing !== undefined) {
    const message = 'fn.ts has no default export: end it with `export default defineFunction({ ... })`.';
    return [{ line: 1, column: 1, code: missing.code, message }];
  }
  const file = syntaxTree();
  const statement = file.statements.find(isDefaultExport);
  const position = statement === undefined ? { line: 1, column: 1 } : positionOf(statement.getStart(file));
  return contract.map((diagnostic) => ({
    ...position,
    code: diagnostic.code,
    message: `The default export must be defineFunction({ ... }): ${flattenMessage(diagnostic)}`,
  }));
}

function isDefaultExport(statement: Node): boolean {
  if (statement.kind === SyntaxKind.ExportAssignment) return !(statement as Node & { isExportEquals: boolean }).isExportEquals;
  const modifiers = (statement as Node & { modifiers?: readonly Node[] }).modifiers ?? [];
  return modifiers.some((modifier) => modifier.kind === SyntaxKind.DefaultKeyword);
}

/** `/// <reference lib="dom" />` and friends would let a function type-check against APIs the sandbox lacks. */
function referenceDiagnostics(
  program: Program,
  baselineFiles: Set<string>,
  syntaxTree: () => SourceFile,
  positionOf: PositionOf,
): Diagnostic[] {
  const file = syntaxTree();
  const directives = [...file.referencedFiles, ...file.typeReferenceDirectives, ...file.libReferenceDirectives];
  const added = program.getSourceFileNames().some((name) => !baselineFiles.has(name) && !name.startsWith(`${PROJECT_ROOT}/node_modules/`));
  if (directives.length === 0 && !added) return [];
  const message = 'Triple-slash reference directives are not allowed: a function sees only ES2022, @joinery/sdk and the sandbox globals.';
  return [{ ...positionOf(directives[0]?.pos ?? 0), code: 0, message }];
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

function errorsOf(diagnostics: readonly Ts7Diagnostic[]): Ts7Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.category === DiagnosticCategory.Error);
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
