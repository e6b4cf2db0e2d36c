// The routes of `joinery serve`. Health answers while the process lives; readiness only while workers
// run and the server is not draining, so a load balancer stops sending before shutdown.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { receiveHook, type HookRouteDeps } from '../hooks/hook-route.ts';
import type { Console } from '../console/index.ts';
import type { Logger } from '../logger.ts';
import { showEvent, submitEvent, type EventRoutesDeps } from './events-routes.ts';
import { sendError, sendFailure, sendJson, sendText } from './respond.ts';

export interface HandlerDeps extends EventRoutesDeps {
  logger: Logger;
  isReady(): boolean;
  /** Signed webhooks; without them every /v1/hooks/<source> is 404. */
  hooks?: Omit<HookRouteDeps, 'queue' | 'registry' | 'logger'>;
  /** The review console's pages at / (server/console); omitted, those paths are 404. */
  console?: Console;
}

const EVENT_PATH = /^\/v1\/events\/([^/]+)$/;
const HOOK_PATH = /^\/v1\/hooks\/([a-z0-9][a-z0-9._-]{0,63})$/;

export function createHandler(deps: HandlerDeps): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    route(request, response, deps).catch((error: unknown) => {
      if (!isExpected(error)) deps.logger.error({ err: error, method: request.method, path: pathOf(request) }, 'request failed');
      if (!response.headersSent) sendFailure(response, error);
      else response.destroy();
    });
  };
}

async function route(request: IncomingMessage, response: ServerResponse, deps: HandlerDeps): Promise<void> {
  const path = pathOf(request);
  const method = request.method ?? 'GET';
  if (path === '/healthz' && method === 'GET') return sendJson(response, 200, { status: 'ok' });
  if (path === '/readyz' && method === 'GET') {
    return deps.isReady() ? sendJson(response, 200, { status: 'ready' }) : sendJson(response, 503, { status: 'not ready' });
  }
  if (path === '/metrics' && method === 'GET') return sendText(response, 200, await deps.metrics.render(deps.queue), 'text/plain; version=0.0.4; charset=utf-8');
  if (path === '/v1/events') {
    if (method === 'POST') return submitEvent(request, response, deps);
    return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'use POST /v1/events');
  }
  const eventMatch = EVENT_PATH.exec(path);
  if (eventMatch?.[1] !== undefined) {
    if (method !== 'GET') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'use GET /v1/events/<id>');
    return showEvent(request, response, safeDecode(eventMatch[1]), deps);
  }
  const hookMatch = HOOK_PATH.exec(path);
  if (hookMatch?.[1] !== undefined && deps.hooks) {
    if (method !== 'POST') return sendError(response, 405, 'METHOD_NOT_ALLOWED', 'use POST /v1/hooks/<source>');
    return receiveHook(request, response, hookMatch[1], { ...deps.hooks, queue: deps.queue, registry: deps.registry, logger: deps.logger });
  }
  if (deps.console && (await deps.console.handle(request, response))) return;
  return sendError(response, 404, 'NOT_FOUND', `no route ${method} ${path}`);
}

function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?')[0] ?? '/';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isExpected(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code !== 'INTERNAL' && (error as { name?: unknown }).name === 'JoineryError';
}
