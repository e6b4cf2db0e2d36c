import { JoineryError } from '../../core/errors.ts';
import { limitProblem, testFunction as test } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { resolveCode } from './code-input.ts';
import { draftName, fixturesInput, functionName, sourceText, versionRef } from './schemas.ts';
import { summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';

export const testFunction = defineTool({
  name: 'test_function',
  title: 'Test against fixtures',
  description:
    'Check and run every fixture in the sandbox, offline: `source` + `fixtures`, a `draft`, or a stored `name`. Failures say why. Then save_draft.',
  input: {
    source: sourceText.optional(),
    fixtures: fixturesInput.optional(),
    draft: draftName.optional(),
    name: functionName.optional(),
    version: versionRef.optional(),
  },
  output: testSummarySchema.shape,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author', 'reviewer'],
  async run(input, context) {
    const code = resolveCode(input, context, { allowStored: true });
    if (code.fixtures === undefined) throw new JoineryError('INVALID_INPUT', 'testing inline `source` needs `fixtures` too');
    context.progress.expect(2);
    context.progress.step(`testing ${code.label}`);
    const result = await test({ source: code.source, fixturesText: code.fixtures, toolchain: context.deps.toolchain });
    const stopped = limitProblem(result.check);
    if (stopped) return toolFailure('CHECK_FAILED', stopped.text, { test: summarizeTest(result) });
    return summarizeTest(result);
  },
  outcome: (output) => `${output.ok ? 'passed' : 'failed'}: ${output.passed} passed, ${output.failed} failed`,
});
