// The moves a mapping rule in mode `diff` is tested with: between the places its rules name (departments
// and locations, both ways, and to places no rule names), a change of employment type into an exception,
// an item both placements give, a baseline item a rule lists too, a case-only difference, a title-only
// move, a first and a cleared location, and no `previous` at all.

import type { MappingCondition, MappingRule } from './mapping-rule.ts';
import type { Who } from './mapping-people.ts';

export type Move = { name: string; who: Who; previous?: Who; expect?: Record<string, unknown> };
type Field = 'department' | 'location' | 'employmentType';
type Grant = { when: MappingCondition; items: string[] };

const MIN_MOVES = 8;
const first = (value: string | string[] | undefined) => (typeof value === 'string' ? value : value?.[0]);
const fold = (text: string) => text.trim().toLowerCase();
const a = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
/** A grant on one field alone ("Engineering gets …"), and its value. */
const only = (grant: Grant, field: Field) => (Object.keys(grant.when).length === 1 ? first(grant.when[field]) : undefined);

function valuesOf(rule: MappingRule, field: Field): string[] {
  const values = rule.grants.map((grant) => only(grant, field)).filter((value): value is string => value !== undefined);
  return values.filter((value, index) => values.findIndex((other) => fold(other) === fold(value)) === index);
}

/** The first of `names` no rule or exception names for the field. */
function unnamed(rule: MappingRule, field: Field, names: string[]): string {
  const named = [...rule.grants, ...rule.exceptions].flatMap(({ when }) => [when[field] ?? []].flat()).map(fold);
  return names.find((name) => !named.includes(fold(name))) ?? `Unlisted ${field}`;
}

/** Where an exception bites: a department or location whose rule gives what it takes away, else everywhere. */
function bites(rule: MappingRule, exception: MappingRule['exceptions'][number]): Who | undefined {
  const pattern = exception.pattern === undefined ? undefined : new RegExp(exception.pattern, 'i');
  const takes = (item: string) => exception.items.some((other) => fold(other) === fold(item)) || pattern?.test(item) === true;
  for (const grant of rule.grants.filter((candidate) => candidate.items.some(takes))) {
    const department = only(grant, 'department');
    const location = only(grant, 'location');
    if (department) return { department };
    if (location) return { location };
  }
  return rule.baseline.some(takes) ? {} : undefined;
}

export function moveScenarios(rule: MappingRule): Move[] {
  const [d0, d1] = valuesOf(rule, 'department');
  const [l0, l1] = valuesOf(rule, 'location');
  const otherDepartment = unnamed(rule, 'department', ['Facilities', 'Customer Support', 'Legal Operations']);
  const otherLocation = unnamed(rule, 'location', ['Lisbon', 'Oslo', 'Cork']);
  const home: Who = { department: d0 ?? otherDepartment, location: l0 ?? null };
  const moves: Move[] = [];
  const push = (name: string, who: Who, previous?: Who) => moves.push({ name, who: { ...home, ...who }, ...(previous ? { previous } : {}) });
  if (d0 && d1) {
    push(`${d0} → ${d1}`, { department: d1 }, { department: d0 });
    push(`${d1} → ${d0}`, { department: d0 }, { department: d1 });
  }
  if (d0) {
    push(`${otherDepartment} (no rule) → ${d0}`, { department: d0 }, { department: otherDepartment });
    push(`${d0} → ${otherDepartment} (no rule)`, { department: otherDepartment }, { department: d0 });
    push('a department that differs only in case and spaces is no move', {}, { department: `  ${d0.toLowerCase()} ` });
  }
  if (l0 && l1) push(`${l0} → ${l1}`, { location: l1 }, { location: l0 });
  if (l0) {
    push(`${l0} → ${otherLocation} (no rule)`, { location: otherLocation }, { location: l0 });
    push(`a first location: ${l0}`, {}, { location: null });
  }
  if (d0 && d1 && l0 && l1) {
    push(`department and location at once: ${d0}/${l0} → ${d1}/${l1}`, { department: d1, location: l1 }, { department: d0, location: l0 });
  }
  push(`a title-only move changes no ${rule.item}s`, { title: 'Senior Engineer' }, { title: 'Engineer' });
  push(`user.moved without previous values changes nothing`, {});
  for (const exception of rule.exceptions) {
    const type = first(exception.when.employmentType) as Who['employmentType'];
    const into = bites(rule, exception) ?? (d0 ? { department: d0 } : undefined);
    if (!type || !into || Object.keys(exception.when).length !== 1) continue;
    const place = into.department ?? into.location;
    const taken = exception.items.join(', ') || `${rule.item}s matching /${exception.pattern}/`;
    const from = into.department ? { department: otherDepartment } : { location: otherLocation };
    if (place) push(`${a(type)} moving into ${place} does not get ${taken}`, { ...into, employmentType: type }, from);
    push(`an employee who becomes ${a(type)}${place ? ` in ${place}` : ''}`, { ...into, employmentType: type }, { employmentType: 'employee' });
  }
  for (const type of valuesOf(rule, 'employmentType')) {
    const other = type === 'employee' ? 'contractor' : 'employee';
    push(`${a(other)} who becomes ${a(type)}`, { employmentType: type as Who['employmentType'] }, { employmentType: other });
  }
  const keptBaseline = rule.grants.map((grant) => grant.items.some((item) => rule.baseline.includes(item)) && only(grant, 'department')).find(Boolean);
  if (keptBaseline) push(`leaving ${keptBaseline} keeps its baseline ${rule.item}s`, { department: otherDepartment }, { department: keptBaseline });
  // A department and a location giving the same item: leaving the department keeps it.
  const pairs = rule.grants.flatMap((left) => rule.grants.map((right) => ({ from: only(left, 'department'), location: only(right, 'location'), left, right })));
  const shared = pairs.find(({ from, location, left, right }) => from && location && left.items.some((item) => right.items.includes(item)));
  if (shared?.from && shared.location) {
    const { from, location } = shared;
    const to = valuesOf(rule, 'department').find((name) => name !== from) ?? otherDepartment;
    push(`${a(rule.item)} both placements give is kept: ${from} → ${to} in ${location}`, { department: to, location }, { department: from });
  }
  if (l0) push(`a cleared location removes the location ${rule.item}s`, { location: null }, { location: l0 });
  // Enough moves to pin the behaviour even for a one-rule mapping.
  const padding: Array<[string, Who, Who]> = [
    [`${otherDepartment} → Legal Operations: no rules, no change`, { department: 'Legal Operations' }, { department: otherDepartment }],
    [`a move between locations without rules (${otherLocation} → Cork)`, { location: 'Cork' }, { location: otherLocation }],
    ['an employee who becomes a contractor', { employmentType: 'contractor' }, { employmentType: 'employee' }],
    ['an intern hired as an employee', {}, { employmentType: 'intern' }],
    [`a contractor moving from ${otherDepartment} into ${home.department}`, { employmentType: 'contractor' }, { department: otherDepartment }],
  ];
  for (const [name, who, previous] of padding) if (moves.length < MIN_MOVES) push(name, who, previous);
  return moves;
}
