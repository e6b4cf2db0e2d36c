// The real Claude provider: @anthropic-ai/sdk's Messages API with streaming, tool use, prompt caching on
// the static prefix (system prompt, SDK .d.ts, template examples, tool definitions), retries with backoff
// (429, 529 and 5xx; the SDK honours retry-after) and timeouts.

import type Anthropic from '@anthropic-ai/sdk';
import { DEFAULT_MODEL, estimateCostUsd } from './pricing.ts';
import { ModelRequestError } from './model-request-error.ts';
import type { AssistantBlock, ModelClient, ModelRequest, ModelResponse } from './types.ts';

export interface AnthropicClientOptions {
  apiKey: string;
  model?: string;
  /** For the scripted provider and proxies; the SDK also honours ANTHROPIC_BASE_URL. */
  baseURL?: string;
  maxRetries?: number;
  timeoutMs?: number;
  provider?: 'anthropic' | 'scripted';
}

export function createAnthropicClient({
  apiKey,
  model = DEFAULT_MODEL,
  baseURL,
  maxRetries = 4,
  timeoutMs = 120_000,
  provider = 'anthropic',
}: AnthropicClientOptions): ModelClient {
  // The SDK (about a thousand modules) loads on the first request, not when the client is made: `joinery
  // mcp` and the offline author never pay for it at start-up.
  let client: Anthropic | undefined;
  return {
    provider,
    model,
    estimateCostUsd: (usage) => (provider === 'anthropic' ? estimateCostUsd(model, usage) : 0),
    async complete(request: ModelRequest, { signal } = {}): Promise<ModelResponse> {
      const { default: AnthropicSdk } = await import('@anthropic-ai/sdk');
      client ??= new AnthropicSdk({ apiKey, baseURL: baseURL ?? null, maxRetries, timeout: timeoutMs });
      try {
        const stream = client.messages.stream(toParams(model, request), signal ? { signal } : undefined);
        const message = await stream.finalMessage();
        return {
          content: message.content.filter((block): block is AssistantBlock & Anthropic.ContentBlock => block.type === 'text' || block.type === 'tool_use')
            .map((block) => (block.type === 'text' ? { type: 'text', text: block.text } : { type: 'tool_use', id: block.id, name: block.name, input: block.input })),
          stopReason: message.stop_reason ?? 'end_turn',
          model: message.model,
          usage: {
            inputTokens: message.usage.input_tokens,
            outputTokens: message.usage.output_tokens,
            cacheReadTokens: message.usage.cache_read_input_tokens ?? 0,
            cacheWriteTokens: message.usage.cache_creation_input_tokens ?? 0,
          },
        };
      } catch (error) {
        if (error instanceof AnthropicSdk.APIError) {
          throw new ModelRequestError(`the model API answered ${error.status ?? 'with an error'}: ${error.message}`, error.status);
        }
        throw error;
      }
    },
  };
}

function toParams(model: string, request: ModelRequest): Anthropic.MessageCreateParamsNonStreaming {
  const lastCached = request.system.map((part) => part.cache === true).lastIndexOf(true);
  return {
    model,
    max_tokens: request.maxTokens,
    system: request.system.map((part, index) => ({
      type: 'text' as const,
      text: part.text,
      ...(index === lastCached ? { cache_control: { type: 'ephemeral' as const } } : {}),
    })),
    tools: request.tools.map((tool, index) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.input_schema as Anthropic.Tool.InputSchema,
      ...(index === request.tools.length - 1 ? { cache_control: { type: 'ephemeral' as const } } : {}),
    })),
    messages: request.messages as Anthropic.MessageParam[],
  };
}
