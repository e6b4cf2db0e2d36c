// The tool loop through real SDK clients against loopback fakes: the Anthropic client against the Messages
// API fake and the openai client against the Chat Completions fake, the same scripts for both. No model is
// measured here: the replies are scripted.

import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createScriptedClient, type RecordedRequest, type ScriptedApi, type ScriptedReply } from '../../agent/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { FIXTURES, GOOD_SOURCE, reply, say, sourceReturning, SPEC, tool } from './scripted-replies.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

/** How each wire format carries what the tests look at. */
interface Wire {
  api: ScriptedApi;
  systemText(request: RecordedRequest | undefined): string;
  /** The tool results a request hands back for the previous turn's calls. */
  toolResults(request: RecordedRequest | undefined): Array<{ id: string; isError: boolean }>;
}

type Blocks = Array<{ type: string; tool_use_id?: string; is_error?: boolean }>;
type ChatMessages = Array<{ role: string; content: string | null; tool_call_id?: string }>;

const WIRES: Array<[string, Wire]> = [
  ['anthropic', {
    api: 'messages',
    systemText: (request) => JSON.stringify(request?.body.system),
    toolResults: (request) => {
      const last = ((request?.body.messages ?? []) as Array<{ content: Blocks }>).at(-1)?.content ?? [];
      return last.filter((block) => block.type === 'tool_result').map((block) => ({ id: block.tool_use_id ?? '', isError: block.is_error === true }));
    },
  }],
  ['openai-compatible', {
    api: 'chat-completions',
    systemText: (request) => String(((request?.body.messages ?? []) as ChatMessages)[0]?.content),
    toolResults: (request) => {
      const messages = (request?.body.messages ?? []) as ChatMessages;
      const trailing = messages.slice(messages.findLastIndex((message) => message.role !== 'tool') + 1);
      return trailing.map((message) => ({ id: message.tool_call_id ?? '', isError: String(message.content).startsWith('Error: ') }));
    },
  }],
];

async function authorWith(api: ScriptedApi, replies: ScriptedReply[], options: { maxTurns?: number; maxTokens?: number } = {}) {
  const model = await createScriptedClient({ replies, api, maxRetries: 2 });
  try {
    const result = await authorFunction({ requirement: 'Greet new joiners by first name.', model, toolchain, templates: [], ...options });
    return { result, requests: model.api.requests, remaining: model.api.remaining() };
  } finally {
    await model.close?.();
  }
}

const writeAll = (source = GOOD_SOURCE) =>
  reply(say('Spec first.'), tool('write_spec', { spec: SPEC }), tool('write_function', { source }), tool('write_fixtures', { fixtures: FIXTURES }), tool('run_fixtures', {}));
const conversation = (request: RecordedRequest | undefined) => JSON.stringify(request?.body.messages);

