// Which provider authors: a self-hosted model when JOINERY_MODEL_URL is set (HR data then stays with that
// server, even when an Anthropic key is set too), Claude when a key is set (or asked for), the embedded
// offline author otherwise.

import { JoineryError } from '../core/errors.ts';
import { createAnthropicClient, createOpenAiCompatibleClient, createScriptedClient, DEFAULT_MODEL, readScript, type ModelClient } from './model/index.ts';
import { createOfflineModel } from './offline/offline-model.ts';
import type { TemplateEntry } from './templates/index.ts';

export type ProviderName = 'offline' | 'anthropic' | 'openai-compatible' | 'scripted';

export async function selectModel({ provider, env, templates }: { provider?: string; env: NodeJS.ProcessEnv; templates: TemplateEntry[] }): Promise<ModelClient> {
  const chosen = provider ?? (env.JOINERY_MODEL_URL ? 'openai-compatible' : env.ANTHROPIC_API_KEY ? 'anthropic' : 'offline');
  switch (chosen) {
    case 'offline':
      return createOfflineModel({ templates });
    case 'anthropic': {
      const apiKey = env.ANTHROPIC_API_KEY;
      if (!apiKey) throw new JoineryError('INVALID_INPUT', 'the anthropic provider needs ANTHROPIC_API_KEY in the environment');
      return createAnthropicClient({ apiKey, model: env.JOINERY_MODEL || DEFAULT_MODEL, baseURL: env.ANTHROPIC_BASE_URL });
    }
    case 'openai-compatible': {
      const baseURL = env.JOINERY_MODEL_URL;
      if (!baseURL) {
        const examples = 'e.g. http://localhost:11434/v1 for Ollama, http://localhost:8000/v1 for vLLM';
        throw new JoineryError('INVALID_INPUT', `the openai-compatible provider needs JOINERY_MODEL_URL, the server's base URL (${examples})`);
      }
      if (!env.JOINERY_MODEL) {
        throw new JoineryError('INVALID_INPUT', `the openai-compatible provider needs JOINERY_MODEL, the name of a model the server at ${baseURL} serves`);
      }
      return createOpenAiCompatibleClient({ baseURL, model: env.JOINERY_MODEL, apiKey: env.JOINERY_MODEL_KEY || undefined });
    }
    case 'scripted': {
      if (!env.JOINERY_SCRIPT) throw new JoineryError('INVALID_INPUT', 'the scripted provider needs JOINERY_SCRIPT=<file.json> with the replies to serve');
      return createScriptedClient({ replies: readScript(env.JOINERY_SCRIPT) });
    }
    default:
      throw new JoineryError('INVALID_INPUT', `unknown provider "${chosen}"; use offline, anthropic, openai-compatible or scripted`);
  }
}
