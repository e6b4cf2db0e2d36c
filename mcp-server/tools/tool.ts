// The shape of one MCP tool. Each lives in its own file under tools/ and is listed in tools/index.ts;
// the boundary (boundary/call-tool.ts) parses its input, checks the caller's role, runs it and maps
// what it returns or throws to a result.

import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type * as z from 'zod';
import type { Role } from '../../core/tokens/index.ts';
import type { ToolFailure } from '../boundary/tool-failure.ts';
import type { McpServerDeps, Principal } from '../deps.ts';

export type RequestExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export interface ToolContext {
  deps: McpServerDeps;
  principal: Principal;
  /** Aborted when the client cancels the request. */
  signal: AbortSignal;
  /** A progress notification, when the client asked for progress; never fails the call. */
  progress(message: string): void;
}

export interface ToolDefinition<Input extends z.ZodRawShape = z.ZodRawShape, Output extends z.ZodRawShape = z.ZodRawShape> {
  /** Verb-first snake_case. */
  name: string;
  title: string;
  description: string;
  input: Input;
  /** The success shape; the error envelope is added by the boundary. */
  output: Output;
  annotations: Required<Pick<ToolAnnotations, 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>>;
  /** Roles that may call it; the local `admin` always may. */
  roles: readonly Role[];
  run(input: z.infer<z.ZodObject<Input>>, context: ToolContext): Promise<z.input<z.ZodObject<Output>> | ToolFailure>;
}

/** Keeps each tool's input and output types tied to its schemas. */
export function defineTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape>(tool: ToolDefinition<Input, Output>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

/** Every role can read. */
export const READERS: readonly Role[] = ['author', 'reviewer', 'operator', 'auditor'];
