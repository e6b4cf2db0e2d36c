// What a TS 7 check reports about fn.ts: the compiler's errors with line and column, plus two rules the
// compiler cannot state itself: the default export is a function definition, and no triple-slash
// directive widens what the function sees.

import { SyntaxKind, type Node, type SourceFile } from 'typescript/unstable/ast';
import { DiagnosticCategory, type Diagnostic as Ts7Diagnostic, type Program } from 'typescript/unstable/sync';
import { AUTHOR_MESSAGES } from '../author-messages.ts';
import { CONTRACT_PATH, FUNCTION_PATH, MISSING_DEFAULT_EXPORT_CODES, PROJECT_ROOT } from '../check-project.ts';
import { flattenMessage, withSandboxHint } from '../diagnostic-text.ts';
import { createPositionIndex, type PositionOf } from '../text-position.ts';
import type { Diagnostic } from '../type-checker.ts';

export interface CheckInputs {
  program: Program;
  source: string;
  /** The program's files with an empty fn.ts: anything more came from a directive in fn.ts. */
  baselineFiles: Set<string>;
  /** fn.ts's syntax tree, fetched only when a rule needs positions the diagnostics do not carry. */
  syntaxTree: () => SourceFile;
}

/** Syntax errors alone when there are any (as tsc does), else type errors and the two rules, by position. */
export function diagnosticsOf({ program, source, baselineFiles, syntaxTree }: CheckInputs): Diagnostic[] {
  const positionOf = createPositionIndex(source);
  const convert = (diagnostic: Ts7Diagnostic) => toDiagnostic(diagnostic, source, positionOf);
  const syntactic = errorsOf(program.getSyntacticDiagnostics(FUNCTION_PATH));
  if (syntactic.length > 0) return syntactic.map(convert);
  const diagnostics = errorsOf(program.getSemanticDiagnostics(FUNCTION_PATH)).map(convert);
  const contract = errorsOf(program.getSemanticDiagnostics(CONTRACT_PATH));
  if (contract.length > 0) diagnostics.push(...contractDiagnostics(contract, syntaxTree, positionOf));
  if (/reference/i.test(source)) diagnostics.push(...referenceDiagnostics(program, baselineFiles, syntaxTree, positionOf));
  return diagnostics.sort((left, right) => left.line - right.line || left.column - right.column);
}

export function errorsOf(diagnostics: readonly Ts7Diagnostic[]): Ts7Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.category === DiagnosticCategory.Error);
}

function toDiagnostic(diagnostic: Ts7Diagnostic, source: string, positionOf: PositionOf): Diagnostic {
  const atModuleName = /["']/.test(source.charAt(diagnostic.pos));
  const message = withSandboxHint(diagnostic.code, flattenMessage(diagnostic), { atModuleName });
  return { ...positionOf(diagnostic.pos), code: diagnostic.code, message };
}

/** Errors of the hidden contract file, reported where the author can fix them: at `export default`. */
function contractDiagnostics(contract: Ts7Diagnostic[], syntaxTree: () => SourceFile, positionOf: PositionOf): Diagnostic[] {
  const missing = contract.find((diagnostic) => MISSING_DEFAULT_EXPORT_CODES.has(diagnostic.code));
  if (missing !== undefined) return [{ line: 1, column: 1, code: missing.code, message: AUTHOR_MESSAGES.noDefaultExport }];
  const file = syntaxTree();
  const statement = file.statements.find(isDefaultExport);
  const position = statement === undefined ? { line: 1, column: 1 } : positionOf(statement.getStart(file));
  return contract.map((diagnostic) => ({
    ...position,
    code: diagnostic.code,
    message: `${AUTHOR_MESSAGES.notADefinition} ${flattenMessage(diagnostic)}`,
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
  const isAdded = (name: string) => !baselineFiles.has(name) && !name.startsWith(`${PROJECT_ROOT}/node_modules/`);
  if (directives.length === 0 && !program.getSourceFileNames().some(isAdded)) return [];
  return [{ ...positionOf(directives[0]?.pos ?? 0), code: 0, message: AUTHOR_MESSAGES.tripleSlash }];
}
