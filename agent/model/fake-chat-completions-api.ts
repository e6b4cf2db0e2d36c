// A loopback fake of the Chat Completions API (POST <base>/chat/completions) that serves the same scripted
// replies as the Messages fake, as completions with `tool_calls`, `finish_reason` and `usage`, and records
// every request. It backs the scripted openai-compatible client and the agent tests, so the real openai
// client, its retries and its error handling are what is exercised. Listens on 127.0.0.1 only.
// A tool_use block whose input is `{ "$rawArguments": "<text>" }` is sent with exactly that text as its
// arguments, so a test can script the malformed JSON a small model sometimes writes.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeMessagesApi, RecordedRequest, ScriptedReply } from './fake-messages-api.ts';
import type { AssistantBlock } from './types.ts';

export const RAW_ARGUMENTS = '$rawArguments';

export async function startFakeChatCompletionsApi({ replies }: { replies: ScriptedReply[] }): Promise<FakeMessagesApi> {
  const queue = [...replies];
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => sendJson(response, 500, errorBody('server_error', String(error))));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      return sendJson(response, 404, errorBody('not_found', 'only POST /v1/chat/completions'));
    }
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    requests.push({ headers: request.headers, body });
    if (body.stream === true) return sendJson(response, 400, errorBody('invalid_request_error', 'this fake does not stream'));
    const reply = queue.shift();
    if (!reply) return sendJson(response, 500, errorBody('server_error', 'the script has no more replies'));
    if (reply.kind === 'error') {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(errorBody(reply.type ?? 'server_error', reply.message ?? `scripted ${reply.status}`)));
      return;
    }
    sendJson(response, 200, toCompletion(reply, String(body.model ?? 'scripted'), requests.length));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    remaining: () => queue.length,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const FINISH_REASONS: Record<string, string> = { end_turn: 'stop', tool_use: 'tool_calls', max_tokens: 'length', refusal: 'content_filter' };

function toCompletion(reply: Extract<ScriptedReply, { kind: 'message' }>, model: string, sequence: number) {
  const text = reply.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
  const calls = reply.content.flatMap((block) => (block.type === 'tool_use' ? [toToolCall(block)] : []));
  const stopReason = reply.stopReason ?? (calls.length > 0 ? 'tool_use' : 'end_turn');
  const input = reply.usage?.input ?? 100;
  const cached = reply.usage?.cacheRead ?? 0;
  const output = reply.usage?.output ?? 50;
  return {
    id: `chatcmpl-scripted-${sequence}`,
    object: 'chat.completion',
    created: 1_790_000_000 + sequence,
    model,
    choices: [{
      index: 0,
      message: { role: 'assistant', content: text === '' ? null : text, refusal: null, ...(calls.length === 0 ? {} : { tool_calls: calls }) },
      finish_reason: FINISH_REASONS[stopReason] ?? stopReason,
      logprobs: null,
    }],
    usage: {
      prompt_tokens: input + cached,
      completion_tokens: output,
      total_tokens: input + cached + output,
      prompt_tokens_details: { cached_tokens: cached },
    },
  };
}

function toToolCall(block: Extract<AssistantBlock, { type: 'tool_use' }>) {
  const input = block.input as Record<string, unknown> | null;
  const raw = typeof input === 'object' && input !== null && typeof input[RAW_ARGUMENTS] === 'string' ? (input[RAW_ARGUMENTS] as string) : undefined;
  return { id: block.id, type: 'function', function: { name: block.name, arguments: raw ?? JSON.stringify(block.input) } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function errorBody(type: string, message: string) {
  return { error: { message, type, param: null, code: null } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
