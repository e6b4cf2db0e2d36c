// A flow definition file (JSON): checked field by field, unknown keys refused so a typo is an error and
// not a step that silently runs unconditionally.

import * as z from 'zod';
import { JoineryError } from '../errors.ts';
import { FUNCTION_NAME_PATTERN } from '../registry/index.ts';
import { flowConditionSchema } from './flow-condition.ts';
import type { FlowDefinition } from './types.ts';

export const MAX_FLOW_STEPS = 32;
const name = z.string().regex(FUNCTION_NAME_PATTERN, { message: 'kebab-case, starting with a letter, at most 63 characters' });

const flowDefinitionSchema = z
  .strictObject({
    name,
    trigger: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/, { message: 'an event type such as "user.joined"' }),
    description: z.string().max(2_000).optional(),
    steps: z.array(z.strictObject({ function: name, condition: flowConditionSchema.optional() })).min(1).max(MAX_FLOW_STEPS),
  })
  .refine((flow) => new Set(flow.steps.map((step) => step.function)).size === flow.steps.length, {
    message: 'a function appears in a flow once (its results are keyed <flow>/<function>)',
    path: ['steps'],
  });

/** INVALID_INPUT naming the first problems with their paths. */
export function parseFlowDefinition(value: unknown): FlowDefinition {
  const parsed = flowDefinitionSchema.safeParse(value);
  if (parsed.success) return parsed.data as FlowDefinition;
  const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(flow)'}: ${issue.message}`);
  throw new JoineryError('INVALID_INPUT', `not a flow definition: ${problems.join('; ')}`);
}
