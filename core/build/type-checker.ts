// The type-checker port. Adapters pin a compiler behind it (today TypeScript 7's unstable native API), so
// a compiler upgrade changes one adapter, not the pipeline. Type errors and exceeded limits are values in
// the report; an adapter throws only when the compiler itself is broken or its own declarations are invalid.

import type { CheckLimits, LimitExceeded } from './check-limits.ts';

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
  /** Set when the check stopped at its time limit or refused too many statements; no diagnostics then. */
  limit?: Extract<LimitExceeded, { limit: 'typeCheckTimeoutMs' | 'maxStatements' }>;
}

/**
 * What the pipeline uses: the compiler runs off the caller's event loop, so a slow check never stalls
 * other work, and a check past `typeCheckTimeoutMs` stops and is reported in `limit`.
 */
export interface TypeChecker {
  /** Never rejects for errors in `source`; rejects for a non-string (INVALID_INPUT) or a broken compiler. */
  check(source: string): Promise<CheckReport>;
  /** Stops the compiler and its process. Idempotent; checks after it reject. */
  close(): Promise<void>;
}

/** The compiler on the calling thread, which waits for it: what a type-check worker runs inside. */
export interface SynchronousTypeChecker {
  /** Never throws for errors in `source`; no time limit (the worker's owner enforces it). */
  check(source: string): CheckReport;
  /** Releases the compiler process. Idempotent. */
  close(): void;
  /** The native compiler's process id, so the worker's owner can stop it while this thread is blocked. */
  readonly processId: number | undefined;
  /** Settles once the compiler process has exited and was reaped: wait for it before the thread ends, or it stays a zombie. */
  readonly exited: Promise<void>;
}

export interface TypeCheckerOptions {
  /** Extra `.d.ts` texts by file name (e.g. `{ 'vendor.d.ts': "declare module 'vendor' {...}" }`). */
  extraDeclarations?: Record<string, string>;
  /** npm packages authored code may import; their own type declarations are read from `packagesDir`. */
  allowedPackages?: string[];
  /** The directory whose `node_modules` holds the allowed packages. Defaults to this package's root. */
  packagesDir?: string;
  /** `typeCheckTimeoutMs` and `maxStatements` apply here (defaults: DEFAULT_CHECK_LIMITS); others are ignored. */
  limits?: Partial<CheckLimits>;
}

/**
 * `line:column message (TScode)`, e.g. `12:5 Type 'number' is not assignable to type 'string'. (TS2322)`.
 * Stable: tools and prompts parse it. A chained message spans several lines; the code ends the last one.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const code = diagnostic.code > 0 ? ` (TS${diagnostic.code})` : '';
  return `${diagnostic.line}:${diagnostic.column} ${diagnostic.message}${code}`;
}
