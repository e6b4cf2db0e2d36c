// One error class with stable string codes. Thrown for bad input and broken infrastructure; mapped on
// purpose at the edges (CLI exit codes, MCP `isError` results). Messages never carry host paths or stacks.

export type ErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CHECK_FAILED'
  | 'TESTS_FAILED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'SANDBOX_FAILED'
  | 'EGRESS_DENIED'
  /** Stored content does not match its recorded digest: altered outside Joinery. */
  | 'INTEGRITY'
  | 'INTERNAL';

export class JoineryError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'JoineryError';
    this.code = code;
    this.details = details;
  }
}

export function isJoineryError(value: unknown): value is JoineryError {
  return value instanceof JoineryError;
}

/**
 * SQLite's "database is locked" (SQLITE_BUSY*): another connection held the write lock longer than the busy
 * timeout, typically a machine saturated for seconds. Nothing was written; the same request may pass again.
 * Edges report it as CONFLICT with that advice instead of an internal error.
 */
export function storeBusyError(error: unknown): JoineryError | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_BUSY')) return undefined;
  return new JoineryError('CONFLICT', 'the database was busy: another writer held it longer than the busy timeout, and nothing was changed; try again');
}
