// How every tool answers: `structuredContent` (validated against the tool's output schema) plus the same
// JSON as text for clients that read only `content`; failures are `isError` results whose structured
// content is `{ code, message, details? }` with a stable code.

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import type { ErrorCode } from '../../core/errors.ts';
import { redactHostPaths } from './host-paths.ts';

export const ERROR_CODES = [
  'NOT_FOUND', 'INVALID_INPUT', 'CHECK_FAILED', 'TESTS_FAILED', 'FORBIDDEN', 'CONFLICT', 'SANDBOX_FAILED', 'EGRESS_DENIED', 'INTEGRITY', 'INTERNAL',
] as const satisfies readonly ErrorCode[];

const errorShape = {
  code: z.enum(ERROR_CODES).optional().describe('set on errors only: a stable error code'),
  message: z.string().optional().describe('set on errors only: what went wrong, for a person'),
  details: z.unknown().optional().describe('set on some errors: the failed checks or fixtures'),
};

/**
 * The output schema of a tool: its success shape, plus the error envelope. The SDK client (1.32.2)
 * validates `structuredContent` against the output schema even on `isError` results
 * (typescript-sdk#1943), so the published JSON Schema accepts either the success fields or the error
 * envelope (`anyOf`); the server still checks successes against the success shape alone.
 */
export function toolOutputSchema(shape: z.ZodRawShape): z.ZodObject {
  const required = Object.entries(shape).filter(([, schema]) => !z.safeParse(schema, undefined).success).map(([key]) => key);
  return z.object({ ...shape, ...errorShape }).meta({ required: [], anyOf: [{ required }, { required: ['code', 'message'] }] });
}

export function successResult(structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
}

export function errorResult(code: ErrorCode, message: string, details?: unknown): CallToolResult {
  const safeMessage = redactHostPaths(message);
  const structured = { code, message: safeMessage, ...(details === undefined ? {} : { details }) };
  const text = details === undefined ? `${code}: ${safeMessage}` : `${code}: ${safeMessage}\n${JSON.stringify(details)}`;
  return { content: [{ type: 'text', text }], structuredContent: structured, isError: true };
}
