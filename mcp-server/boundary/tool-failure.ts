// Expected failures of a tool are values, not throws: a tool returns `toolFailure(...)` with details it
// built for the client (failed fixtures, type errors). Thrown JoineryErrors are mapped too, but only their
// code and message cross the boundary, never their details.

import type { ErrorCode } from '../../core/errors.ts';

const FAILURE = Symbol('joinery.toolFailure');

export interface ToolFailure {
  readonly [FAILURE]: true;
  code: ErrorCode;
  message: string;
  /** Safe to show a client: built by the tool, no host paths. */
  details?: unknown;
}

export function toolFailure(code: ErrorCode, message: string, details?: unknown): ToolFailure {
  return { [FAILURE]: true, code, message, ...(details === undefined ? {} : { details }) };
}

export function isToolFailure(value: unknown): value is ToolFailure {
  return typeof value === 'object' && value !== null && FAILURE in value;
}
