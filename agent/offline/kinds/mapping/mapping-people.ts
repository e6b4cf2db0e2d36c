// The people of the mapping fixtures: someone a condition holds for, two conditions at once, a
// department no rule names, and a readable description of each.

import type { Person } from '../../../../core/sdk/index.ts';
import { joinedEvent } from '../../fixture-builders.ts';
import { holds } from './expected-mapping.ts';
import type { MappingCondition, MappingHints, MappingRule } from './mapping-rule.ts';

export type Who = Partial<Person>;
const EMPLOYMENT_TYPES = ['employee', 'contractor', 'intern'];
const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : value?.[0]);
const unlessOf = ({ unless }: MappingCondition) => (unless === undefined ? [] : Array.isArray(unless) ? unless : [unless]);

/** Every value the rule's conditions name for a field, lower-cased. */
function mentioned(rule: MappingRule, field: 'department' | 'location'): string[] {
  const values = (condition: MappingCondition): string[] => [first(condition[field]) ?? '', ...(Array.isArray(condition[field]) ? (condition[field] as string[]) : []), ...unlessOf(condition).flatMap(values)];
  return [...rule.grants, ...rule.exceptions].flatMap((entry) => values(entry.when)).map((value) => value.toLowerCase());
}

export function neutralDepartment(rule: MappingRule): string {
  const used = mentioned(rule, 'department');
  return ['Facilities', 'Logistics', 'Treasury', 'Procurement'].find((name) => !used.includes(name.toLowerCase())) ?? 'Unlisted';
}

/** A title for a pattern no subject described: its first alternative, cleaned. */
function titleFor(pattern: string): string {
  return `Senior ${pattern.replace(/\\b|[\^$()?:]/g, '').split('|')[0]!.replace(/\\/g, '').replace(/s$/, '')}`;
}

/** A person for whom the condition holds, or undefined when none can be built. */
export function personFor(condition: MappingCondition, rule: MappingRule, hints: MappingHints): Who | undefined {
  const type = first(condition.employmentType) ?? 'employee';
  if (!EMPLOYMENT_TYPES.includes(type)) return undefined;
  const who: Who = { department: first(condition.department) ?? neutralDepartment(rule), employmentType: type as Person['employmentType'] };
  const location = first(condition.location);
  if (location) who.location = location;
  const costCenter = first(condition.costCenter);
  if (costCenter) who.costCenter = costCenter;
  if (condition.titlePattern) who.title = hints.titles?.get(condition.titlePattern)?.matching ?? titleFor(condition.titlePattern);
  return holds(condition, joinedEvent(who).person) ? who : undefined;
}

/** Both conditions at once, or undefined when they ask for different values of one field. */
export function merge(left: MappingCondition, right: MappingCondition): MappingCondition | undefined {
  const merged: MappingCondition = { ...left };
  for (const [field, value] of Object.entries(right) as Array<[keyof MappingCondition, never]>) {
    if (merged[field] !== undefined && JSON.stringify(merged[field]) !== JSON.stringify(value)) return undefined;
    merged[field] = value;
  }
  return merged;
}

export function describe(who: Who): string {
  return [who.employmentType, who.department && `in ${who.department}`, who.location && `at ${who.location}`, who.title && `titled "${who.title}"`, who.costCenter && `cost centre ${who.costCenter}`].filter(Boolean).join(' ');
}
