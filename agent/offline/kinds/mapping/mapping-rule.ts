// The mapping kind's IR: who a joiner is (department, location, title, employment type, cost centre)
// mapped to a list of items (groups, apps, approvers): a baseline everyone gets, rules that each add
// their items when their condition holds, and exceptions that take items away whatever gave them. In mode
// `diff` the same mapping is computed before and after a move, and the output is what to add and remove.

import type { Person } from '../../../../core/sdk/index.ts';

/**
 * Holds when every field it names matches (AND); a field given as a list matches any of its values (OR).
 * department, location, costCenter and employmentType compare after trimming, collapsing inner spaces
 * and lower-casing; titlePattern is a case-insensitive regular expression searched in the title; `unless`
 * holds when none of its conditions does ("everyone else"). An empty condition holds for everyone.
 */
export interface MappingCondition {
  department?: string | string[];
  location?: string | string[];
  costCenter?: string | string[];
  employmentType?: string | string[];
  titlePattern?: string;
  unless?: MappingCondition | MappingCondition[];
}

export interface MappingRule {
  /** Registry name of the function (kebab-case). */
  functionName: string;
  /** What an item is ("group", "app"): the description, the log line ("groups assigned") and the name of
   *  an exception's pattern in an error ("groupPattern … is not a valid regular expression"). */
  item: string;
  /** Every joiner gets these, unless an exception takes one away. */
  baseline: string[];
  /** Each rule whose condition holds adds its items. */
  grants: Array<{ when: MappingCondition; items: string[] }>;
  /** Exceptions that beat every rule, baseline included: items named (compared like condition values),
   *  or matching `pattern` (a case-insensitive regular expression). */
  exceptions: Array<{ when: MappingCondition; items: string[]; pattern?: string }>;
  /** The output: `field` holds the items kept, `removedField` what an exception took away. */
  output: { field: string; removedField: string };
  /** Both lists without duplicates: `sorted` by code unit (the same everywhere), or `as-listed` (baseline
   *  first, then each rule's items in the rules' order, the first occurrence kept). */
  order: 'sorted' | 'as-listed';
  /** `assign` (the default; trigger `user.joined`): the items a joiner gets. `diff` (trigger `user.moved`): the
   *  items of the placement before the move (`event.previous` over the person: a field it lacks kept its
   *  value, `null` means "had none") against those after it; `output.field` holds what to add (after minus
   *  before), `output.removedField` what to remove (before minus after, never a baseline item), each in
   *  `order`. No `previous`: a warning and both lists empty. Exceptions beat every rule in both placements. */
  mode?: 'assign' | 'diff';
}

/** What a reading knows beyond the IR, for fixtures: sample titles for each title pattern (one that
 *  matches, one that nearly does) and the people the text's own examples describe. */
export interface MappingHints {
  titles?: Map<string, { matching: string; nearMiss: string }>;
  examples?: MappingCondition[];
  /** Mode `diff`: the moves the text's worked examples describe (the person after, the fields before). */
  moves?: Array<{ text: string; who: Partial<Person>; previous: Partial<Person> }>;
}
