// The scripted provider: the real Anthropic SDK client pointed at a loopback fake of the Messages API that
// serves replies from a script. Used by tests and by `--provider scripted` (JOINERY_SCRIPT=<file.json>).

import { readFileSync } from 'node:fs';
import { JoineryError } from '../../core/errors.ts';
import { createAnthropicClient } from './anthropic-client.ts';
import { startFakeMessagesApi, type ScriptedReply } from './fake-messages-api.ts';
import type { ModelClient } from './types.ts';

export async function createScriptedClient({ replies, maxRetries = 2, timeoutMs = 10_000 }: { replies: ScriptedReply[]; maxRetries?: number; timeoutMs?: number }): Promise<ModelClient & { api: Awaited<ReturnType<typeof startFakeMessagesApi>> }> {
  const api = await startFakeMessagesApi({ replies });
  const client = createAnthropicClient({ apiKey: 'scripted-key', baseURL: api.baseURL, model: 'scripted', maxRetries, timeoutMs, provider: 'scripted' });
  return { ...client, api, close: () => api.close() };
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
