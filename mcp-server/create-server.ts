// One factory for every entry point and test: an McpServer with Joinery's tools, resources and prompts.
// It owns nothing it was given; `close()` closes the MCP connection only.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type * as z from 'zod';
import { callTool } from './boundary/call-tool.ts';
import { errorResult, toolOutputSchema } from './boundary/tool-result.ts';
import type { McpServerDeps } from './deps.ts';
import { registerPrompts } from './prompts/index.ts';
import { registerResources } from './resources/index.ts';
import { TOOLS } from './tools/index.ts';

export const SERVER_NAME = 'joinery';
export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS = [
  'Joinery holds joiner/mover/leaver functions: TypeScript functions that are type-checked, tested against fixtures in a sandbox,',
  'published as immutable versions, approved by a second person, and only then run, with every run logged.',
  'Read: list_functions, get_function, list_versions, diff_versions, list_executions, get_execution.',
  'Write: author_function (the built-in author) or save_draft (your own code), then publish_function; someone else reviews with review_function.',
  'Run: run_function (dry_run=true records outgoing calls instead of sending them). Roll back with activate_version.',
  'Errors carry a stable code in structuredContent.code (NOT_FOUND, INVALID_INPUT, CHECK_FAILED, TESTS_FAILED, FORBIDDEN, CONFLICT, ...).',
].join(' ');

// Built once: every session's server (one per HTTP session) lists the same schemas.
const OUTPUT_SCHEMAS = new Map(TOOLS.map((tool) => [tool.name, toolOutputSchema(tool.output)]));

export function createServer(deps: McpServerDeps): { server: McpServer; close(): Promise<void> } {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION }, { capabilities: { logging: {} }, instructions: INSTRUCTIONS });
  const boundDeps = { ...deps, log };

  // 1. Tools: listed by the SDK from their schemas.
  for (const tool of TOOLS) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input, outputSchema: OUTPUT_SCHEMAS.get(tool.name) as z.ZodObject, annotations: tool.annotations },
      (args: unknown, extra) => callTool(tool, args, extra, boundDeps),
    );
  }
  // The SDK would check arguments before a tool runs and answer failures as text only; Joinery answers
  // them with INVALID_INPUT in structuredContent like every other error, so calls go straight to the
  // boundary (tools/list stays the SDK's).
  const byName = new Map(TOOLS.map((tool) => [tool.name, tool]));
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = byName.get(request.params.name);
    if (!tool) return errorResult('NOT_FOUND', `no tool named ${JSON.stringify(request.params.name.slice(0, 80))}; tools/list names them`);
    return callTool(tool, request.params.arguments, extra, boundDeps);
  });

  // 2. Resources and prompts.
  registerResources(server, boundDeps, log);
  registerPrompts(server, boundDeps, log);

  return { server, close: () => server.close() };
}
