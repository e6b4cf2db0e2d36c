// Mover group changes as a mapping rule in mode `diff`: the mover-groups phrases read the template's
// parameters (group tables by department, location and worker type, baseline groups, exclusions) and this
// makes the mapping kind's rule from them when the function and its fixtures are written. The function, the
// reference and the fixtures are the mapping kind's; templates/mover-groups is the same rule written by hand
// (a test keeps its parameters equal to these defaults).

import type { Person } from '../../../../core/sdk/index.ts';
import { person } from '../../fixture-builders.ts';
import type { MappingHints, MappingRule } from '../../kinds/mapping/mapping-rule.ts';
import { correctDepartment } from '../../grammar/department-names.ts';
import { KNOWN_LOCATIONS, type MoveExample } from './mover-groups-tables.ts';

/** What the mover-groups phrases read (the mover-groups template's parameters). */
export interface MoverGroupsParams {
  functionName: string;
  baselineGroups: string[];
  departmentGroups: Record<string, string[]>;
  locationGroups: Record<string, string[]>;
  employmentTypeGroups: Record<string, string[]>;
  excludedGroups: Record<string, string[]>;
}

/** The params while reading: the rule's defaults (the mapping kind's form) with the template's parameters written next to them. */
export type MoverGroupsReading = MappingRule & Partial<MoverGroupsParams>;

/** The reading before the text says anything: the mover-groups template's parameters. */
export const MOVER_READING_DEFAULTS: MoverGroupsParams = {
  functionName: 'mover-group-changes',
  baselineGroups: ['All-Staff', 'MFA-Required'],
  departmentGroups: {
    Engineering: ['Engineering', 'GitHub-Users', 'VPN-Users'],
    Sales: ['Sales', 'CRM-Users'],
    Finance: ['Finance', 'ERP-Users', 'MFA-Required'],
  },
  locationGroups: { London: ['Office-London'], Berlin: ['Office-Berlin'], Remote: ['Remote-Workers', 'VPN-Users'] },
  employmentTypeGroups: {},
  excludedGroups: { contractor: ['VPN-Users'] },
};

/** Returned as `{ add, remove }`, each sorted by code unit, as the template does; each table row is a rule of one field. */
export function moverGroupsMapping(params: MoverGroupsParams): MappingRule {
  const table = (field: 'department' | 'location' | 'employmentType', rows: Record<string, string[]>) =>
    Object.entries(rows).map(([value, items]) => ({ when: { [field]: value }, items }));
  return {
    functionName: params.functionName,
    item: 'group',
    baseline: params.baselineGroups,
    grants: [
      ...table('department', params.departmentGroups),
      ...table('location', params.locationGroups),
      ...table('employmentType', params.employmentTypeGroups),
    ],
    exceptions: table('employmentType', params.excludedGroups),
    output: { field: 'add', removedField: 'remove' },
    order: 'sorted',
    mode: 'diff',
  };
}

/** The rule before the text says anything. */
export const MOVER_DEFAULTS: MoverGroupsReading = moverGroupsMapping(MOVER_READING_DEFAULTS);

const has = (table: Record<string, string[]>, name: string) => Object.keys(table).some((key) => key.trim().toLowerCase() === name.trim().toLowerCase());

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

/** The moves the text's worked examples describe, for the kind's fixtures. */
export function moveHints(p: MoverGroupsParams, examples: MoveExample[]): MappingHints {
  return {
    moves: examples.map((example) => {
      const { person: who, previous } = placementsOf(p, example);
      return { text: example.text, who, previous };
    }),
  };
}
