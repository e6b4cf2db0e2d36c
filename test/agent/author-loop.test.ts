// The tool loop through the real @anthropic-ai/sdk client against a loopback fake of the Messages API.
// No model is measured here: the replies are scripted.

import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createScriptedClient, type ScriptedReply } from '../../agent/index.ts';
import { createRealToolchain } from '../helpers/real-toolchain.ts';
import { FIXTURES, GOOD_SOURCE, reply, say, sourceReturning, SPEC, tool } from './scripted-replies.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

async function authorWith(replies: ScriptedReply[], options: { maxTurns?: number; maxTokens?: number } = {}) {
  const model = await createScriptedClient({ replies, maxRetries: 2 });
  try {
    const result = await authorFunction({ requirement: 'Greet new joiners by first name.', model, toolchain, templates: [], ...options });
    return { result, requests: model.api.requests, remaining: model.api.remaining() };
  } finally {
    await model.close?.();
  }
}

const writeAll = (source = GOOD_SOURCE) => reply(say('Spec first.'), tool('write_spec', { spec: SPEC }), tool('write_function', { source }), tool('write_fixtures', { fixtures: FIXTURES }), tool('run_fixtures', {}));

describe('author loop (scripted Messages API, real SDK client)', () => {
  it('happy path: spec, function, fixtures, passing run, finish', async () => {
    const { result, requests } = await authorWith([writeAll(), reply(tool('finish', { summary: 'done' }))]);
    expect(result).toMatchObject({ ok: true, stop: 'finished', turns: 2 });
    expect(result.draft.lastTest?.report).toMatchObject({ passed: 1, failed: 0 });
    expect(result.usage).toMatchObject({ inputTokens: 2000, outputTokens: 400 });
    // Streaming, the static prefix cached, the tool results sent back.
    expect(requests[0]!.body.stream).toBe(true);
    expect(JSON.stringify(requests[0]!.body.system)).toContain('"cache_control":{"type":"ephemeral"}');
    expect(JSON.stringify(requests[0]!.body.system)).toContain("declare module '@joinery/sdk'");
    const lastMessage = (requests[1]!.body.messages as Array<{ content: Array<{ type: string; is_error?: boolean }> }>).at(-1)!;
    expect(lastMessage.content.map((block) => block.type)).toEqual(['tool_result', 'tool_result', 'tool_result', 'tool_result']);
  });

  it('a type error goes back to the model, which fixes it', async () => {
    const { result, requests } = await authorWith([
      writeAll(sourceReturning('event.person.firstName * 2')),
      reply(tool('write_function', { source: GOOD_SOURCE }), tool('run_fixtures', {})),
      reply(tool('finish', { summary: 'fixed' })),
    ]);
    expect(result.ok).toBe(true);
    const feedback = JSON.stringify(requests[1]!.body.messages);
    expect(feedback).toMatch(/type-check: 9:\d+ The left-hand side of an arithmetic operation/);
  });

  it('a failing fixture goes back with a diff, and the model fixes the code', async () => {
    const { result, requests } = await authorWith([
      writeAll(sourceReturning("'Hello ' + event.person.firstName")),
      reply(tool('write_function', { source: GOOD_SOURCE }), tool('run_fixtures', {})),
      reply(tool('finish', { summary: 'fixed' })),
    ]);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(requests[1]!.body.messages)).toContain('0 passed, 1 failed');
  });

  it('refuses to finish with failing fixtures, and keeps the draft when the model gives up', async () => {
    const { result, requests } = await authorWith([
      writeAll(sourceReturning("'Hello'")),
      reply(tool('finish', { summary: 'looks fine' })),
      reply(tool('give_up', { reason: 'I cannot tell which greeting the admin wants.' })),
    ]);
    expect(result).toMatchObject({ ok: false, stop: 'gave-up', reason: 'I cannot tell which greeting the admin wants.' });
    expect(result.draft.source).toContain("'Hello'");
    expect(JSON.stringify(requests[2]!.body.messages)).toContain('Cannot finish: the latest run_fixtures did not pass');
  });

  it('malformed tool input and unknown tools come back as errors, not crashes', async () => {
    const { result, requests } = await authorWith([
      reply(tool('write_spec', { spec: { name: 'Not Kebab' } }), tool('write_function', { source: 42 }), tool('launch_rockets', {})),
      writeAll(),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result.ok).toBe(true);
    const feedback = JSON.stringify(requests[1]!.body.messages);
    expect(feedback).toContain('Invalid input for write_spec');
    expect(feedback).toContain('Invalid input for write_function');
    expect(feedback).toContain('Unknown tool \\"launch_rockets\\"');
    expect(feedback).toContain('"is_error":true');
  });

  it('retries 429 and 529, then succeeds', async () => {
    const { result, requests } = await authorWith([
      { kind: 'error', status: 429, type: 'rate_limit_error', headers: { 'retry-after-ms': '10' } },
      { kind: 'error', status: 529, type: 'overloaded_error', headers: { 'retry-after-ms': '10' } },
      writeAll(),
      reply(tool('finish', { summary: 'done' })),
    ]);
    expect(result.ok).toBe(true);
    expect(requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual(['0', '1', '2', '0']);
  });

  it('surfaces a 400 without retrying and keeps the draft', async () => {
    const { result, requests } = await authorWith([writeAll(), { kind: 'error', status: 400, type: 'invalid_request_error', message: 'prompt is too long' }]);
    expect(result).toMatchObject({ ok: false, stop: 'model-error' });
    expect(result.reason).toContain('400');
    expect(result.reason).toContain('prompt is too long');
    expect(requests).toHaveLength(2);
    expect(result.draft.source).toBe(GOOD_SOURCE);
  });

  it('stops when the token budget is exhausted', async () => {
    const { result, remaining } = await authorWith([reply(tool('read_sdk', {})), reply(tool('list_templates', {})), writeAll()], { maxTokens: 2000 });
    expect(result).toMatchObject({ ok: false, stop: 'budget' });
    expect(result.reason).toContain('2400 tokens');
    expect(remaining).toBe(1);
  });

  it('stops when the model makes no progress, and at the turn limit', async () => {
    const idle = () => reply(tool('read_sdk', {}));
    const stalled = await authorWith([writeAll(sourceReturning("'Hello'")), idle(), idle(), idle(), idle()]);
    expect(stalled.result.stop).toBe('no-progress');
    const limited = await authorWith([reply(tool('write_spec', { spec: SPEC })), reply(tool('write_function', { source: GOOD_SOURCE }))], { maxTurns: 2 });
    expect(limited.result).toMatchObject({ ok: false, stop: 'turn-limit' });
  });
});
