import type { McpHttpAppOptions } from './http-app.ts';
import type { RunningHttpServer } from './serve-http.ts';

export { serveStdio } from './stdio.ts';
export type { McpHttpAppOptions } from './http-app.ts';
export type { RunningHttpServer } from './serve-http.ts';
export { isLoopbackHost } from '../../core/hosts/index.ts';

// Express and the Streamable HTTP transport load only when HTTP is served: the stdio server, which an
// assistant spawns at its own start-up, never pays for them.

/** Listens on `port` (0 picks a free one); see serve-http.ts. */
export async function serveHttp(options: McpHttpAppOptions & { port?: number }): Promise<RunningHttpServer> {
  return (await import('./serve-http.ts')).serveHttp(options);
}

