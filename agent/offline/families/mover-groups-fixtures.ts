// Fixtures for the mover-groups family, derived from the tables; expected values come from the reference.

import type { FixtureTest } from '../../../core/fixtures/index.ts';
import type { Person } from '../../../core/sdk/index.ts';
import { person } from '../fixture-builders.ts';
import { correctDepartment } from './approvals-department-names.ts';
import { expectedMoverChange, type MoverGroupsParams } from './mover-groups-reference.ts';
import { KNOWN_LOCATIONS, type MoveExample } from './mover-groups-tables.ts';

interface Scenario {
  name: string;
  who: Partial<Person>;
  previous?: Partial<Person>;
}

const MAX_FIXTURES = 16;
const has = (table: Record<string, string[]>, name: string) => Object.keys(table).some((key) => key.trim().toLowerCase() === name.trim().toLowerCase());
const unlisted = (table: Record<string, string[]>, names: string[]) => names.find((name) => !has(table, name))!;

/** The person after a worked example's move and the `previous` values before it. */
export function placementsOf(p: MoverGroupsParams, example: Pick<MoveExample, 'from' | 'to'>): { person: Person; previous: Partial<Person> } {
  const isLocation = (name: string) => has(p.locationGroups, name) || KNOWN_LOCATIONS.some((known) => known.toLowerCase() === name.toLowerCase());
  const home = { department: Object.keys(p.departmentGroups)[0] ?? 'Engineering', location: Object.keys(p.locationGroups)[0] ?? null };
  if (isLocation(example.from) || isLocation(example.to)) return { person: person({ ...home, location: example.to }), previous: { location: example.from } };
  const type = (name: string) => /^(contractor|intern|employee)s?$/i.exec(name.trim())?.[1]?.toLowerCase() as Person['employmentType'] | undefined;
  const [from, to] = [type(example.from), type(example.to)];
  if (from && to) return { person: person({ ...home, employmentType: to }), previous: { employmentType: from } };
  const department = (name: string) => correctDepartment(name, []);
  return { person: person({ ...home, department: department(example.to) }), previous: { department: department(example.from) } };
}

