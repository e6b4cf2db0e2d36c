// The Functions Author's tool loop. The model works only through tools; every tool failure goes back to
// it as data. The loop stops when the model finishes with passing checks and fixtures, gives up, asks
// the admin a clarifying question (stop 'needs-answer'), stops making progress, or runs out of turns or
// budget. It never reports a failing draft as done, and it never
// throws the draft away.

import type { Toolchain } from '../../core/pipeline/index.ts';
import type { DirectoryUser } from '../../core/sdk/index.ts';
import { formatCostUsd, ModelRequestError } from '../model/index.ts';
import { addUsage, ZERO_USAGE, type ModelClient, type ModelMessage, type TokenUsage, type ToolResultBlock, type ToolUseBlock } from '../model/types.ts';
import type { TemplateEntry } from '../templates/index.ts';
import { AUTHOR_TOOLS, toToolSpec, type AuthorSession } from '../tools/index.ts';
import type { ClarifyingQuestion } from '../questions/index.ts';
import { isDone, progressScore, type Draft } from './draft.ts';
import { buildSystemPrompt } from './system-prompt.ts';

export type StopReason = 'finished' | 'gave-up' | 'needs-answer' | 'turn-limit' | 'budget' | 'no-progress' | 'model-error' | 'model-stopped' | 'cancelled';

export interface AuthorResult {
  ok: boolean;
  stop: StopReason;
  /** Why it stopped, in a sentence for the admin. */
  reason: string;
  draft: Draft;
  turns: number;
  usage: TokenUsage;
  costUsd: number;
  /** The whole conversation, kept with the draft (and for chat follow-ups). */
  messages: ModelMessage[];
  /** With stop 'needs-answer': what to ask. Continue by authoring withClarifications(requirement, [answer]). */
  question?: ClarifyingQuestion;
}

export interface AuthorOptions {
  requirement: string;
  /** The function name the admin chose; otherwise the model picks one. */
  name?: string;
  model: ModelClient;
  toolchain: Toolchain;
  templates: TemplateEntry[];
  directorySample?: DirectoryUser[];
  onProgress?: (event: { turn: number; message: string }) => void;
  /** A previous conversation and draft, for follow-ups in chat. */
  previous?: { messages: ModelMessage[]; draft: Draft };
  maxTurns?: number;
  maxTokens?: number;
  maxCostUsd?: number;
  /** Turns in a row without progress before stopping. */
  patienceTurns?: number;
  signal?: AbortSignal;
}

export async function authorFunction({
  requirement,
  name,
  model,
  toolchain,
  templates,
  directorySample = [],
  onProgress = () => {},
  previous,
  maxTurns = 12,
  maxTokens = 600_000,
  maxCostUsd = 2,
  patienceTurns = 3,
  signal,
}: AuthorOptions): Promise<AuthorResult> {
  const draft: Draft = previous ? { ...previous.draft, lastTest: undefined } : {};
  const messages: ModelMessage[] = [...(previous?.messages ?? []), { role: 'user', content: name ? `${requirement}\n\nName the function "${name}".` : requirement }];
  let turn = 0;
  const session: AuthorSession = { draft, toolchain, templates, directorySample, progress: (message) => onProgress({ turn, message }) };
  const system = buildSystemPrompt(templates);
  const tools = AUTHOR_TOOLS.map(toToolSpec);
  let usage = ZERO_USAGE;
  let best = progressScore(draft);
  let stalled = 0;
  const result = (stop: StopReason, reason: string): AuthorResult => ({
    ok: stop === 'finished' && isDone(draft),
    stop,
    reason,
    draft,
    turns: turn,
    usage,
    costUsd: model.estimateCostUsd(usage),
    messages,
    ...(session.ended?.kind === 'needs-answer' ? { question: session.ended.question } : {}),
  });

  while (turn < maxTurns) {
    // 1. Budget and cancellation before spending anything.
    if (signal?.aborted) return result('cancelled', 'cancelled by the admin');
    const spent = usage.inputTokens + usage.outputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
    if (spent >= maxTokens || model.estimateCostUsd(usage) >= maxCostUsd) {
      return result('budget', `the budget ran out (${spent} tokens, ${formatCostUsd(model.estimateCostUsd(usage), model.provider)}); the draft is kept`);
    }
    turn++;

    // 2. One model turn.
    onProgress({ turn, message: `turn ${turn}: asking ${model.provider}` });
    let response;
    try {
      response = await model.complete({ system, messages, tools, maxTokens: 8192 }, { signal });
    } catch (error) {
      if (signal?.aborted) return result('cancelled', 'cancelled by the admin');
      const message = error instanceof ModelRequestError || error instanceof Error ? error.message : String(error);
      return result('model-error', `${message}; the draft is kept`);
    }
    usage = addUsage(usage, response.usage);
    messages.push({ role: 'assistant', content: response.content });

    // 3. Its tool calls, in order; failures become tool results.
    const calls = response.content.filter((block): block is ToolUseBlock => block.type === 'tool_use');
    if (calls.length === 0) {
      const said = response.content.map((block) => (block.type === 'text' ? block.text : '')).join(' ').trim();
      return isDone(draft)
        ? result('finished', said || 'done')
        : result('model-stopped', `the model stopped without a passing function${said ? `: ${said.slice(0, 300)}` : ''}`);
    }
    const results: ToolResultBlock[] = [];
    for (const call of calls) results.push(await runToolCall(call, session));
    messages.push({ role: 'user', content: results });

    // 4. Stop conditions.
    if (session.ended?.kind === 'finished') return result('finished', session.ended.summary);
    if (session.ended?.kind === 'gave-up') return result('gave-up', session.ended.reason);
    if (session.ended?.kind === 'needs-answer') return result('needs-answer', `a question for the admin: ${session.ended.question.question}`);
    const score = progressScore(draft);
    if (score > best) {
      best = score;
      stalled = 0;
    } else if (++stalled >= patienceTurns) {
      return result('no-progress', `no progress in ${patienceTurns} turns; the draft is kept`);
    }
  }
  return result('turn-limit', `the turn limit (${maxTurns}) was reached without passing fixtures; the draft is kept`);
}

async function runToolCall(call: ToolUseBlock, session: AuthorSession): Promise<ToolResultBlock> {
  const reply = (content: string, isError = false): ToolResultBlock => ({ type: 'tool_result', tool_use_id: call.id, content, ...(isError ? { is_error: true } : {}) });
  const tool = AUTHOR_TOOLS.find((candidate) => candidate.name === call.name);
  if (!tool) return reply(`Unknown tool "${call.name}". Tools: ${AUTHOR_TOOLS.map((candidate) => candidate.name).join(', ')}`, true);
  // Chat Completions models write arguments as text; the provider hands back text that was not a JSON object.
  if (typeof call.input === 'string') {
    const shown = JSON.stringify(call.input.slice(0, 200));
    return reply(`The arguments for ${call.name} are not a JSON object: ${shown}. Call it again with one JSON object.`, true);
  }
  const parsed = tool.input.safeParse(call.input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `- ${issue.path.join('.') || '(input)'}: ${issue.message}`).join('\n');
    return reply(`Invalid input for ${call.name}:\n${issues}`, true);
  }
  try {
    const outcome = await tool.run(parsed.data as never, session);
    return reply(outcome.content, outcome.isError === true);
  } catch (error) {
    return reply(`${call.name} failed: ${error instanceof Error ? error.message : String(error)}`, true);
  }
}
