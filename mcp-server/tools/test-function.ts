import * as z from 'zod';
import { JoineryError } from '../../core/errors.ts';
import { limitProblem, testFunction as test } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { resolveCode } from './code-input.ts';
import { fixturesText, functionName, sourceText, versionNumber } from './schemas.ts';
import { summarizeTest, testSummarySchema } from './test-summary.ts';
import { defineTool } from './tool.ts';

export const testFunction = defineTool({
  name: 'test_function',
  title: 'Test a function against its fixtures',
  description:
    'Checks a function and runs every fixture in the sandbox; nothing leaves the machine (the directory, secrets and HTTP answers ' +
    'come from each fixture). Give `source` with `fixtures`, or `draft` (one of yours), or `name` and `version` of a stored version ' +
    'to re-run its stored fixtures. Failing fixtures are a normal result with ok=false and the reason for each; a check stopped ' +
    'by a limit is a CHECK_FAILED error naming the limit.',
  input: {
    source: sourceText.optional(),
    fixtures: fixturesText.optional(),
    draft: functionName.optional().describe('the name of one of your saved drafts'),
    name: functionName.optional(),
    version: versionNumber.optional(),
  },
  output: testSummarySchema.shape,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author', 'reviewer'],
  async run(input, context) {
    const code = resolveCode(input, context, { allowStored: true });
    if (code.fixtures === undefined) throw new JoineryError('INVALID_INPUT', 'testing inline `source` needs `fixtures` too');
    context.progress(`testing ${code.label}`);
    const result = await test({ source: code.source, fixturesText: code.fixtures, toolchain: context.deps.toolchain });
    const stopped = limitProblem(result.check);
    if (stopped) return toolFailure('CHECK_FAILED', stopped.text, { test: summarizeTest(result) });
    return summarizeTest(result);
  },
});
