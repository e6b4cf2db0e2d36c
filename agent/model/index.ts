export { createAnthropicClient, ModelRequestError, type AnthropicClientOptions } from './anthropic-client.ts';
export { startFakeMessagesApi, type FakeMessagesApi, type RecordedRequest, type ScriptedReply } from './fake-messages-api.ts';
export { DEFAULT_MODEL, estimateCostUsd } from './pricing.ts';
export { createScriptedClient, readScript } from './scripted-client.ts';
export * from './types.ts';
