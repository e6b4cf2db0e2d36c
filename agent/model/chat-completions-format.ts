// The model port's Messages-API shapes to and from the Chat Completions API. The loop keeps its history as
// Messages blocks; here a tool_use becomes an assistant `tool_calls` entry, a tool_result a `role: tool`
// message, and the system parts one system message (these servers cache a repeated prefix on their own).

import type OpenAI from 'openai';
import type { AssistantBlock, ModelMessage, ModelRequest, ModelResponse } from './types.ts';

type ChatMessage = OpenAI.Chat.Completions.ChatCompletionMessageParam;

export function toChatParams(model: string, request: ModelRequest): OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    // `max_tokens`, not `max_completion_tokens`: vLLM, Ollama and llama.cpp's server all read this one.
    max_tokens: request.maxTokens,
    messages: [{ role: 'system', content: request.system.map((part) => part.text).join('\n\n') }, ...request.messages.flatMap(toChatMessages)],
    tools: request.tools.map((tool) => ({ type: 'function', function: { name: tool.name, description: tool.description, parameters: tool.input_schema } })),
  };
}

function toChatMessages(message: ModelMessage): ChatMessage[] {
  if (typeof message.content === 'string') return [{ role: message.role, content: message.content }];
  if (message.role === 'assistant') {
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
    const calls = message.content.flatMap((block) => (block.type === 'tool_use' ? [block] : []));
    return [{
      role: 'assistant',
      content: text === '' ? null : text,
      // Arguments that were not JSON go back as {}: servers that parse the history refuse them otherwise.
      ...(calls.length === 0 ? {} : { tool_calls: calls.map((call) => toToolCall(call.id, call.name, call.input)) }),
    }];
  }
  const results: ChatMessage[] = message.content.flatMap((block) => {
    if (block.type !== 'tool_result') return [];
    return [{ role: 'tool' as const, tool_call_id: block.tool_use_id, content: block.is_error === true ? `Error: ${block.content}` : block.content }];
  });
  const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');
  return text === '' ? results : [...results, { role: 'user', content: text }];
}

function toToolCall(id: string, name: string, input: unknown) {
  return { id, type: 'function' as const, function: { name, arguments: typeof input === 'string' ? '{}' : JSON.stringify(input ?? {}) } };
}

/** A completion as the loop reads it; tool arguments that are not a JSON object stay the raw text. */
export function fromChatCompletion(completion: OpenAI.Chat.Completions.ChatCompletion, turnModel: string): ModelResponse | undefined {
  const choice = completion.choices?.[0];
  if (choice === undefined) return undefined;
  const content: AssistantBlock[] = [];
  if (typeof choice.message.content === 'string' && choice.message.content !== '') content.push({ type: 'text', text: choice.message.content });
  (choice.message.tool_calls ?? []).forEach((call, index) => {
    if (call.type !== 'function') return;
    // Some servers leave the id out; the loop needs one to pair the result with the call.
    const id = call.id || `call_${completion.id || 'local'}_${index}`;
    content.push({ type: 'tool_use', id, name: call.function.name, input: parseArguments(call.function.arguments) });
  });
  const cached = completion.usage?.prompt_tokens_details?.cached_tokens ?? 0;
  return {
    content,
    stopReason: STOP_REASONS[choice.finish_reason] ?? choice.finish_reason ?? 'end_turn',
    model: completion.model || turnModel,
    usage: {
      inputTokens: Math.max(0, (completion.usage?.prompt_tokens ?? 0) - cached),
      outputTokens: completion.usage?.completion_tokens ?? 0,
      cacheReadTokens: cached,
      cacheWriteTokens: 0,
    },
  };
}

const STOP_REASONS: Record<string, string> = {
  stop: 'end_turn',
  tool_calls: 'tool_use',
  function_call: 'tool_use',
  length: 'max_tokens',
  content_filter: 'refusal',
};

/** The arguments as an object; the raw text when they are not a JSON object (the loop says so to the model). */
function parseArguments(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : text;
  } catch {
    return text;
  }
}
