// POST /v1/events (operator or source) and GET /v1/events/<id> (operator or auditor). The event is
// persisted before the 202; its id is the idempotency key, so a retried submission is answered the same.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventQueue } from '../../core/events/index.ts';
import { MAX_EVENT_BYTES } from '../../core/pipeline/index.ts';
import type { Registry } from '../../core/registry/index.ts';
import type { TokenStore } from '../../core/tokens/index.ts';
import type { Logger } from '../logger.ts';
import type { RuntimeMetrics } from '../metrics/runtime-metrics.ts';
import { authenticate } from './authenticate.ts';
import { parseLifecycleEvent } from './parse-event.ts';
import { readBody } from './read-body.ts';
import { sendError, sendJson } from './respond.ts';

export interface EventRoutesDeps {
  queue: EventQueue;
  tokens: TokenStore;
  registry: Registry;
  metrics: RuntimeMetrics;
  logger: Logger;
}

export async function submitEvent(request: IncomingMessage, response: ServerResponse, deps: EventRoutesDeps): Promise<void> {
  const auth = authenticate(request, { tokens: deps.tokens, registry: deps.registry, roles: ['operator', 'source'], action: 'submit_event' });
  if (!auth.ok) {
    deps.metrics.countSubmission('rejected');
    return sendError(response, auth.status, auth.code, auth.message);
  }
  const body = await readBody(request, MAX_EVENT_BYTES);
  if (!body.ok) {
    deps.metrics.countSubmission('rejected');
    response.setHeader('connection', 'close');
    return sendError(response, 413, 'TOO_LARGE', `the body is larger than ${MAX_EVENT_BYTES} bytes`);
  }
  let event;
  try {
    event = parseLifecycleEvent(body.body);
  } catch (error) {
    deps.metrics.countSubmission('rejected');
    throw error;
  }
  const { created } = await deps.queue.enqueue({ id: event.id, type: event.type, payload: event.payload, source: auth.principal.name });
  deps.metrics.countSubmission(created ? 'accepted' : 'duplicate');
  deps.logger.info({ eventId: event.id, type: event.type, source: auth.principal.name, created }, created ? 'event queued' : 'event already known');
  sendJson(response, 202, { id: event.id });
}

export async function showEvent(request: IncomingMessage, response: ServerResponse, id: string, deps: EventRoutesDeps): Promise<void> {
  const auth = authenticate(request, { tokens: deps.tokens, registry: deps.registry, roles: ['operator', 'auditor'], action: 'get_event' });
  if (!auth.ok) return sendError(response, auth.status, auth.code, auth.message);
  const event = await deps.queue.get(id);
  if (!event) return sendError(response, 404, 'NOT_FOUND', `no event with id ${JSON.stringify(id)}`);
  const { payload: _payload, ...view } = event;
  sendJson(response, 200, view);
}
