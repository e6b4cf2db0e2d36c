// Words for the spec of the groups and apps families, and the check of the requirement's own examples
// ("for example, a Sales manager in Berlin gets All-Staff, Sales-Team and DE-Office").

import type { Person } from '../../../../core/sdk/index.ts';
import { joinedEvent } from '../../fixture-builders.ts';
import type { FamilyRecognizer, Recognition } from '../../recognizer.ts';
import { expectedMapping } from '../../kinds/mapping/expected-mapping.ts';
import type { MappingRule } from '../../kinds/mapping/mapping-rule.ts';
import { assignmentNotes } from './groups-settle.ts';
import type { Condition, Subject } from './groups-subjects.ts';

const list = (value: string | string[]) => (typeof value === 'string' ? value : value.join(' or '));

/** "Contractors in Engineering at Berlin with a title matching /\bmanager\b/" */
function describeCondition(condition: Condition): string {
  if (condition.unless) {
    const others = Array.isArray(condition.unless) ? condition.unless : [condition.unless];
    return `Everyone else (matched by none of: ${others.map((other) => describeCondition(other).replace(/^\w/, (first) => first.toLowerCase())).join('; ')})`;
  }
  const who = condition.employmentType ? `${list(condition.employmentType)}s` : 'people';
  const parts = [
    who[0]!.toUpperCase() + who.slice(1),
    condition.department && `in ${list(condition.department)}`,
    condition.location && `at ${list(condition.location)}`,
    condition.costCenter && `in cost centre ${list(condition.costCenter)}`,
    condition.titlePattern && `with a title matching /${condition.titlePattern}/i`,
  ];
  return parts.filter(Boolean).join(' ');
}

/** Each example must come out exactly as the admin wrote it. */
export function exampleProblems(recognition: Recognition, rule: MappingRule, titles: Map<string, NonNullable<Subject['titles']>>): string[] {
  return assignmentNotes(recognition).examples.flatMap((example) => {
    const condition = example.subject.condition;
    const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : value?.[0]);
    const type = first(condition.employmentType) ?? 'employee';
    const who: Partial<Person> = { department: first(condition.department) ?? 'Facilities', employmentType: type as Person['employmentType'] };
    if (condition.location) who.location = first(condition.location);
    if (condition.titlePattern) who.title = titles.get(condition.titlePattern)?.matching;
    const kept = [...expectedMapping(rule, joinedEvent(who).person)[rule.output.field] ?? []].sort();
    const wanted = [...new Set(example.names)].sort();
    const same = kept.length === wanted.length && kept.every((name, index) => name.toLowerCase() === wanted[index]!.toLowerCase());
    return same ? [] : [`the example (${describeCondition(condition)}: ${wanted.join(', ')}) does not follow the rules as understood (they give ${kept.join(', ') || 'nothing'})`];
  });
}

/** The spec of an assignment read by the groups grammar (groups, apps): everything in it comes from the rule. */
export function assignmentSpec(
  rule: MappingRule,
  words: { removed: string; nobodyMatched: string },
): ReturnType<FamilyRecognizer<MappingRule>['spec']> {
  const { field } = rule.output;
  const { baseline, grants, exceptions } = rule;
  const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  const everyone = baseline.length ? `${baseline.join(', ')} for everyone, ` : '';
  const never = (exception: MappingRule['exceptions'][number]) => [
    ...exception.items,
    ...(exception.pattern ? [`${field} matching /${exception.pattern}/i`] : []),
  ];
  return {
    summary:
      `Assigns a joiner's ${field}: ${everyone}${plural(grants.length, 'rule')} by department, location, title or employment type, ` +
      `and ${plural(exceptions.length, 'exception')} that beat every rule.`,
    inputs: ['person.department', 'person.location', 'person.title', 'person.costCenter', 'person.employmentType'],
    output: `{ ${field}: string[]; ${words.removed}: string[] }`,
    rules: [
      ...(baseline.length ? [`Everyone gets ${baseline.join(', ')}.`] : []),
      ...grants.map((grant) => `${describeCondition(grant.when)} get ${grant.items.join(', ')}.`),
      ...exceptions.map((exception) => `${describeCondition(exception.when)} never get ${never(exception).join(', ')}, whatever rule gave it.`),
      `Return the ${field} sorted and de-duplicated, and list what an exception took away under "${words.removed}".`,
    ],
    edgeCases: [
      'one joiner per rule and per exception',
      `nobody matched: ${words.nobodyMatched}`,
      'case and spacing of department and location',
      'a near-miss title',
      'two rules at once',
    ],
    assumptions: [],
  };
}
