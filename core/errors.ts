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
