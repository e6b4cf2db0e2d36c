// Express's default error page prints stack traces; this answers in JSON-RPC, without one.

import { randomUUID } from 'node:crypto';
import { rpcError, type HttpRequest, type HttpResponse, type Next } from './http-types.ts';

export function errorHandler(log: (line: string) => void) {
  return (error: unknown, _request: HttpRequest, response: HttpResponse, _next: Next): void => {
    const { type, status } = (error ?? {}) as { type?: string; status?: number };
    if (type === 'entity.too.large') return rpcError(response, 413, -32600, 'the request body is too large (4 MB at most over HTTP)');
    if (type === 'entity.parse.failed') return rpcError(response, 400, -32700, 'Parse error: the body is not valid JSON');
    if (typeof status === 'number' && status >= 400 && status < 500) return rpcError(response, status, -32600, 'Bad Request');
    const reference = randomUUID().slice(0, 8);
    log(`joinery mcp: HTTP request failed (reference ${reference}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!response.headersSent) rpcError(response, 500, -32603, `internal error (reference ${reference})`);
  };
}
