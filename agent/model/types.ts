// The model port: the subset of the Messages API the author loop uses. Four providers implement it:
// anthropic (the real SDK), openai-compatible (the official openai client against any server that speaks
// Chat Completions with tools: vLLM, Ollama, llama.cpp, gateways), offline (deterministic, embedded), and
// scripted (a real SDK client against a loopback fake that serves scripted replies).

export type TextBlock = { type: 'text'; text: string };
export type ToolUseBlock = { type: 'tool_use'; id: string; name: string; input: unknown };
export type ToolResultBlock = { type: 'tool_result'; tool_use_id: string; content: string; is_error?: boolean };
export type AssistantBlock = TextBlock | ToolUseBlock;

export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string | Array<TextBlock | ToolUseBlock | ToolResultBlock>;
}

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the tool's input object. */
  input_schema: Record<string, unknown>;
}

export interface ModelRequest {
  /** Static parts first; the provider caches everything up to the last part marked `cache`. */
  system: Array<{ text: string; cache?: boolean }>;
  messages: ModelMessage[];
  tools: ToolSpec[];
  maxTokens: number;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
}

export interface ModelResponse {
  content: AssistantBlock[];
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence' | 'refusal' | 'pause_turn' | string;
  usage: TokenUsage;
  model: string;
}

export interface ModelClient {
  readonly provider: 'anthropic' | 'openai-compatible' | 'offline' | 'scripted';
  readonly model: string;
  complete(request: ModelRequest, options?: { signal?: AbortSignal }): Promise<ModelResponse>;
  /** Estimated cost in US dollars of the given usage: 0 for providers that cost nothing, and for those whose
   *  cost is unknown (openai-compatible; formatCostUsd shows it as "n/a"). */
  estimateCostUsd(usage: TokenUsage): number;
  close?(): Promise<void>;
}

export const ZERO_USAGE: TokenUsage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  };
}
