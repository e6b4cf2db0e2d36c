// Step conditions: a path into the step's input (the event plus `steps`) compared with JSON values, and
// not/all/any around them. Paths follow own properties only, so `__proto__` or `constructor` read nothing.

import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import type { FlowCondition } from './types.ts';

const MAX_PATH_SEGMENTS = 16;
const path = z
  .string()
  .regex(/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/, { message: 'a dotted path such as "person.employmentType"' })
  .refine((text) => text.split('.').length <= MAX_PATH_SEGMENTS, { message: `at most ${MAX_PATH_SEGMENTS} segments` });

export const flowConditionSchema: z.ZodType<FlowCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ path, equals: z.json() }),
    z.strictObject({ path, in: z.array(z.json()).min(1) }),
    z.strictObject({ path, exists: z.boolean() }),
    z.strictObject({ not: flowConditionSchema }),
    z.strictObject({ all: z.array(flowConditionSchema).min(1) }),
    z.strictObject({ any: z.array(flowConditionSchema).min(1) }),
  ]),
) as z.ZodType<FlowCondition>;

/** Whether the condition holds for `input`. Never throws for any input value. */
export function evaluateCondition(condition: FlowCondition, input: unknown): boolean {
  if ('not' in condition) return !evaluateCondition(condition.not, input);
  if ('all' in condition) return condition.all.every((inner) => evaluateCondition(inner, input));
  if ('any' in condition) return condition.any.some((inner) => evaluateCondition(inner, input));
  const found = readPath(input, condition.path);
  if ('exists' in condition) return found.present === condition.exists;
  if (!found.present) return false;
  if ('equals' in condition) return isDeepStrictEqual(found.value, condition.equals);
  return condition.in.some((candidate) => isDeepStrictEqual(found.value, candidate));
}

function readPath(input: unknown, dotted: string): { present: boolean; value?: unknown } {
  let current: unknown = input;
  for (const segment of dotted.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return { present: false };
    current = (current as Record<string, unknown>)[segment];
  }
  return current === undefined ? { present: false } : { present: true, value: current };
}
