// The scripted provider: a real SDK client pointed at a loopback fake that serves replies from a script.
// `api: 'messages'` (the default) is the Anthropic client against the Messages fake; `'chat-completions'`
// the openai-compatible client against the Chat Completions fake, so the same scripts drive both. Used by
// tests and by `--provider scripted` (JOINERY_SCRIPT=<file.json>).

import { readFileSync } from 'node:fs';
import { JoineryError } from '../../core/errors.ts';
import { createAnthropicClient } from './anthropic-client.ts';
import { startFakeChatCompletionsApi } from './fake-chat-completions-api.ts';
import { startFakeMessagesApi, type FakeMessagesApi, type ScriptedReply } from './fake-messages-api.ts';
import { createOpenAiCompatibleClient } from './openai-compatible-client.ts';
import type { ModelClient } from './types.ts';

export type ScriptedApi = 'messages' | 'chat-completions';

export async function createScriptedClient({
  replies,
  api = 'messages',
  maxRetries = 2,
  timeoutMs = 10_000,
}: {
  replies: ScriptedReply[];
  api?: ScriptedApi;
  maxRetries?: number;
  timeoutMs?: number;
}): Promise<ModelClient & { api: FakeMessagesApi }> {
  if (api === 'chat-completions') {
    const fake = await startFakeChatCompletionsApi({ replies });
    const client = createOpenAiCompatibleClient({ baseURL: fake.baseURL, model: 'scripted', apiKey: 'scripted-key', maxRetries, timeoutMs, provider: 'scripted' });
    return { ...client, api: fake, close: () => fake.close() };
  }
  const fake = await startFakeMessagesApi({ replies });
  const client = createAnthropicClient({ apiKey: 'scripted-key', baseURL: fake.baseURL, model: 'scripted', maxRetries, timeoutMs, provider: 'scripted' });
  return { ...client, api: fake, close: () => fake.close() };
}

export function readScript(path: string): ScriptedReply[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new JoineryError('INVALID_INPUT', `the script ${path} is not readable JSON: ${(error as Error).message}`);
  }
  const replies = Array.isArray(parsed) ? parsed : (parsed as { replies?: unknown }).replies;
  if (!Array.isArray(replies)) throw new JoineryError('INVALID_INPUT', `the script ${path} must be an array of replies or { "replies": [...] }`);
  return replies as ScriptedReply[];
}
