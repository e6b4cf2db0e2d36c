import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { AuthorResult } from '../../agent/index.ts';
import { clarifyingQuestionSchema, splitAnswers, withClarifications, type ClarifyingQuestion } from '../../agent/questions/index.ts';
import { isJoineryError, JoineryError } from '../../core/errors.ts';
import { loadAgent } from '../load-agent.ts';
import { describeStop } from './author-outcome.ts';
import { draftLinks, linkBlocks } from './part-links.ts';
import { conversationId, MAX_REQUIREMENT_CHARS, newFunctionName, requirementText } from './schemas.ts';
import { summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool, type ToolContext } from './tool.ts';

export const authorFunction = defineTool({
  name: 'author_function',
  title: 'Author a function',
  description:
    'Turns a plain-language rule into spec, function and fixtures (your draft), or returns a question to relay: call again with the answer. Then get_draft, publish_function.',
  input: {
    requirement: requirementText,
    name: newFunctionName.optional(),
    max_turns: z.number().int().min(1).max(50).default(12),
    overwrite: z.boolean().default(false),
    conversation_id: conversationId.optional(),
    // Choice keys (used in order as questions come) or sentences (added to the requirement as clarifications).
    answers: z.array(z.string().min(1).max(MAX_REQUIREMENT_CHARS)).max(10).optional(),
  },
  output: {
    ok: z.boolean(),
    stop: z.string(),
    reason: z.string(),
    provider: z.string(),
    turns: z.number().int(),
    conversationId: z.string(),
    draft: z.object({ name: z.string(), author: z.string(), links: z.object({ source: z.string(), spec: z.string().nullable(), fixtures: z.string() }) }).nullable(),
    test: testSummarySchema.nullable(),
    notUnderstood: z.array(z.object({ sentence: z.string(), reason: z.string() })),
    question: clarifyingQuestionSchema.nullable(),
    nextSteps: z.array(z.string()),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  roles: ['author'],
  async run({ requirement: given, name, max_turns: maxTurns, overwrite, conversation_id: givenConversation, answers = [] }, context) {
    const { keys, sentences: clarifications } = splitAnswers(answers);
    const { deps, principal, signal, progress, log } = context;
    const conversation = givenConversation ?? `author-${randomUUID()}`;
    // Refused before anything is spent; a name the author picks is checked when saving.
    if (name && !overwrite && deps.drafts.get(principal.name, name)) {
      throw new JoineryError('CONFLICT', `you already have a draft named "${name}"; pass overwrite: true to replace it, or another name`);
    }
    if (withClarifications(given, clarifications).length > MAX_REQUIREMENT_CHARS) {
      throw new JoineryError('INVALID_INPUT', `the requirement with its clarifications is over ${MAX_REQUIREMENT_CHARS} characters`);
    }
    progress.expect(maxTurns + 1);
    const { answersFromKeys, authorFunction: author, authorWithAnswers, renderSpec } = await loadAgent();
    const model = await deps.createModel();
    // A question is answered by the keys given, else by the person through elicitation, else returned.
    const keyed = answersFromKeys(keys, async (question) => clarificationOf(question, await context.choose(asked(question), question.choices)));
    const onProgress = ({ turn, message }: { turn: number; message: string }) => {
      progress.step(message, turn);
      log('debug', message, { turn });
    };
    const { toolchain, templates } = deps;
    let authored: Awaited<ReturnType<typeof authorWithAnswers>>;
    try {
      throwIfCancelled(signal);
      progress.step(`authoring with ${model.provider}`, 0);
      log('info', `authoring with ${model.provider}`, { conversationId: conversation });
      authored = await authorWithAnswers({
        requirement: given,
        clarifications,
        answer: keyed.answer,
        author: (clarified) => author({ requirement: clarified, name, model, toolchain, templates, maxTurns, signal, onProgress }),
      });
    } finally {
      await model.close?.();
    }
    // Cancelled at any point: nothing is saved, whatever the author got to.
    throwIfCancelled(signal);

    const { result, requirement } = authored;
    const { draft } = result;
    const test = draft.lastTest ? summarizeTest(draft.lastTest) : null;
    const draftName = draft.spec?.name ?? name ?? null;
    const spec = draft.spec ? renderSpec(draft.spec) : null;
    const saved = draftName && draft.source && draft.fixturesText && test ? saveDraft(context, { draftName, result, test, requirement, conversation, overwrite, author: `agent:${model.provider}`, spec }) : null;
    const outcome = await describeStop({
      ...{ stop: result.stop, reason: result.reason, provider: model.provider, requirement, templates, draftName: saved?.name ?? null },
      ...{ question: result.question, clarifications: authored.clarifications, unmatched: keyed.unmatched.map((entry) => entry.key) },
    });
    if (draftName && !saved && test) outcome.nextSteps.unshift(`Nothing was saved: you already have a draft named "${draftName}". Call author_function again with another name, or overwrite: true.`);
    log(result.ok ? 'info' : 'warning', `${result.stop}: ${outcome.reason}`);
    const { reason, notUnderstood, nextSteps } = outcome;
    const question = result.question ?? null;
    return { ok: result.ok, stop: result.stop, reason, provider: model.provider, turns: result.turns, conversationId: conversation, draft: saved, test, notUnderstood, question, nextSteps };
  },
  outcome: (output) => `${output.stop}${output.draft ? `: draft ${output.draft.name} saved` : ''}${output.test ? ` (${output.test.passed} fixtures pass, ${output.test.failed} fail)` : ''}`,
  links: (output) => (output.draft ? linkBlocks(`draft ${output.draft.name}`, output.draft.links) : []),
});

/** The question as the person reads it in an elicitation form. */
function asked(question: ClarifyingQuestion): string {
  const choices = question.choices.map((choice) => `${choice.key}: ${choice.label}`);
  return [question.question, `(about: "${question.clause}")`, ...choices].join('\n');
}

function clarificationOf(question: ClarifyingQuestion, key: string | undefined): string | undefined {
  return question.choices.find((choice) => choice.key === key)?.clarification;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new JoineryError('CONFLICT', 'cancelled: nothing was saved');
}

function saveDraft(
  { deps, principal }: ToolContext,
  { draftName, result, test, requirement, conversation, overwrite, author, spec }: { draftName: string; result: AuthorResult; test: ReturnType<typeof summarizeTest>; requirement: string; conversation: string; overwrite: boolean; author: string; spec: string | null },
) {
  const { draft } = result;
  try {
    deps.drafts.save(
      { owner: principal.name, name: draftName, author, source: draft.source ?? '', fixtures: draft.fixturesText ?? '', spec, testSummary: test, requirement, conversationId: conversation },
      { overwrite },
    );
  } catch (error) {
    if (isJoineryError(error) && error.code === 'CONFLICT') return null;
    throw error;
  }
  return { name: draftName, author, links: draftLinks(draftName, draft.spec !== undefined) };
}
