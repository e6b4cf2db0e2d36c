import * as z from 'zod';
import { limitProblem, testFunction } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { fixturesText, functionName, sourceText, specText } from './schemas.ts';
import { summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';

export const saveDraft = defineTool({
  name: 'save_draft',
  title: 'Save a draft',
  description:
    'For assistants that write the code themselves: stores a function, its fixtures and its spec as your draft (replacing your ' +
    'draft of the same name), after running the same gates as publishing (type-check, bundle, manifest, every fixture). The draft is ' +
    'saved even when a gate fails, with the results; publish it with publish_function({ draft }) once test.ok is true. A source ' +
    'stopped by a check limit (size, statements, time) is not saved: CHECK_FAILED names the limit.',
  input: { name: functionName.describe('the draft name: the function name the source declares'), source: sourceText, fixtures: fixturesText, spec: specText.optional() },
  output: {
    draft: z.object({ name: z.string(), owner: z.string(), author: z.string(), createdAt: z.string(), updatedAt: z.string() }),
    test: testSummarySchema,
    warnings: z.array(z.string()),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run({ name, source, fixtures, spec }, { deps, principal, progress }) {
    progress(`testing draft ${name}`);
    const result = await testFunction({ source, fixturesText: fixtures, toolchain: deps.toolchain });
    const test = summarizeTest(result);
    const stopped = limitProblem(result.check);
    if (stopped) return toolFailure('CHECK_FAILED', `${stopped.text}; the draft was not saved`, { test });
    const saved = deps.drafts.save({ owner: principal.name, name, author: principal.name, source, fixtures, spec: spec ?? null, testSummary: test });
    const warnings = test.name !== null && test.name !== name ? [`the source declares the name "${test.name}", not "${name}"; publishing this draft is refused until they match`] : [];
    return { draft: { name: saved.name, owner: saved.owner, author: saved.author, createdAt: saved.createdAt, updatedAt: saved.updatedAt }, test, warnings };
  },
});
