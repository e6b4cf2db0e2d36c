import * as z from 'zod';
import { checkFunction as check, limitProblem } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { resolveCode } from './code-input.ts';
import { functionName, manifestSchema, sourceText } from './schemas.ts';
import { defineTool } from './tool.ts';

export const checkFunction = defineTool({
  name: 'check_function',
  title: 'Check a function',
  description:
    'Type-checks a function against the SDK (ES2022, no Node globals), bundles it (allowlisted packages only) and reads what it ' +
    'declares (name, trigger, egress, secrets) in the sandbox. Give `source`, or the name of one of your drafts. Nothing is stored. ' +
    'A failed check is a normal result with ok=false and every problem with its line and column. A check stopped by a limit ' +
    '(source size, statement count, type-check or bundle time) is a CHECK_FAILED error naming the limit.',
  input: { source: sourceText.optional(), draft: functionName.optional().describe('the name of one of your saved drafts') },
  output: {
    ok: z.boolean(),
    problems: z.array(z.object({ stage: z.string(), text: z.string(), line: z.number().optional(), column: z.number().optional() })),
    manifest: manifestSchema.nullable(),
    durationMs: z.number(),
  },
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  roles: ['author', 'reviewer'],
  async run(input, context) {
    const { source } = resolveCode(input, context);
    const result = await check({ source, toolchain: context.deps.toolchain });
    const stopped = limitProblem(result);
    if (stopped) return toolFailure('CHECK_FAILED', stopped.text, { problems: result.problems });
    return { ok: result.ok, problems: result.problems, manifest: result.manifest ?? null, durationMs: result.durationMs };
  },
});
