export { createAnthropicClient, type AnthropicClientOptions } from './anthropic-client.ts';
export { ModelRequestError } from './model-request-error.ts';
export { startFakeMessagesApi, type FakeMessagesApi, type RecordedRequest, type ScriptedReply } from './fake-messages-api.ts';
export { DEFAULT_MODEL, estimateCostUsd, formatCostUsd, isCostKnown } from './pricing.ts';
export { createScriptedClient, readScript, type ScriptedApi } from './scripted-client.ts';
export { createOpenAiCompatibleClient, type OpenAiCompatibleClientOptions } from './openai-compatible-client.ts';
export { RAW_ARGUMENTS, startFakeChatCompletionsApi } from './fake-chat-completions-api.ts';
export * from './types.ts';
