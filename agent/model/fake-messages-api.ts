// A loopback fake of the Messages API (POST /v1/messages, JSON or SSE stream) that serves scripted replies
// in order and records every request. It backs the `scripted` provider and the agent tests, so the real
// SDK client, its retries and its stream parsing are what is exercised. Listens on 127.0.0.1 only.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AssistantBlock } from './types.ts';

export type ScriptedReply =
  | { kind: 'message'; content: AssistantBlock[]; stopReason?: string; usage?: { input?: number; output?: number; cacheRead?: number; cacheWrite?: number } }
  | { kind: 'error'; status: number; type?: string; message?: string; headers?: Record<string, string> };

export interface RecordedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export interface FakeMessagesApi {
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies not yet served. */
  remaining(): number;
  close(): Promise<void>;
}

export async function startFakeMessagesApi({ replies }: { replies: ScriptedReply[] }): Promise<FakeMessagesApi> {
  const queue = [...replies];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => sendJson(response, 500, errorBody('api_error', String(error))));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST' || !request.url?.startsWith('/v1/messages')) return sendJson(response, 404, errorBody('not_found_error', 'only POST /v1/messages'));
    if (!request.headers.authorization && !request.headers['x-api-key']) return sendJson(response, 401, errorBody('authentication_error', 'missing key'));
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    requests.push({ headers: request.headers, body });
    const reply = queue.shift();
    if (!reply) return sendJson(response, 500, errorBody('api_error', 'the script has no more replies'));
    if (reply.kind === 'error') {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(errorBody(reply.type ?? 'api_error', reply.message ?? `scripted ${reply.status}`)));
      return;
    }
    const message = toMessage(reply, String(body.model ?? 'scripted'), requests.length);
    if (body.stream === true) return sendStream(response, message);
    sendJson(response, 200, message);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    remaining: () => queue.length,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

type Message = ReturnType<typeof toMessage>;

function toMessage(reply: Extract<ScriptedReply, { kind: 'message' }>, model: string, sequence: number) {
  const hasToolUse = reply.content.some((block) => block.type === 'tool_use');
  return {
    id: `msg_scripted_${sequence}`,
    type: 'message' as const,
    role: 'assistant' as const,
    model,
    content: reply.content,
    stop_reason: reply.stopReason ?? (hasToolUse ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    usage: {
      input_tokens: reply.usage?.input ?? 100,
      output_tokens: reply.usage?.output ?? 50,
      cache_read_input_tokens: reply.usage?.cacheRead ?? 0,
      cache_creation_input_tokens: reply.usage?.cacheWrite ?? 0,
    },
  };
}

function sendStream(response: ServerResponse, message: Message): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (type: string, data: Record<string, unknown>) => response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  send('message_start', { message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 0 } } });
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } });
      send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
    } else {
      send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      const json = JSON.stringify(block.input);
      // Split the input JSON in two deltas so the client's partial-JSON assembly is exercised.
      const middle = Math.floor(json.length / 2);
      send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(0, middle) } });
      send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(middle) } });
    }
    send('content_block_stop', { index });
  });
  send('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: message.usage.output_tokens } });
  send('message_stop', {});
  response.end();
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function errorBody(type: string, message: string) {
  return { type: 'error', error: { type, message } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
