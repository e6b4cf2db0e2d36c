// The reference for every mapping rule, with or without `select`: the output or the error a correct
// function gives one person. A rule without `select` is the union (expected-mapping.ts); with it, the rules
// chosen, the additions, each item resolved (the person's own field, the fallback, left out or an error),
// one person once at their first step, and the output's extra fields. Written apart from the generated body.

import type { Person } from '../../../../core/sdk/index.ts';
import { expectedMapping, holds } from './expected-mapping.ts';
import type { MappingRule } from './mapping-rule.ts';

export type ExpectedOutcome = { output: Record<string, unknown> } | { error: string };
type Step = { item: string; role: string };

const clean = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();
/** What a function's message starts with: the text before the first `<field>`. */
const before = (message: string) => message.replace(/<.*$/s, '').trim();
const itemsOf = (entries: Array<{ items: string[] }>) => entries.flatMap((entry) => entry.items);
const alike = (left: string, right: string) => clean(left).replace(/\s+/g, ' ') === clean(right).replace(/\s+/g, ' ');

/** The error a resolver raises for a missing field; a function's message contains it. */
function missingFieldError(rule: MappingRule): string {
  return `${rule.resolve?.field ?? 'field'} is missing`;
}

/** The steps one item becomes, or the error when the person's field is missing and nothing stands in. */
function stepsOf(rule: MappingRule, item: string, person: Person): Step[] | { error: string } {
  const resolver = rule.resolve;
  if (!resolver) return [{ item, role: 'named' }];
  if (!alike(item, resolver.item)) return [{ item: clean(item), role: 'named' }];
  const own = clean(person[resolver.field]);
  if (own) return [{ item: own, role: resolver.item }];
  if (resolver.missing === 'fallback' && clean(resolver.fallback)) return [{ item: clean(resolver.fallback), role: 'fallback' }];
  return resolver.missing === 'skip' ? [] : { error: missingFieldError(rule) };
}

function removedBy(rule: MappingRule, person: Person, item: string): boolean {
  return rule.exceptions.some((exception) => holds(exception.when, person)
    && (exception.items.some((other) => alike(other, item)) || (exception.pattern !== undefined && new RegExp(exception.pattern, 'i').test(item))));
}

export function expectedOutcome(rule: MappingRule, person: Person): ExpectedOutcome {
  if (rule.select === undefined) return { output: expectedMapping(rule, person) };
  const matching = rule.grants.filter((grant) => holds(grant.when, person));
  const chosen = rule.select === 'first' ? matching.slice(0, 1) : matching;
  if (rule.select === 'first' && chosen.length === 0) return { error: before(rule.noMatch ?? 'no rule applies') };
  const items = [...rule.baseline, ...itemsOf(chosen), ...itemsOf((rule.additions ?? []).filter((addition) => holds(addition.when, person)))];
  const steps: Step[] = [];
  for (const item of items) {
    const resolved = stepsOf(rule, item, person);
    if ('error' in resolved) return resolved;
    for (const step of resolved) if (!steps.some((known) => known.item === step.item)) steps.push(step);
  }
  if (rule.order === 'sorted') steps.sort((left, right) => (left.item < right.item ? -1 : left.item > right.item ? 1 : 0));
  const kept = steps.filter((step) => !removedBy(rule, person, step.item));
  const name = chosen.map((grant) => grant.name ?? '').join(', ');
  if (kept.length === 0 && rule.noItems !== undefined) return { error: before(rule.noItems) };
  const { field, removedField, selected, steps: listed } = rule.output;
  return {
    output: {
      [field]: kept.map((step) => step.item),
      ...(removedField === undefined ? {} : { [removedField]: steps.filter((step) => removedBy(rule, person, step.item)).map((step) => step.item) }),
      ...(selected === undefined ? {} : { [selected]: name }),
      ...(listed === undefined ? {} : { [listed.field]: kept.map((step, index) => ({ order: index + 1, [listed.item]: step.item, role: step.role })) }),
    },
  };
}
