// The mapping kind's reference for a move (mode `diff`): what a correct function adds and removes. The
// placement before is built field by field here and each placement goes through the reference mapping
// (expected-mapping.ts); nothing is shared with the generated body.

import type { Person } from '../../../../core/sdk/index.ts';
import { expectedMapping } from './expected-mapping.ts';
import type { MappingRule } from './mapping-rule.ts';

/** The person before the move: `previous` holds only what changed, so a field it lacks kept its value. */
function placementBefore(person: Person, previous: Partial<Person>): Person {
  const before: Record<string, unknown> = { ...person };
  for (const field of Object.keys(previous) as Array<keyof Person>) before[field] = previous[field];
  return before as unknown as Person;
}

/** Added: what only the placement after gives; removed: what only the one before gave, never a baseline item. */
export function expectedMove(rule: MappingRule, person: Person, previous: Partial<Person> | undefined): Record<string, string[]> {
  const { field, removedField } = rule.output;
  if (removedField === undefined) throw new Error('a mapping rule of mode "diff" names output.removedField (what a move removes)');
  if (previous === undefined) return { [field]: [], [removedField]: [] };
  const had = expectedMapping(rule, placementBefore(person, previous))[field] ?? [];
  const has = expectedMapping(rule, person)[field] ?? [];
  return {
    [field]: has.filter((item) => !had.includes(item)),
    [removedField]: had.filter((item) => !has.includes(item) && !rule.baseline.includes(item)),
  };
}
