// The parts of Express's request and response the HTTP entry point uses (the project has no
// @types/express; these are what express 5 provides on top of node:http).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';

export type HttpRequest = IncomingMessage & { body?: unknown; auth?: AuthInfo };

export type HttpResponse = ServerResponse & {
  status(code: number): HttpResponse;
  json(body: unknown): void;
  set(name: string, value: string): HttpResponse;
};

export type Next = (error?: unknown) => void;

export type Handler = (request: HttpRequest, response: HttpResponse, next: Next) => void | Promise<void>;

/** What express() returns, as far as this module uses it. */
export interface HttpApp {
  post(path: string, ...handlers: Handler[]): void;
  get(path: string, ...handlers: Handler[]): void;
  delete(path: string, ...handlers: Handler[]): void;
  use(handler: Handler | ((error: unknown, request: HttpRequest, response: HttpResponse, next: Next) => void)): void;
  listen(port: number, host: string, callback: (error?: Error) => void): import('node:http').Server;
}

export function rpcError(response: HttpResponse, status: number, code: number, message: string, id: unknown = null): void {
  response.status(status).json({ jsonrpc: '2.0', error: { code, message }, id });
}
