import * as z from 'zod';
import { authorFunction as author, renderSpec } from '../../agent/index.ts';
import { summarizeTest, testSummarySchema } from './test-summary.ts';
import { functionName, MAX_REQUIREMENT_CHARS } from './schemas.ts';
import { defineTool } from './tool.ts';

export const authorFunction = defineTool({
  name: 'author_function',
  title: 'Author a function from a plain-language rule',
  description:
    'Runs the Functions Author (Claude when the server has a key, the offline author otherwise) on a requirement such as ' +
    '"usernames are the first initial plus the last name; if taken add 1, 2, 3; at most 20 characters". It writes a spec, the ' +
    'function and its fixtures, and loops until they pass. Sends a progress notification per step and stops when the request is ' +
    'cancelled. The result is saved as your draft (the agent is its author); publish it with publish_function({ draft }).',
  input: {
    requirement: z.string().min(1).max(MAX_REQUIREMENT_CHARS).describe('the rule in plain language'),
    name: functionName.optional().describe('the function name; default: chosen from the requirement'),
    max_turns: z.number().int().min(1).max(50).default(12).describe('model turns before giving up'),
  },
  output: {
    ok: z.boolean().describe('true when the function passes its checks and every fixture'),
    stop: z.string(),
    reason: z.string(),
    provider: z.string(),
    turns: z.number().int(),
    draft: z.object({ name: z.string(), author: z.string(), spec: z.string().nullable(), source: z.string(), fixtures: z.string() }).nullable(),
    test: testSummarySchema.nullable(),
  },
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  roles: ['author'],
  async run({ requirement, name, max_turns: maxTurns }, { deps, principal, signal, progress }) {
    const model = await deps.createModel();
    let result;
    try {
      progress(`authoring with ${model.provider}`);
      result = await author({ requirement, name, model, toolchain: deps.toolchain, templates: deps.templates, maxTurns, signal, onProgress: ({ message }) => progress(message) });
    } finally {
      await model.close?.();
    }
    const { draft } = result;
    const draftName = draft.spec?.name ?? name;
    const spec = draft.spec ? renderSpec(draft.spec) : null;
    const test = draft.lastTest ? summarizeTest(draft.lastTest) : null;
    let saved = null;
    if (draftName && draft.source && draft.fixturesText && test) {
      const author = `agent:${model.provider}`;
      deps.drafts.save({ owner: principal.name, name: draftName, author, source: draft.source, fixtures: draft.fixturesText, spec, testSummary: test });
      saved = { name: draftName, author, spec, source: draft.source, fixtures: draft.fixturesText };
    }
    return { ok: result.ok, stop: result.stop, reason: result.reason, provider: model.provider, turns: result.turns, draft: saved, test };
  },
});
