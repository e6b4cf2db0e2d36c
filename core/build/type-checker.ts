// The type-checker port. Adapters pin a compiler behind it (today TypeScript 7's unstable native API), so
// a compiler upgrade changes one adapter, not the pipeline. Type errors are values in the report; an
// adapter throws only when the compiler itself is broken or its own declarations are invalid.

/** One type or syntax error in the authored file. */
export interface Diagnostic {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units, as tsc and editors count (an emoji before the error counts 2). */
  column: number;
  /** The TypeScript error code, e.g. 2322; 0 for Joinery's own rules (no triple-slash references). */
  code: number;
  /** The message with its chain flattened: one line per level, indented two spaces per level. */
  message: string;
}

export interface CheckReport {
  ok: boolean;
  diagnostics: Diagnostic[];
  durationMs: number;
}

export interface TypeChecker {
  /** Synchronous: the caller's thread waits for the compiler. Never throws for errors in `source`. */
  check(source: string): CheckReport;
  /** Releases the compiler process. Idempotent. */
  close(): void;
}

export interface TypeCheckerOptions {
  /** Extra `.d.ts` texts by file name (e.g. `{ 'vendor.d.ts': "declare module 'vendor' {...}" }`). */
  extraDeclarations?: Record<string, string>;
  /** npm packages authored code may import; their own type declarations are read from `packagesDir`. */
  allowedPackages?: string[];
  /** The directory whose `node_modules` holds the allowed packages. Defaults to this package's root. */
  packagesDir?: string;
}

/**
 * `line:column message (TScode)`, e.g. `12:5 Type 'number' is not assignable to type 'string'. (TS2322)`.
 * Stable: tools and prompts parse it. A chained message spans several lines; the code ends the last one.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const code = diagnostic.code > 0 ? ` (TS${diagnostic.code})` : '';
  return `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}${code}`;
}
