// The openai-compatible provider beyond the shared loop tests: malformed tool arguments, retry-after in
// seconds and 500s, what it sends (no OPENAI_* variable, a key only when one is given), token usage with a
// cached prefix, and errors that name the server without a stack. Against the loopback fake; no model.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  authorFunction,
  createOpenAiCompatibleClient,
  createScriptedClient,
  RAW_ARGUMENTS,
  startFakeChatCompletionsApi,
  type ModelRequest,
  type ScriptedReply,
} from '../../agent/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { FIXTURES, GOOD_SOURCE, reply, SPEC, tool } from './scripted-replies.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const REQUEST: ModelRequest = { system: [{ text: 'system' }], messages: [{ role: 'user', content: 'hello' }], tools: [], maxTokens: 100 };
const writeAll = () =>
  reply(
    tool('write_spec', { spec: SPEC }),
    tool('write_function', { source: GOOD_SOURCE }),
    tool('write_fixtures', { fixtures: FIXTURES }),
    tool('run_fixtures', {}),
  );

async function authorWith(replies: ScriptedReply[]) {
  const model = await createScriptedClient({ replies, api: 'chat-completions', maxRetries: 2 });
  try {
    const result = await authorFunction({ requirement: 'Greet new joiners by first name.', model, toolchain, templates: [] });
    return { result, requests: model.api.requests };
  } finally {
    await model.close?.();
  }
}

describe('openai-compatible in the tool loop', () => {
  it('hands malformed JSON arguments back to the model as an error, and goes on', async () => {
    const { result, requests } = await authorWith([
      reply(tool('write_spec', { [RAW_ARGUMENTS]: '{"spec": {"name": "greet-joiner",' })),
      writeAll(),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result).toMatchObject({ ok: true, stop: 'finished' });
    type ChatMessage = { role: string; content: string | null; tool_calls?: Array<{ function: { arguments: string } }> };
    const messages = (requests[1]?.body.messages ?? []) as ChatMessage[];
    const refusal = /^Error: The arguments for write_spec are not a JSON object: /;
    expect(messages.at(-1)).toMatchObject({ role: 'tool', content: expect.stringMatching(refusal) });
    // The history sends {} for them: servers that parse the history would refuse the broken text.
    expect(messages.at(-2)?.tool_calls?.[0]?.function.arguments).toBe('{}');
  });

  it('retries a 429 with retry-after in seconds and a 500, then succeeds', async () => {
    const { result, requests } = await authorWith([
      { kind: 'error', status: 429, type: 'rate_limit_exceeded', headers: { 'retry-after': '1' } },
      { kind: 'error', status: 500, type: 'server_error', headers: { 'retry-after-ms': '10' } },
      writeAll(),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result.ok).toBe(true);
    expect(requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2', '0']);
  });
});

describe('createOpenAiCompatibleClient', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('sends no Authorization and reads no OPENAI_* variable without a key; a Bearer key when given one', async () => {
    Object.assign(process.env, { OPENAI_API_KEY: 'sk-vendor', OPENAI_ORG_ID: 'org-1', OPENAI_PROJECT_ID: 'proj-1' });
    Object.assign(process.env, { OPENAI_ADMIN_KEY: 'sk-admin', OPENAI_BASE_URL: 'https://api.openai.com/v1' });
    const api = await startFakeChatCompletionsApi({ replies: [reply(), reply()] });
    try {
      await createOpenAiCompatibleClient({ baseURL: api.baseURL, model: 'qwen', maxRetries: 0 }).complete(REQUEST);
      await createOpenAiCompatibleClient({ baseURL: api.baseURL, model: 'qwen', apiKey: 'local-key', maxRetries: 0 }).complete(REQUEST);
      const [first, second] = api.requests;
      expect(first?.headers.authorization).toBeUndefined();
      expect(first?.headers['openai-organization']).toBeUndefined();
      expect(first?.headers['openai-project']).toBeUndefined();
      expect(first?.body.model).toBe('qwen');
      expect(second?.headers.authorization).toBe('Bearer local-key');
    } finally {
      await api.close();
    }
  });

  it('reads usage with a cached prefix as input, output and cache-read tokens, and costs nothing it can know', async () => {
    const cachedPrefix: ScriptedReply = { kind: 'message', content: [{ type: 'text', text: 'hi' }], usage: { input: 700, cacheRead: 300, output: 20 } };
    const api = await startFakeChatCompletionsApi({ replies: [cachedPrefix] });
    try {
      const client = createOpenAiCompatibleClient({ baseURL: api.baseURL, model: 'qwen', maxRetries: 0 });
      const response = await client.complete(REQUEST);
      expect(response).toEqual({
        content: [{ type: 'text', text: 'hi' }],
        stopReason: 'end_turn',
        model: 'qwen',
        usage: { inputTokens: 700, outputTokens: 20, cacheReadTokens: 300, cacheWriteTokens: 0 },
      });
      expect(client.estimateCostUsd(response.usage)).toBe(0);
      expect(client.provider).toBe('openai-compatible');
    } finally {
      await api.close();
    }
  });

  it('names the server and the reason when it cannot be reached, with no stack', async () => {
    const port = await closedPort();
    const client = createOpenAiCompatibleClient({ baseURL: `http://127.0.0.1:${port}/v1`, model: 'qwen', maxRetries: 0 });
    const error = (await client.complete(REQUEST).catch((rejection: unknown) => rejection)) as Error;
    expect(error).toMatchObject({ name: 'ModelRequestError' });
    const reason = 'could not be reached (ECONNREFUSED); is it running, and is JOINERY_MODEL_URL right?';
    expect(error.message).toBe(`the model server at http://127.0.0.1:${port}/v1 ${reason}`);
  });

  it.each([
    ['http://admin:hunter2@127.0.0.1:8000/v1', 'must not hold a user name or password; put the key in JOINERY_MODEL_KEY'],
    ['localhost:11434', 'must be an http or https URL'],
    ['not a url', 'is not a URL'],
  ])('refuses the base URL %s before any request, without echoing a password', (baseURL, message) => {
    const creating = () => createOpenAiCompatibleClient({ baseURL, model: 'qwen' });
    expect(creating).toThrow(message);
    expect(creating).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.not.stringContaining('hunter2') }));
  });

  it('adds a hint to a 404, and says so when the answer has no choice', async () => {
    const api = await startFakeChatCompletionsApi({ replies: [{ kind: 'error', status: 404, type: 'not_found', message: 'model "qwen" not found' }] });
    try {
      const client = createOpenAiCompatibleClient({ baseURL: api.baseURL, model: 'qwen', maxRetries: 0 });
      const hinted = /answered 404: .*model "qwen" not found \(check JOINERY_MODEL_URL, which usually ends in \/v1, and JOINERY_MODEL\)$/;
      await expect(client.complete(REQUEST)).rejects.toThrow(hinted);
    } finally {
      await api.close();
    }
    const empty = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x","choices":[]}'));
    await new Promise<void>((resolve) => empty.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = empty.address() as AddressInfo;
      const client = createOpenAiCompatibleClient({ baseURL: `http://127.0.0.1:${port}/v1`, model: 'qwen', maxRetries: 0 });
      await expect(client.complete(REQUEST)).rejects.toThrow('answered without a choice; is JOINERY_MODEL a chat model?');
    } finally {
      await new Promise((resolve) => empty.close(resolve));
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
