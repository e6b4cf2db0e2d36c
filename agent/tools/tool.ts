// One tool the model may call. Input is validated with zod before `run`; a failure of any kind goes back
// to the model as an `is_error` result (data), never as an exception out of the loop.

import * as z from 'zod';
import type { DirectoryUser } from '../../core/sdk/index.ts';
import type { Toolchain } from '../../core/pipeline/index.ts';
import type { ClarifyingQuestion } from '../questions/index.ts';
import type { Draft } from '../loop/draft.ts';
import type { TemplateEntry } from '../templates/index.ts';

export interface ToolOutcome {
  content: string;
  isError?: boolean;
}

export interface AuthorSession {
  draft: Draft;
  toolchain: Toolchain;
  templates: TemplateEntry[];
  /** A sample of the live directory's users (may be empty); only its shape is shown in full. */
  directorySample: DirectoryUser[];
  /** Set by `finish`, `give_up` and `ask_admin`. */
  ended?: { kind: 'finished'; summary: string } | { kind: 'gave-up'; reason: string } | { kind: 'needs-answer'; question: ClarifyingQuestion };
  /** Progress for CLI spinners and MCP notifications. */
  progress(message: string): void;
}

export interface AuthorTool {
  name: string;
  description: string;
  input: z.ZodType;
  run(input: never, session: AuthorSession): Promise<ToolOutcome>;
}

export function defineTool<Schema extends z.ZodType>(tool: {
  name: string;
  description: string;
  input: Schema;
  run(input: z.infer<Schema>, session: AuthorSession): Promise<ToolOutcome>;
}): AuthorTool {
  return tool as AuthorTool;
}

export function toToolSpec(tool: AuthorTool) {
  const { $schema: _schema, ...schema } = z.toJSONSchema(tool.input) as Record<string, unknown>;
  return { name: tool.name, description: tool.description, input_schema: schema };
}