describe.each(WIRES)('author loop (scripted, real %s client)', (_provider, wire) => {
  const authorWithThis = (replies: ScriptedReply[], options: { maxTurns?: number; maxTokens?: number } = {}) => authorWith(wire.api, replies, options);

  it('happy path: spec, function, fixtures, passing run, finish', async () => {
    const { result, requests } = await authorWithThis([writeAll(), reply(tool('finish', { summary: 'done' }))]);
    expect(result).toMatchObject({ ok: true, stop: 'finished', turns: 2 });
    expect(result.draft.lastTest?.report).toMatchObject({ passed: 1, failed: 0 });
    expect(result.usage).toMatchObject({ inputTokens: 2000, outputTokens: 400 });
    // The SDK and the conventions in the system prompt, the tool results sent back, each paired with its call.
    expect(wire.systemText(requests[0])).toContain("declare module '@joinery/sdk'");
    expect(wire.systemText(requests[0])).toContain('# Conventions for Joinery functions');
    const turn = result.messages[1]?.content;
    const calls = (Array.isArray(turn) ? turn : []).flatMap((block) => (block.type === 'tool_use' ? [block.id] : []));
    expect(calls).toHaveLength(4);
    expect(wire.toolResults(requests[1])).toEqual(calls.map((id) => ({ id, isError: false })));
  });

  it('a type error goes back to the model, which fixes it', async () => {
    const { result, requests } = await authorWithThis([
      writeAll(sourceReturning('event.person.firstName * 2')),
      reply(tool('write_function', { source: GOOD_SOURCE }), tool('run_fixtures', {})),
      reply(tool('finish', { summary: 'fixed' })),
    ]);
    expect(result.ok).toBe(true);
    const feedback = conversation(requests[1]);
    expect(feedback).toMatch(/type-check: 9:\d+ The left-hand side of an arithmetic operation/);
  });

  it('a failing fixture goes back with a diff, and the model fixes the code', async () => {
    const { result, requests } = await authorWithThis([
      writeAll(sourceReturning("'Hello ' + event.person.firstName")),
      reply(tool('write_function', { source: GOOD_SOURCE }), tool('run_fixtures', {})),
      reply(tool('finish', { summary: 'fixed' })),
    ]);
    expect(result.ok).toBe(true);
    expect(conversation(requests[1])).toContain('0 passed, 1 failed');
  });

  it('refuses to finish with failing fixtures, and keeps the draft when the model gives up', async () => {
    const { result, requests } = await authorWithThis([
      writeAll(sourceReturning("'Hello'")),
      reply(tool('finish', { summary: 'looks fine' })),
      reply(tool('give_up', { reason: 'I cannot tell which greeting the admin wants.' })),
    ]);
    expect(result).toMatchObject({ ok: false, stop: 'gave-up', reason: 'I cannot tell which greeting the admin wants.' });
    expect(result.draft.source).toContain("'Hello'");
    expect(conversation(requests[2])).toContain('Cannot finish: the latest run_fixtures did not pass');
  });

  it('malformed tool input and unknown tools come back as errors, not crashes', async () => {
    const { result, requests } = await authorWithThis([
      reply(tool('write_spec', { spec: { name: 'Not Kebab' } }), tool('write_function', { source: 42 }), tool('launch_rockets', {})),
      writeAll(),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result.ok).toBe(true);
    const feedback = conversation(requests[1]);
    expect(feedback).toContain('Invalid input for write_spec');
    expect(feedback).toContain('Invalid input for write_function');
    expect(feedback).toContain('Unknown tool \\"launch_rockets\\"');
    expect(wire.toolResults(requests[1]).map((result) => result.isError)).toEqual([true, true, true]);
  });

  it('retries 429 and 529, then succeeds', async () => {
    const { result, requests } = await authorWithThis([
      { kind: 'error', status: 429, type: 'rate_limit_error', headers: { 'retry-after-ms': '10' } },
      { kind: 'error', status: 529, type: 'overloaded_error', headers: { 'retry-after-ms': '10' } },
      writeAll(),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result.ok).toBe(true);
    expect(requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2', '0']);
  });

  it('surfaces a 400 without retrying and keeps the draft', async () => {
    const tooLong: ScriptedReply = { kind: 'error', status: 400, type: 'invalid_request_error', message: 'prompt is too long' };
    const { result, requests } = await authorWithThis([writeAll(), tooLong]);
    expect(result).toMatchObject({ ok: false, stop: 'model-error' });
    expect(result.reason).toContain('400');
    expect(result.reason).toContain('prompt is too long');
    expect(requests).toHaveLength(2);
    expect(result.draft.source).toBe(GOOD_SOURCE);
  });

  it('stops when the token budget is exhausted', async () => {
    const { result, remaining } = await authorWithThis([reply(tool('read_sdk', {})), reply(tool('list_templates', {})), writeAll()], { maxTokens: 2000 });
    expect(result).toMatchObject({ ok: false, stop: 'budget' });
    expect(result.reason).toContain('2400 tokens');
    expect(remaining).toBe(1);
  });

  it('stops when the model makes no progress, and at the turn limit', async () => {
    const idle = () => reply(tool('read_sdk', {}));
    const stalled = await authorWithThis([writeAll(sourceReturning("'Hello'")), idle(), idle(), idle(), idle()]);
    expect(stalled.result.stop).toBe('no-progress');
    const limited = await authorWithThis([reply(tool('write_spec', { spec: SPEC })), reply(tool('write_function', { source: GOOD_SOURCE }))], { maxTurns: 2 });
    expect(limited.result).toMatchObject({ ok: false, stop: 'turn-limit' });
  });
});

describe('what each wire format adds', () => {
  it('anthropic: streams, and caches the static prefix', async () => {
    const { requests } = await authorWith('messages', [writeAll(), reply(tool('finish', { summary: 'done' }))]);
    expect(requests[0]?.body.stream).toBe(true);
    expect(JSON.stringify(requests[0]?.body.system)).toContain('"cache_control":{"type":"ephemeral"}');
  });

  it('openai-compatible: one system message, tools as functions, calls in the assistant message and results as role "tool"', async () => {
    const { requests } = await authorWith('chat-completions', [writeAll(), reply(tool('finish', { summary: 'done' }))]);
    type ChatBody = {
      stream?: boolean;
      max_tokens: number;
      tools: Array<{ type: string; function: { name: string } }>;
      messages: Array<Record<string, unknown>>;
    };
    const body = requests[1]?.body as ChatBody;
    expect(body.stream).toBeUndefined();
    expect(body.max_tokens).toBe(8192);
    expect(body.tools.every((entry) => entry.type === 'function')).toBe(true);
    expect(body.tools.map((entry) => entry.function.name)).toContain('run_fixtures');
    expect(body.messages.map((message) => message.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool', 'tool', 'tool']);
    const assistant = body.messages[2] as { content: string; tool_calls: Array<{ type: string; function: { name: string; arguments: string } }> };
    expect(assistant.content).toBe('Spec first.');
    expect(assistant.tool_calls.map((call) => call.function.name)).toEqual(['write_spec', 'write_function', 'write_fixtures', 'run_fixtures']);
    expect(JSON.parse(assistant.tool_calls[0]?.function.arguments ?? 'null')).toEqual({ spec: SPEC });
  });
});

describe('run_fixtures tells the model about warnings', () => {
  it('lists them under their fixture, and they do not fail the run', async () => {
    const unexpecting = [{ ...FIXTURES[0], name: 'nothing expected', expect: undefined }];
    const { result, requests } = await authorWith('messages', [
      reply(tool('write_spec', { spec: SPEC }), tool('write_function', { source: GOOD_SOURCE }), tool('write_fixtures', { fixtures: unexpecting })),
      reply(tool('run_fixtures', {})),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result.ok).toBe(true);
    expect(conversation(requests[2])).toContain('Warnings (they do not fail a fixture):\\n⚠ nothing expected\\n    no expect: this test passes whenever');
  });
});
