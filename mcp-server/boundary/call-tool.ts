// The MCP boundary for tools: every call, over every transport, goes through here. It reads as the steps
// of a call: who is asking, may they, is the input well-formed, run, and map the outcome. Nothing thrown
// by a tool reaches the client as a stack or a host path: JoineryErrors keep their code and message,
// anything else becomes INTERNAL with a reference, logged in full on the server.

import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { isJoineryError, storeBusyError } from '../../core/errors.ts';
import type { McpServerDeps } from '../deps.ts';
import type { RequestExtra, RequestFacilities, ToolContext, ToolDefinition } from '../tools/tool.ts';
import { auditDenial, auditTarget, mayUse, roleDenialMessage } from './permissions.ts';
import { principalOf } from './principal.ts';
import { isToolFailure, toolFailure, type ToolFailure } from './tool-failure.ts';
import { errorResult, successResult } from './tool-result.ts';

export async function callTool(tool: ToolDefinition, args: unknown, extra: RequestExtra, deps: McpServerDeps, facilities: RequestFacilities): Promise<CallToolResult> {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  // 1. Who is asking.
  const principal = principalOf(extra, deps);
  if (!principal) return errorResult('FORBIDDEN', 'the request carries no principal: connect with a bearer token');

  // 2. May they: the role first, so a caller without it learns nothing from input errors.
  if (!mayUse(principal.role, tool.roles)) {
    const target = auditTarget(args);
    auditDenial(deps.registry, { actor: principal.name, action: tool.name, target, detail: { reason: 'role', role: principal.role, allowedRoles: tool.roles } }, log);
    return errorResult('FORBIDDEN', roleDenialMessage(principal, tool.name, tool.roles));
  }

  // 3. The input, against the tool's schema.
  const parsed = schemasOf(tool).input.safeParse(args ?? {});
  if (!parsed.success) return errorResult('INVALID_INPUT', describeIssues(tool.name, parsed.error));

  // 4. Run.
  const context: ToolContext = { deps, principal, signal: extra.signal, ...facilities };
  let outcome: unknown;
  try {
    outcome = await tool.run(parsed.data, context);
  } catch (error) {
    outcome = failureFromThrown(error, tool.name, log);
  }

  // 5. Map the outcome; denials from deeper down (four eyes) are audited like role denials.
  if (isToolFailure(outcome)) {
    if (outcome.code === 'FORBIDDEN') {
      auditDenial(deps.registry, { actor: principal.name, action: tool.name, target: auditTarget(parsed.data), detail: { reason: 'rule', role: principal.role, message: outcome.message } }, log);
    }
    return errorResult(outcome.code, outcome.message, outcome.details);
  }
  const checked = schemasOf(tool).output.safeParse(outcome);
  if (!checked.success) {
    const reference = randomUUID().slice(0, 8);
    log(`joinery mcp: ${tool.name} produced output that does not match its schema (reference ${reference}): ${checked.error.message}`);
    return errorResult('INTERNAL', `internal error (reference ${reference}); the server log has the details`);
  }
  return successResult(checked.data);
}

const schemas = new WeakMap<ToolDefinition, { input: z.ZodObject; output: z.ZodObject }>();

function schemasOf(tool: ToolDefinition): { input: z.ZodObject; output: z.ZodObject } {
  let built = schemas.get(tool);
  if (!built) schemas.set(tool, (built = { input: z.object(tool.input), output: z.object(tool.output) }));
  return built;
}

function failureFromThrown(thrown: unknown, toolName: string, log: (line: string) => void): ToolFailure {
  const error = storeBusyError(thrown) ?? thrown;
  // A thrown error's details are not built for clients (they may name files): only code and message pass.
  if (isJoineryError(error) && error.code !== 'INTERNAL') return toolFailure(error.code, error.message);
  const reference = randomUUID().slice(0, 8);
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  log(`joinery mcp: ${toolName} failed (reference ${reference}): ${detail}`);
  return toolFailure('INTERNAL', `internal error (reference ${reference}); the server log has the details`);
}

function describeIssues(toolName: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`);
  return `invalid arguments for ${toolName}: ${issues.join('; ')}`;
}
