// Which provider authors: Claude when a key is set (or asked for), the embedded offline author otherwise.

import { JoineryError } from '../core/errors.ts';
import { createAnthropicClient, createScriptedClient, DEFAULT_MODEL, readScript, type ModelClient } from './model/index.ts';
import { createOfflineModel } from './offline/offline-model.ts';
import type { TemplateEntry } from './templates/index.ts';

export type ProviderName = 'offline' | 'anthropic' | 'scripted';

export async function selectModel({ provider, env, templates }: { provider?: string; env: NodeJS.ProcessEnv; templates: TemplateEntry[] }): Promise<ModelClient> {
  const chosen = provider ?? (env.ANTHROPIC_API_KEY ? 'anthropic' : 'offline');
  switch (chosen) {
    case 'offline':
      return createOfflineModel({ templates });
    case 'anthropic': {
      const apiKey = env.ANTHROPIC_API_KEY;
      if (!apiKey) throw new JoineryError('INVALID_INPUT', 'the anthropic provider needs ANTHROPIC_API_KEY in the environment');
      return createAnthropicClient({ apiKey, model: env.JOINERY_MODEL || DEFAULT_MODEL, baseURL: env.ANTHROPIC_BASE_URL });
    }
    case 'scripted': {
      if (!env.JOINERY_SCRIPT) throw new JoineryError('INVALID_INPUT', 'the scripted provider needs JOINERY_SCRIPT=<file.json> with the replies to serve');
      return createScriptedClient({ replies: readScript(env.JOINERY_SCRIPT) });
    }
    default:
      throw new JoineryError('INVALID_INPUT', `unknown provider "${chosen}"; use offline, anthropic or scripted`);
  }
}
