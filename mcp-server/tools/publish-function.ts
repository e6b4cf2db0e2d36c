import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { limitProblem, publishFunction as publish } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { resolveCode } from './code-input.ts';
import { fixturesText, functionName, sourceText, specText } from './schemas.ts';
import { describeFailure, summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';
import { versionStatus } from './views.ts';

export const publishFunction = defineTool({
  name: 'publish_function',
  title: 'Publish a function for review',
  description:
    'Publishes a new immutable version, pending review: give `draft` (one of yours, from save_draft or author_function) or ' +
    '`source` with `fixtures`. Every gate runs again (type-check, bundle, manifest, fixtures); nothing is stored unless all pass ' +
    '(CHECK_FAILED / TESTS_FAILED with the details otherwise). You are recorded as the author (or, for an agent-written draft, ' +
    'as the requester), so someone else must approve it.',
  input: {
    draft: functionName.optional().describe('the name of one of your saved drafts'),
    source: sourceText.optional(),
    fixtures: fixturesText.optional(),
    spec: specText.optional(),
    requested_by: z.string().min(1).max(200).optional().describe('who asked for this function; they may not approve it either'),
  },
  output: {
    published: z.object({ name: z.string(), version: z.number().int(), sha256: z.string(), status: versionStatus, author: z.string(), requestedBy: z.string().nullable() }),
    test: testSummarySchema,
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run(input, context) {
    const { deps, principal } = context;
    const code = resolveCode(input, context);
    if (code.fixtures === undefined) throw new JoineryError('INVALID_INPUT', 'publishing inline `source` needs `fixtures` too');
    const draft = input.draft === undefined ? undefined : deps.drafts.get(principal.name, input.draft);
    if (draft && draft.testSummary.name !== null && draft.testSummary.name !== draft.name) {
      throw new JoineryError('INVALID_INPUT', `draft "${draft.name}" declares the name "${draft.testSummary.name}"; save it under that name first`);
    }
    // An agent-written draft: the agent is the author and the caller the requester, so neither approves it.
    const requestedBy = code.author !== principal.name ? principal.name : (input.requested_by ?? null);
    context.progress(`publishing ${code.label}`);
    const result = await publish({ source: code.source, fixturesText: code.fixtures, spec: code.spec, author: code.author, requestedBy, toolchain: deps.toolchain, registry: deps.registry });
    const test = summarizeTest(result.test);
    if (!result.ok) {
      const stopped = limitProblem(result.test.check);
      const code = stopped ? 'CHECK_FAILED' : test.fixtureProblems.length > 0 ? 'INVALID_INPUT' : test.check.ok ? 'TESTS_FAILED' : 'CHECK_FAILED';
      return toolFailure(code, `not published: ${stopped?.text ?? describeFailure(test)}`, { test });
    }
    const { version } = result;
    return {
      published: { name: version.name, version: version.version, sha256: version.sha256, status: version.status, author: version.author, requestedBy: version.requestedBy },
      test,
    };
  },
});
