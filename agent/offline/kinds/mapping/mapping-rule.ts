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
  /** Each rule whose condition holds adds its items (under `select: 'first'`, only the first that holds);
   *  `name` is what the output's `selected` field says when this rule was the one chosen. */
  grants: Array<{ when: MappingCondition; items: string[]; name?: string }>;
  /** Exceptions that beat every rule, baseline included: items named (compared like condition values),
   *  or matching `pattern` (a case-insensitive regular expression). */
  exceptions: Array<{ when: MappingCondition; items: string[]; pattern?: string }>;
  /** The output: `field` holds the items kept, `removedField` (when given) what an exception took away;
   *  under `select`, `selected` names the rule chosen and `steps` lists each item kept as
   *  `{ order, <steps.item>: item, role }` (role: the resolver's item, "fallback" or "named"). */
  output: { field: string; removedField?: string; selected?: string; steps?: { field: string; item: string } };
  /** Both lists without duplicates: `sorted` by code unit (the same everywhere), or `as-listed` (baseline
   *  first, then each rule's items in the rules' order, the first occurrence kept). */
  order: 'sorted' | 'as-listed';
  /** `assign` (the default; trigger `user.joined`): the items a joiner gets. `diff` (trigger `user.moved`): the
   *  items of the placement before the move (`event.previous` over the person: a field it lacks kept its
   *  value, `null` means "had none") against those after it; `output.field` holds what to add (after minus
   *  before), `output.removedField` what to remove (before minus after, never a baseline item), each in
   *  `order`. No `previous`: a warning and both lists empty. Exceptions beat every rule in both placements. */
  mode?: 'assign' | 'diff';
  /** The selection fields below (approval chains) are read only when `select` is given; a rule without
   *  them is the union above, written by the union body. See selection-source.ts. */
  select?: MappingSelection;
  /** The event that runs the function (default `user.joined`); `manual` runs it on request. */
  trigger?: 'user.joined' | 'manual';
  /** Under `select: 'first'`, the error when no rule holds; `<field>` is the person's field. */
  noMatch?: string;
  /** Rules read after the selection, whatever it chose: each that holds appends its items (steps an
   *  employment type adds after its department's chain). */
  additions?: Array<{ when: MappingCondition; items: string[] }>;
  /** An item that stands for one of the person's own fields ("manager" → managerEmail). With a resolver
   *  every item is an address: trimmed and lower-cased, and one person is listed once, at their first step. */
  resolve?: MappingResolver;
  /** The error when no item is left (`<selected>` is the chosen rule's name, `<field>` a person's field). */
  noItems?: string;
}

/** `all`: every rule that holds adds its items (a union). `first`: the first rule that holds, in order,
 *  gives its items, so a more specific rule listed first replaces a vaguer one; a `when: {}` rule last is
 *  the default, and without one no rule holding is the `noMatch` error. */
type MappingSelection = 'all' | 'first';

/** The item `item` is the person's `field`. When the field is missing or blank: `fallback` puts the
 *  `fallback` address in its place (role "fallback", a warning logged; an empty fallback is an error),
 *  `skip` leaves the step out (a warning logged), `error` throws. */
interface MappingResolver {
  item: string;
  field: 'managerEmail';
  missing: 'fallback' | 'skip' | 'error';
  fallback: string;
}

/** What a reading knows beyond the IR, for fixtures: sample titles for each title pattern (one that
 *  matches, one that nearly does) and the people the text's own examples describe. */
export interface MappingHints {
  titles?: Map<string, { matching: string; nearMiss: string }>;
  examples?: MappingCondition[];
  /** Mode `diff`: the moves the text's worked examples describe (the person after, the fields before). */
  moves?: Array<{ text: string; who: Partial<Person>; previous: Partial<Person> }>;
}
