export { serveStdio } from './stdio.ts';
export { createMcpHttpApp, type McpHttpAppOptions } from './http-app.ts';
export { serveHttp, type RunningHttpServer } from './serve-http.ts';
export { isLoopbackHost } from './loopback.ts';
