import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { limitProblem, publishFunction as publish } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { resolveCode } from './code-input.ts';
import { conversationId, draftName, fixturesInput, requirementText, sourceText, specText } from './schemas.ts';
import { describeFailure, summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';
import { versionStatus } from './views.ts';

export const publishFunction = defineTool({
  name: 'publish_function',
  title: 'Publish a function for review',
  description:
    'Publish a `draft` (or `source` + `fixtures`) as a version pending review; every gate runs again. The same code twice returns its version. Then someone else uses review_function.',
  input: {
    draft: draftName.optional(),
    source: sourceText.optional(),
    fixtures: fixturesInput.optional(),
    spec: specText.optional(),
    requirement: requirementText.optional(),
    conversation_id: conversationId.optional(),
    requested_by: z.string().min(1).max(200).optional().describe('who asked for it (may not approve it)'),
  },
  output: {
    published: z.object({ name: z.string(), version: z.number().int(), sha256: z.string(), status: versionStatus, author: z.string(), requestedBy: z.string().nullable() }),
    existing: z.boolean().describe('already published: that version'),
    test: testSummarySchema,
  },
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author'],
  async run(input, context) {
    const { deps, principal, progress, log } = context;
    const code = resolveCode(input, context);
    if (code.fixtures === undefined) throw new JoineryError('INVALID_INPUT', 'publishing inline `source` needs `fixtures` too');
    const draft = input.draft === undefined ? undefined : deps.drafts.get(principal.name, input.draft);
    if (draft && draft.testSummary.name !== null && draft.testSummary.name !== draft.name) {
      throw new JoineryError('INVALID_INPUT', `draft "${draft.name}" declares the name "${draft.testSummary.name}"; save it under that name first`);
    }
    // An agent-written draft: the agent is the author and the caller the requester, so neither approves it.
    const requestedBy = code.author !== principal.name ? principal.name : (input.requested_by ?? null);
    progress.expect(2);
    progress.step(`publishing ${code.label}`);
    const result = await publish({
      source: code.source, fixturesText: code.fixtures, spec: code.spec, author: code.author, requestedBy, actorSource: principal.source ?? null, requirement: code.requirement,
      conversationId: code.conversationId, returnExisting: true, toolchain: deps.toolchain, registry: deps.registry,
    });
    const test = summarizeTest(result.test);
    if (!result.ok) {
      const stopped = limitProblem(result.test.check);
      const failure = stopped ? 'CHECK_FAILED' : test.fixtureProblems.length > 0 ? 'INVALID_INPUT' : test.problems.length === 0 ? 'TESTS_FAILED' : 'CHECK_FAILED';
      return toolFailure(failure, `not published: ${stopped?.text ?? describeFailure(test)}`, { test });
    }
    const { version } = result;
    log('notice', `${result.existing ? 'already published' : 'published'} ${version.name}@${version.version}`, { status: version.status });
    return {
      published: { name: version.name, version: version.version, sha256: version.sha256, status: version.status, author: version.author, requestedBy: version.requestedBy },
      existing: result.existing === true,
      test,
    };
  },
  outcome: (output) => `${output.existing ? 'already published as' : 'published'} ${output.published.name}@${output.published.version}`,
});
