// A self-hosted (or gateway) model: the official openai client's Chat Completions API with tools, against
// the server at JOINERY_MODEL_URL (vLLM, Ollama, llama.cpp's server and hosted gateways all speak it). HR
// data goes to that server and nowhere else: the client reads no OPENAI_* variable. Not streamed: a whole
// answer per turn is what every such server supports with tools. Retries 408, 409, 429 (honouring
// retry-after) and 5xx, and connection failures; the cost of such a model is unknown, not zero.

import type OpenAI from 'openai';
import { JoineryError } from '../../core/errors.ts';
import { fromChatCompletion, toChatParams } from './chat-completions-format.ts';
import { ModelRequestError } from './model-request-error.ts';
import type { ModelClient, ModelRequest, ModelResponse } from './types.ts';

export interface OpenAiCompatibleClientOptions {
  /** The server's base URL, e.g. http://localhost:11434/v1 (Ollama) or http://localhost:8000/v1 (vLLM). */
  baseURL: string;
  /** The model name the server knows. */
  model: string;
  /** Sent as `Authorization: Bearer <key>` when given; no Authorization header otherwise. */
  apiKey?: string | undefined;
  maxRetries?: number;
  /** A local model on modest hardware may take minutes for one turn. */
  timeoutMs?: number;
  provider?: 'openai-compatible' | 'scripted';
}

export function createOpenAiCompatibleClient({
  baseURL,
  model,
  apiKey,
  maxRetries = 2,
  timeoutMs = 600_000,
  provider = 'openai-compatible',
}: OpenAiCompatibleClientOptions): ModelClient {
  const where = `the model server at ${checkBaseUrl(baseURL)}`;
  // Loaded on the first request, like the Anthropic SDK: other commands never pay for it.
  let client: OpenAI | undefined;
  return {
    provider,
    model,
    estimateCostUsd: () => 0,
    async complete(request: ModelRequest, { signal } = {}): Promise<ModelResponse> {
      const { default: OpenAiSdk, APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } = await import('openai');
      client ??= new OpenAiSdk({
        apiKey: apiKey ?? 'unused',
        adminAPIKey: null,
        organization: null,
        project: null,
        webhookSecret: null,
        baseURL,
        maxRetries,
        timeout: timeoutMs,
        ...(apiKey === undefined ? { defaultHeaders: { Authorization: null } } : {}),
      });
      let completion: OpenAI.Chat.Completions.ChatCompletion;
      try {
        completion = await client.chat.completions.create(toChatParams(model, request), signal ? { signal } : undefined);
      } catch (error) {
        if (error instanceof APIUserAbortError) throw error;
        if (error instanceof APIConnectionTimeoutError) {
          throw new ModelRequestError(`${where} did not answer within ${Math.round(timeoutMs / 1000)} s`, undefined);
        }
        if (error instanceof APIConnectionError) {
          throw new ModelRequestError(`${where} could not be reached (${causeOf(error)}); is it running, and is JOINERY_MODEL_URL right?`, undefined);
        }
        if (error instanceof APIError) {
          throw new ModelRequestError(`${where} answered ${error.status ?? 'with an error'}: ${error.message}${hintFor(error.status)}`, error.status);
        }
        throw error;
      }
      const response = fromChatCompletion(completion, model);
      if (response === undefined) throw new ModelRequestError(`${where} answered without a choice; is JOINERY_MODEL a chat model?`, undefined);
      return response;
    },
  };
}

function hintFor(status: number | undefined): string {
  if (status === 404) return ' (check JOINERY_MODEL_URL, which usually ends in /v1, and JOINERY_MODEL)';
  if (status === 401 || status === 403) return ' (check JOINERY_MODEL_KEY)';
  return '';
}

/** The network reason (ECONNREFUSED, ENOTFOUND, ...) from the chain of causes, else the innermost message; no stack. */
function causeOf(error: Error): string {
  let reason = error.message;
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 5 && typeof cause === 'object' && cause !== null; depth += 1) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code !== '') return code;
    if (typeof message === 'string' && message !== '') reason = message;
    cause = (cause as { cause?: unknown }).cause;
  }
  return reason.replace(/\.$/, '');
}

/** An absolute http(s) URL without credentials (fetch refuses those; the key goes in JOINERY_MODEL_KEY), as shown. */
function checkBaseUrl(baseURL: string): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    const shown = JSON.stringify(baseURL.slice(0, 200));
    throw new JoineryError('INVALID_INPUT', `JOINERY_MODEL_URL ${shown} is not a URL; give the server's base URL, e.g. http://localhost:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new JoineryError('INVALID_INPUT', `JOINERY_MODEL_URL must be an http or https URL, got ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new JoineryError('INVALID_INPUT', 'JOINERY_MODEL_URL must not hold a user name or password; put the key in JOINERY_MODEL_KEY');
  }
  return url.href.replace(/\/$/, '');
}
