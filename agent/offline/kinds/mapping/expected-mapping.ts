// The mapping kind's reference: given the rule and a person, what a correct function returns. Computed
// independently of the generated body: conditions are checked field by field here, exceptions applied per
// item, and nothing is shared with its code.

import type { Person } from '../../../../core/sdk/index.ts';
import type { MappingCondition, MappingRule } from './mapping-rule.ts';

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
const same = (left: string | null | undefined, right: string) => fold(left ?? '') === fold(right);

export function holds(condition: MappingCondition, person: Person): boolean {
  const fields = ['department', 'location', 'costCenter', 'employmentType'] as const;
  for (const field of fields) {
    const wanted = condition[field];
    if (wanted === undefined) continue;
    const options = typeof wanted === 'string' ? [wanted] : wanted;
    if (!options.some((option) => same(person[field], option))) return false;
  }
  if (condition.titlePattern !== undefined && !new RegExp(condition.titlePattern, 'i').test(person.title ?? '')) return false;
  if (condition.unless !== undefined && (Array.isArray(condition.unless) ? condition.unless : [condition.unless]).some((other) => holds(other, person))) return false;
  return true;
}

/** Each item once, at its first place; then sorted by code unit when the rule says so. */
function arrange(items: string[], order: MappingRule['order']): string[] {
  const unique: string[] = [];
  for (const item of items) if (!unique.includes(item)) unique.push(item);
  return order === 'sorted' ? unique.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)) : unique;
}

/** The items kept and the items an exception took away, under the rule's output field names. */
export function expectedMapping(rule: MappingRule, person: Person): Record<string, string[]> {
  const granted = [...rule.baseline];
  for (const grant of rule.grants) if (holds(grant.when, person)) granted.push(...grant.items);
  const applying = rule.exceptions.filter((exception) => holds(exception.when, person));
  const removed = (item: string) => applying.some((exception) =>
    exception.items.some((other) => same(other, item)) || (exception.pattern !== undefined && new RegExp(exception.pattern, 'i').test(item)));
  return {
    [rule.output.field]: arrange(granted.filter((item) => !removed(item)), rule.order),
    ...(rule.output.removedField === undefined ? {} : { [rule.output.removedField]: arrange(granted.filter(removed), rule.order) }),
  };
}
