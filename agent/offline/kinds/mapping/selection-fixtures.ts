// The people a rule with `select` needs on top of the mapping fixtures: a person two rules hold for (the
// first replaces the later one), each addition, and for a resolver the person's own field padded in
// capitals, missing, blank, equal to a named item (asked once) and missing where the fallback is named too.

import { describe, merge, personFor, type Who } from './mapping-people.ts';
import type { MappingHints, MappingRule } from './mapping-rule.ts';

const MAX_REPLACING = 3;

/** An address for the person's own field, at the domain the rule's items use. */
function sampleAddress(rule: MappingRule, local = 'pat.lee'): string {
  const named = [...rule.baseline, ...rule.grants.flatMap((grant) => grant.items), ...(rule.additions ?? []).flatMap((addition) => addition.items)];
  const domain = named.find((item) => item.includes('@'))?.split('@')[1] ?? 'example.com';
  return `${local}@${domain}`;
}

/** The person with the resolver's field filled in unless the scenario set it (to null or blank, say). */
export function withOwnFields(rule: MappingRule, who: Who): Who {
  const field = rule.resolve?.field;
  return field === undefined || field in who ? who : { ...who, [field]: sampleAddress(rule) };
}

export function selectionScenarios(rule: MappingRule, hints: MappingHints): Array<{ name: string; who: Who }> {
  if (rule.select === undefined) return [];
  const list: Array<{ name: string; who: Who }> = [];
  const push = (name: string, who: Who | undefined) => { if (who) list.push({ name: `${name}: ${describe(who)}`, who }); };
  const person = (condition: Parameters<typeof personFor>[0]) => personFor(condition, rule, hints);
  const resolver = rule.resolve;
  const set = (who: Who | undefined, value: string | null) => who && resolver && { ...who, [resolver.field]: value };
  const own = resolver && rule.grants.filter((grant) => grant.items.some((item) => item.trim().toLowerCase() === resolver.item));
  const [first, last] = [own?.[0], own?.at(-1)];
  if (resolver && own && first && last) {
    push(`the ${resolver.item}'s address is trimmed and lower-cased`, set(person(first.when), `  ${sampleAddress(rule).toUpperCase()} `));
    push(`no ${resolver.item}`, set(person(first.when), null));
    push(`a blank ${resolver.item}`, set(person(last.when), '   '));
    const both = own.find((grant) => grant.items.some((item) => item.includes('@')));
    const named = both?.items.find((item) => item.includes('@'));
    const capitalised = named?.replace(/^\w/, (letter) => letter.toUpperCase());
    if (both && capitalised) push(`a ${resolver.item} who is also a named ${rule.item} is asked once`, set(person(both.when), capitalised));
    const fallback = resolver.fallback.trim().toLowerCase();
    const standIn = fallback && own.find((grant) => grant.items.some((item) => item.trim().toLowerCase() === fallback));
    if (standIn) push(`no ${resolver.item} where the fallback is in the chain too: asked once`, set(person(standIn.when), ''));
  }
  if (rule.select === 'first') {
    const pairs = rule.grants.flatMap((earlier, index) => rule.grants.slice(index + 1).map((later) => merge(earlier.when, later.when)));
    const people = pairs.map((both) => both && person(both)).filter((who) => who !== undefined);
    for (const who of people.slice(0, MAX_REPLACING)) push('the first rule that holds replaces a later one', who);
  }
  for (const addition of rule.additions ?? []) {
    push('an addition comes after the chosen rule', person(addition.when));
    if (resolver) push(`an addition without a ${resolver.item}`, set(person(addition.when), null));
  }
  return list;
}