function scenariosFor(p: MoverGroupsParams): Scenario[] {
  const departments = Object.keys(p.departmentGroups);
  const locations = Object.keys(p.locationGroups);
  const home = { department: departments[0] ?? 'Engineering', location: locations[0] ?? null };
  const otherDepartment = unlisted(p.departmentGroups, ['Facilities', 'Customer Support', 'Legal Operations']);
  const otherLocation = unlisted(p.locationGroups, ['Lisbon', 'Oslo', 'Cork']);
  const scenarios: Scenario[] = [];
  const [d0, d1] = departments;
  const [l0, l1] = locations;
  if (d0 && d1) scenarios.push({ name: `${d0} → ${d1}`, who: { ...home, department: d1 }, previous: { department: d0 } }, { name: `${d1} → ${d0}`, who: { ...home, department: d0 }, previous: { department: d1 } });
  if (d0) {
    scenarios.push({ name: `${otherDepartment} (no table row) → ${d0}`, who: { ...home, department: d0 }, previous: { department: otherDepartment } });
    scenarios.push({ name: `${d0} → ${otherDepartment} (no table row)`, who: { ...home, department: otherDepartment }, previous: { department: d0 } });
    scenarios.push({ name: 'a department that differs only in case and spaces is no move', who: home, previous: { department: `  ${d0.toLowerCase()} ` } });
  }
  if (l0 && l1) scenarios.push({ name: `${l0} → ${l1}`, who: { ...home, location: l1 }, previous: { location: l0 } });
  if (l0) {
    scenarios.push({ name: `${l0} → ${otherLocation} (no table row)`, who: { ...home, location: otherLocation }, previous: { location: l0 } });
    scenarios.push({ name: `a first location: ${l0}`, who: home, previous: { location: null } });
  }
  if (d0 && d1 && l0 && l1) scenarios.push({ name: `department and location at once: ${d0}/${l0} → ${d1}/${l1}`, who: { department: d1, location: l1 }, previous: { department: d0, location: l0 } });
  scenarios.push({ name: 'a title-only move changes no groups', who: { ...home, title: 'Senior Engineer' }, previous: { title: 'Engineer' } });
  scenarios.push({ name: 'user.moved without previous values changes nothing', who: home });
  for (const [type, excluded] of Object.entries(p.excludedGroups)) {
    const [table, key] = ([['department', p.departmentGroups], ['location', p.locationGroups]] as const)
      .flatMap(([field, rows]) => Object.entries(rows).filter(([, groups]) => groups.some((group) => excluded.includes(group))).map(([name]) => [field, name] as const))[0] ?? ['department', d0 ?? 'Engineering'];
    const into = table === 'department' ? { department: key } : { location: key };
    const from = table === 'department' ? { department: otherDepartment } : { location: otherLocation };
    scenarios.push({ name: `a ${type} moving into ${key} does not get ${excluded.join(', ')}`, who: { ...home, ...into, employmentType: type as Person['employmentType'] }, previous: from });
    scenarios.push({ name: `an employee who becomes a ${type} in ${key}`, who: { ...home, ...into, employmentType: type as Person['employmentType'] }, previous: { employmentType: 'employee' } });
  }
  for (const type of Object.keys(p.employmentTypeGroups)) {
    const other = type === 'employee' ? 'contractor' : 'employee';
    scenarios.push({ name: `an ${other} who becomes a ${type}`, who: { ...home, employmentType: type as Person['employmentType'] }, previous: { employmentType: other } });
  }
  const kept = Object.entries(p.departmentGroups).find(([, groups]) => groups.some((group) => p.baselineGroups.includes(group)));
  if (kept) scenarios.push({ name: `leaving ${kept[0]} keeps its baseline groups`, who: { ...home, department: otherDepartment }, previous: { department: kept[0] } });
  if (l0) scenarios.push({ name: 'a cleared location removes the location groups', who: { ...home, location: null }, previous: { location: l0 } });
  // Enough cases to pin the behaviour even for a one-row table.
  const padding: Scenario[] = [
    { name: `${otherDepartment} → Legal Operations: no table rows, no change`, who: { ...home, department: 'Legal Operations' }, previous: { department: otherDepartment } },
    { name: `an office move between offices without rows (${otherLocation} → Cork)`, who: { ...home, location: 'Cork' }, previous: { location: otherLocation } },
    { name: 'an employee who becomes a contractor', who: { ...home, employmentType: 'contractor' }, previous: { employmentType: 'employee' } },
    { name: 'an intern hired as an employee', who: home, previous: { employmentType: 'intern' } },
    { name: `a contractor moving from ${otherDepartment} into ${home.department}`, who: { ...home, employmentType: 'contractor' }, previous: { department: otherDepartment } },
  ];
  for (const extra of padding) if (scenarios.length < 8) scenarios.push(extra);
  return scenarios;
}

export function moverFixtures(p: MoverGroupsParams, examples: MoveExample[]): FixtureTest[] {
  const fromExamples = examples.map((example, index) => {
    const { person: who, previous } = placementsOf(p, example);
    return { name: `example ${index + 1} from the requirement: ${example.text}`, who, previous };
  });
  return [...fromExamples, ...scenariosFor(p)].slice(0, MAX_FIXTURES).map((scenario, index) => {
    const moved = person(scenario.who);
    const input: FixtureTest['input'] = { type: 'user.moved', id: `evt-${index + 1}`, occurredAt: '2026-11-20T09:00:00Z', person: { ...moved }, ...(scenario.previous ? { previous: { ...scenario.previous } } : {}) };
    return { name: scenario.name, input, expect: { output: { ...expectedMoverChange(p, moved, scenario.previous) } } };
  });
}
