import * as z from 'zod';
import { checkFunction as check, limitProblem } from '../../core/pipeline/index.ts';
import { toolFailure } from '../boundary/tool-failure.ts';
import { resolveCode } from './code-input.ts';
import { draftName, manifestSchema, sourceText } from './schemas.ts';
import { defineTool } from './tool.ts';

export const checkFunction = defineTool({
  name: 'check_function',
  title: 'Check a function',
  description:
    'Type-check, bundle and read the manifest of `source` or a `draft`; stores nothing. Problems come with lines; a limit hit is CHECK_FAILED. Then test_function.',
  input: { source: sourceText.optional(), draft: draftName.optional() },
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
  outcome: (output) => (output.ok ? 'check passed' : `check failed: ${output.problems.length} problems`),
});
