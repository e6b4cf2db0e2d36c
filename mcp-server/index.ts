// The MCP server: createServer(deps) → { server, close }, one file per tool, and the stdio and
// Streamable HTTP entry points.

export { createServer, SERVER_NAME, SERVER_VERSION } from './create-server.ts';
export type { McpServerDeps, Principal } from './deps.ts';
export { createPostgresDraftStore, createSqliteDraftStore, type DraftRecord, type DraftStore } from './drafts/index.ts';
export { TOOLS, type ToolDefinition } from './tools/index.ts';
export { isLoopbackHost, serveHttp, serveStdio, type McpHttpAppOptions, type RunningHttpServer } from './transports/index.ts';
export { createOidcCodeFlow } from './auth/index.ts';
