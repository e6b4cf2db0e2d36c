// POST /v1/hooks/<source>: an HR system's signed webhook. The signature and timestamp are checked, the
// source's mapping (a published, approved function) turns the payload into lifecycle events, and each is
// queued like POST /v1/events. Every refusal is a 4xx, queues nothing, and leaves an audit record.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DeliveryLog, EventQueue } from '../../core/events/index.ts';
import { MAX_EVENT_BYTES } from '../../core/pipeline/index.ts';
import type { ExecutionRecord, Registry } from '../../core/registry/index.ts';
import { checkLifecycleEvent, type ParsedEvent } from '../http/parse-event.ts';
import { readBody } from '../http/read-body.ts';
import { sendError, sendJson } from '../http/respond.ts';
import type { Logger } from '../logger.ts';
import { verifyWebhookSignature } from './verify-signature.ts';

export interface HookSource {
  /** The secret store entry holding the shared HMAC secret. */
  secret: string;
  /** The approved function that maps this source's payload to a lifecycle event or a list of them. */
  mapping: string;
}

export interface HookRouteDeps {
  hooks: Record<string, HookSource>;
  readSecret(name: string): string | undefined;
  runMapping(input: { name: string; payload: unknown; source: string }): Promise<ExecutionRecord>;
  deliveries: DeliveryLog;
  queue: EventQueue;
  registry: Registry;
  logger: Logger;
  replayWindowMs?: number;
  now?: () => number;
}

const MAX_EVENTS_PER_DELIVERY = 100;

export async function receiveHook(request: IncomingMessage, response: ServerResponse, source: string, deps: HookRouteDeps): Promise<void> {
  const { replayWindowMs = 300_000, now = Date.now } = deps;
  const refuse = (status: number, code: string, message: string, detail: Record<string, unknown>) => {
    deps.registry.recordAudit({ actor: `hook:${source}`, action: 'webhook', target: source, allowed: false, detail: { status, ...detail } });
    deps.logger.warn({ source, status, ...detail }, 'webhook refused');
    if (status === 413) response.setHeader('connection', 'close');
    sendError(response, status, code, message);
  };

  // 1. A configured source, a bounded body, a configured secret.
  const hook = Object.hasOwn(deps.hooks, source) ? deps.hooks[source] : undefined;
  if (!hook) return refuse(404, 'NOT_FOUND', `no webhook source named ${JSON.stringify(source)}`, { reason: 'unknown-source' });
  const body = await readBody(request, MAX_EVENT_BYTES);
  if (!body.ok) return refuse(413, 'TOO_LARGE', `the body is larger than ${MAX_EVENT_BYTES} bytes`, { reason: 'too-large' });
  const secret = deps.readSecret(hook.secret);
  if (secret === undefined) return refuse(503, 'NOT_CONFIGURED', `the webhook secret ${hook.secret} is not set: joinery secret set ${hook.secret}`, { reason: 'no-secret' });

  // 2. The signature, within the replay window.
  const signature = header(request, 'x-joinery-signature');
  const check = verifyWebhookSignature({ secret, timestamp: header(request, 'x-joinery-timestamp'), signature, body: body.body, nowMs: now(), windowMs: replayWindowMs });
  if (!check.ok) return refuse(401, 'BAD_SIGNATURE', `the delivery is not signed correctly (${check.reason})`, { reason: check.reason });
  let payload: unknown;
  try {
    payload = JSON.parse(body.body.toString('utf8'));
  } catch {
    return refuse(400, 'INVALID_INPUT', 'the body is not valid JSON', { reason: 'malformed' });
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return refuse(400, 'INVALID_INPUT', 'the body must be a JSON object', { reason: 'malformed' });

  // 3. The mapping, then the events it produced, checked like POST /v1/events.
  const mapped = await mapPayload(hook.mapping, payload, source, deps);
  if (!mapped.ok) return refuse(422, 'MAPPING_FAILED', mapped.message, { reason: 'mapping', mapping: hook.mapping });

  // 4. A replay (same signed delivery again) is refused; a first delivery queues its events.
  if (!(await deps.deliveries.remember({ source, signature: signature ?? '', windowMs: replayWindowMs }))) {
    return refuse(409, 'REPLAYED', 'this signed delivery was already received', { reason: 'replay' });
  }
  for (const event of mapped.events) await deps.queue.enqueue({ id: event.id, type: event.type, payload: event.payload, source: `hook:${source}` });
  const ids = mapped.events.map((event) => event.id);
  deps.registry.recordAudit({ actor: `hook:${source}`, action: 'webhook', target: source, allowed: true, detail: { ids } });
  deps.logger.info({ source, ids }, 'webhook accepted');
  sendJson(response, 202, { ids });
}

async function mapPayload(mapping: string, payload: unknown, source: string, deps: HookRouteDeps): Promise<{ ok: true; events: ParsedEvent[] } | { ok: false; message: string }> {
  let execution: ExecutionRecord;
  try {
    execution = await deps.runMapping({ name: mapping, payload, source });
  } catch (error) {
    return { ok: false, message: `the mapping ${mapping} could not run: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (execution.outcome.kind !== 'returned') return { ok: false, message: `the mapping ${mapping} did not return (${execution.outcome.kind}); see joinery logs ${mapping} --id ${execution.id}` };
  const value = execution.outcome.value;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.length > MAX_EVENTS_PER_DELIVERY) return { ok: false, message: `the mapping ${mapping} must return 1 to ${MAX_EVENTS_PER_DELIVERY} events` };
  try {
    return { ok: true, events: list.map((item, index) => checkLifecycleEvent(item, `event ${index + 1} from ${mapping}`)) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}
