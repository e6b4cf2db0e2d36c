// One factory for every entry point and test: an McpServer with Joinery's tools, resources and prompts.
// It owns nothing it was given; `close()` closes the MCP connection only.

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, SetLevelRequestSchema, type LoggingLevel } from '@modelcontextprotocol/sdk/types.js';
import { callTool } from './boundary/call-tool.ts';
import { mayUse } from './boundary/permissions.ts';
import { principalOf } from './boundary/principal.ts';
import { errorResult } from './boundary/tool-result.ts';
import type { McpServerDeps } from './deps.ts';
import { registerPrompts } from './prompts/index.ts';
import { registerResources, registerReviewApp } from './resources/index.ts';
import { REVIEW_APP_URI, TOOLS } from './tools/index.ts';
import { toolListing } from './tools/listing.ts';
import { openToolRequest, type ClientSession } from './tools/request-facilities.ts';

export const SERVER_NAME = 'joinery';
export const SERVER_VERSION = '0.1.0';

const INSTRUCTIONS = [
  'Joinery holds joiner/mover/leaver functions: TypeScript, type-checked, tested against fixtures in a sandbox, published as',
  'immutable versions, approved by a second person, then run, every run logged.',
  'Write: author_function (the built-in author) or save_draft (your own code; read joinery://sdk/index.d.ts and joinery://docs/fixture-format.md),',
  'then publish_function; someone else approves with review_function. Run: run_function (dry_run records outgoing calls).',
  'Function names: kebab-case, 63 characters at most.',
  'Versions: a number, "latest" or "active". Errors are isError results with structuredContent { code, message, details? }',
  '(code: NOT_FOUND, INVALID_INPUT, CHECK_FAILED, TESTS_FAILED, FORBIDDEN, CONFLICT, ...). Limits: source 512 KB, fixtures 2 MB,',
  'spec 64 KB, requirement 20,000 characters, event 256 KB.',
].join(' ');

// Built once, on the first tools/list: every session's server (one per HTTP session) lists the same tools,
// and converting 26 tools' schemas takes about 25 ms that `initialize` need not wait for.
let listings: Map<string, ReturnType<typeof toolListing>> | undefined;
const listingsOf = () => (listings ??= new Map(TOOLS.map((tool) => [tool.name, toolListing(tool)])));
const BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));

export function createServer(deps: McpServerDeps): { server: McpServer; close(): Promise<void> } {
  const log = deps.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    { capabilities: { logging: {}, tools: { listChanged: false } }, instructions: INSTRUCTIONS },
  );
  const boundDeps = { ...deps, log };

  // 1. The client's session: what it supports, and the log level it set (one server per session).
  let logLevel: LoggingLevel = 'info';
  const client: ClientSession = {
    supportsElicitation: () => Boolean(server.server.getClientCapabilities()?.elicitation?.form),
    logLevel: () => logLevel,
  };
  server.server.setRequestHandler(SetLevelRequestSchema, async (request) => {
    logLevel = request.params.level;
    return {};
  });

  // 2. Tools. The listing shows a caller only the tools its role may call; calls go straight to the
  //    boundary, which checks the role again and answers argument errors with INVALID_INPUT in
  //    structuredContent like every other error (the SDK would answer them as text only).
  server.server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => {
    const principal = principalOf(extra, boundDeps);
    const visible = principal ? TOOLS.filter((tool) => mayUse(principal.role, tool.roles)) : [];
    return { tools: visible.map((tool) => listingsOf().get(tool.name)).filter((listing) => listing !== undefined) };
  });
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = BY_NAME.get(request.params.name);
    if (!tool) return errorResult('NOT_FOUND', `no tool named ${JSON.stringify(request.params.name.slice(0, 80))}; tools/list names them`);
    const call = openToolRequest(extra, client, tool.name);
    const result = await callTool(tool, request.params.arguments, extra, boundDeps, call.facilities);
    if (result.isError) {
      call.finish(result, '');
      return result;
    }
    const output = result.structuredContent as never;
    call.finish(result, tool.outcome?.(output) ?? 'done');
    return { ...result, content: [...result.content, ...(tool.links?.(output) ?? [])] };
  });

  // 3. Resources and prompts.
  registerResources(server, boundDeps, log);
  registerReviewApp(server, REVIEW_APP_URI);
  registerPrompts(server, boundDeps, log);

  return { server, close: () => server.close() };
}
