// The shape of one MCP tool. Each lives in its own file under tools/ and is listed in tools/index.ts;
// the boundary (boundary/call-tool.ts) parses its input, checks the caller's role, runs it and maps
// what it returns or throws to a result.

import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { LoggingLevel, ResourceLink, ServerNotification, ServerRequest, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type * as z from 'zod';
import type { Role } from '../../core/tokens/index.ts';
import type { ToolFailure } from '../boundary/tool-failure.ts';
import type { McpServerDeps, Principal } from '../deps.ts';

export type RequestExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Progress notifications, sent only when the client asked for progress; they never fail the call. */
export interface Progress {
  /** What the call will count to, when known (the author's turns, a publish's steps). */
  expect(total: number): void;
  /** One step. `unit` places it within a counted unit (turn 2's steps go 2, 2.5, 2.75, …); without
   *  it each step counts one. The boundary sends the last notification, with the outcome. */
  step(message: string, unit?: number): void;
}

/** The per-request parts of the MCP session a tool may use. */
export interface RequestFacilities {
  progress: Progress;
  /** An MCP log message (notifications/message) to this client, at or above the level it set. */
  log(level: LoggingLevel, message: string, data?: Record<string, unknown>): void;
  /** Asks the person through elicitation, when the client supports it; true when they agree, or when
   *  the client cannot ask (its own tool approval and the annotations are then what guards the call). */
  confirm(question: string): Promise<boolean>;
  /** Asks the person to pick one choice through elicitation; the key picked, or undefined when the client
   *  cannot ask or the person declines, cancels or does not answer (the caller then returns the question). */
  choose(question: string, choices: ReadonlyArray<{ key: string; label: string }>): Promise<string | undefined>;
}

export interface ToolContext extends RequestFacilities {
  deps: McpServerDeps;
  principal: Principal;
  /** Aborted when the client cancels the request. */
  signal: AbortSignal;
}

export interface ToolDefinition<Input extends z.ZodRawShape = z.ZodRawShape, Output extends z.ZodRawShape = z.ZodRawShape> {
  /** Verb-first snake_case. */
  name: string;
  title: string;
  /** When to use it and what comes next; short (every client reads all of them on tools/list). */
  description: string;
  input: Input;
  /** The success shape; the error envelope is added by the boundary. */
  output: Output;
  annotations: Required<Pick<ToolAnnotations, 'readOnlyHint' | 'destructiveHint' | 'idempotentHint' | 'openWorldHint'>>;
  /** Roles that may call it; the local `admin` always may. */
  roles: readonly Role[];
  run(input: z.infer<z.ZodObject<Input>>, context: ToolContext): Promise<z.input<z.ZodObject<Output>> | ToolFailure>;
  /** The last progress message of a successful call; default "done". */
  outcome?(output: z.infer<z.ZodObject<Output>>): string;
  /** The listing's `_meta`, e.g. `{ ui: { resourceUri } }` for an MCP App (@modelcontextprotocol/ext-apps). */
  meta?: Record<string, unknown>;
  /** resource_link blocks added to a successful result's content, for parts it links instead of holding. */
  links?(output: z.infer<z.ZodObject<Output>>): ResourceLink[];
}

/** Keeps each tool's input and output types tied to its schemas. */
export function defineTool<Input extends z.ZodRawShape, Output extends z.ZodRawShape>(tool: ToolDefinition<Input, Output>): ToolDefinition {
  return tool as unknown as ToolDefinition;
}

/** Every role can read. */
export const READERS: readonly Role[] = ['author', 'reviewer', 'operator', 'auditor'];
