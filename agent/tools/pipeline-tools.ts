// Tools that run the real pipeline on the draft: the same gates as `joinery check` and `joinery test`.

import * as z from 'zod';
import { checkFunction, testFunction } from '../../core/pipeline/index.ts';
import { describeCheck, describeTest } from './describe-results.ts';
import { defineTool } from './tool.ts';

export const checkFunctionTool = defineTool({
  name: 'check_function',
  description: 'Type-check and bundle the current function and validate its manifest. Returns every problem as line:column message.',
  input: z.strictObject({}),
  async run(_input, session) {
    const source = session.draft.source;
    if (!source) return { content: 'There is no function yet; write it with write_function.', isError: true };
    session.progress('type-checking');
    const check = await checkFunction({ source, toolchain: session.toolchain });
    return { content: describeCheck(check), isError: !check.ok };
  },
});

export const runFixturesTool = defineTool({
  name: 'run_fixtures',
  description: 'Check the current function and run every fixture in the sandbox. Returns pass/fail per fixture with a diff of expected against actual.',
  input: z.strictObject({}),
  async run(_input, session) {
    const { source, fixturesText } = session.draft;
    if (!source || !fixturesText) return { content: `Write the ${source ? 'fixtures (write_fixtures)' : 'function (write_function)'} first.`, isError: true };
    session.progress('running fixtures');
    const result = await testFunction({ source, fixturesText, toolchain: session.toolchain });
    session.draft.lastTest = result;
    if (result.report) session.progress(`fixtures: ${result.report.passed} passed, ${result.report.failed} failed`);
    return { content: describeTest(result), isError: !result.ok };
  },
});
