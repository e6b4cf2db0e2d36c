// The offline author's reference for the mover-groups family: given the parameters and a move, the
// groups a correct function adds and removes. Computed independently of the template.

import type { Person } from '../../../core/sdk/index.ts';

export interface MoverGroupsParams {
  functionName: string;
  baselineGroups: string[];
  departmentGroups: Record<string, string[]>;
  locationGroups: Record<string, string[]>;
  employmentTypeGroups: Record<string, string[]>;
  excludedGroups: Record<string, string[]>;
}

export interface GroupChange {
  add: string[];
  remove: string[];
}

type Placement = { department?: string | null; location?: string | null; employmentType?: string | null };

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

function groupsIn(table: Record<string, string[]>, value: string | null | undefined): string[] {
  for (const [key, groups] of Object.entries(table)) if (same(key, value)) return groups;
  return [];
}

function entitled(params: MoverGroupsParams, placement: Placement): string[] {
  const excluded = groupsIn(params.excludedGroups, placement.employmentType);
  const all = [
    ...params.baselineGroups,
    ...groupsIn(params.departmentGroups, placement.department),
    ...groupsIn(params.locationGroups, placement.location),
    ...groupsIn(params.employmentTypeGroups, placement.employmentType),
  ];
  return [...new Set(all)].filter((group) => !excluded.includes(group));
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `previous` holds only what changed; a field it lacks kept the person's current value. */
export function expectedMoverChange(params: MoverGroupsParams, person: Person, previous: Partial<Person> | undefined): GroupChange {
  if (!previous) return { add: [], remove: [] };
  const before: Placement = {
    department: 'department' in previous ? previous.department : person.department,
    location: 'location' in previous ? previous.location : person.location,
    employmentType: 'employmentType' in previous ? previous.employmentType : person.employmentType,
  };
  const had = entitled(params, before);
  const has = entitled(params, person);
  return {
    add: has.filter((group) => !had.includes(group)).sort(byCodeUnit),
    remove: had.filter((group) => !has.includes(group) && !params.baselineGroups.includes(group)).sort(byCodeUnit),
  };
}
