// Listening for the HTTP entry point: resolves once the port is bound (port 0 picks a free one) and
// hands back the URL and a close that ends every session before the listener.

import type { AddressInfo } from 'node:net';
import { createMcpHttpApp, type McpHttpAppOptions } from './http-app.ts';

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serveHttp({ port = 3000, host = '127.0.0.1', ...options }: McpHttpAppOptions & { port?: number }): Promise<RunningHttpServer> {
  const { app, close: closeSessions } = createMcpHttpApp({ ...options, host });
  const listener = await new Promise<import('node:http').Server>((resolve, reject) => {
    const server = app.listen(port, host, (error) => (error ? reject(error) : resolve(server)));
    server.once('error', reject);
  });
  const bound = (listener.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/mcp`,
    port: bound,
    async close() {
      await closeSessions();
      listener.closeAllConnections();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
