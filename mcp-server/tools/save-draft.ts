import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { limitProblem, testFunction } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { fixturesToText } from './fixtures-input.ts';
import { conversationId, fixturesInput, newFunctionName, requirementText, sourceText, specText } from './schemas.ts';
import { summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';

export const draftSchema = z.object({ name: z.string(), owner: z.string(), author: z.string(), createdAt: z.string(), updatedAt: z.string() });

export const saveDraft = defineTool({
  name: 'save_draft',
  title: 'Save a draft',
  description:
    'Save your code as a draft after every gate runs (saved even if one fails, not when a limit stops the check). Then publish_function.',
  input: {
    name: newFunctionName,
    source: sourceText,
    fixtures: fixturesInput,
    spec: specText.optional(),
    requirement: requirementText.optional(),
    conversation_id: conversationId.optional(),
    overwrite: z.boolean().default(false),
  },
  output: { draft: draftSchema, test: testSummarySchema, warnings: z.array(z.string()) },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run({ name, source, fixtures, spec, requirement, conversation_id: conversation, overwrite }, { deps, principal, progress, signal, log }) {
    // Refused before the work; the store refuses again, atomically, if another save got there first.
    const existing = deps.drafts.get(principal.name, name);
    if (existing && !overwrite) throw new JoineryError('CONFLICT', `you already have a draft named "${name}" (by ${existing.author}, saved ${existing.updatedAt}); pass overwrite: true to replace it, or use another name`);
    const fixturesText = fixturesToText(fixtures);
    progress.expect(2);
    progress.step(`testing draft ${name}`);
    const result = await testFunction({ source, fixturesText, toolchain: deps.toolchain });
    const test = summarizeTest(result);
    const stopped = limitProblem(result.check);
    if (stopped) return toolFailure('CHECK_FAILED', `${stopped.text}; the draft was not saved`, { test });
    if (signal.aborted) throw new JoineryError('CONFLICT', 'cancelled: nothing was saved');
    const saved = deps.drafts.save({ owner: principal.name, name, author: principal.name, source, fixtures: fixturesText, spec: spec ?? null, testSummary: test, requirement: requirement ?? null, conversationId: conversation ?? null }, { overwrite });
    const warnings = test.name !== null && test.name !== name ? [`the source declares the name "${test.name}", not "${name}"; publishing this draft is refused until they match`] : [];
    log('info', `saved draft ${name}`, { ok: test.ok });
    return { draft: { name: saved.name, owner: saved.owner, author: saved.author, createdAt: saved.createdAt, updatedAt: saved.updatedAt }, test, warnings };
  },
  outcome: (output) => `saved draft ${output.draft.name}; ${output.test.ok ? 'ready to publish' : 'gates failing'}`,
});
