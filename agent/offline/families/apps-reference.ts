// The apps template's parameters seen as the grants and exceptions the shared reference evaluates
// (groups-reference.ts): department and employment-type tables become rules of one field.

import type { Grant } from './groups-reference.ts';
import type { Condition } from './groups-subjects.ts';

export interface AppsParams {
  functionName: string;
  baselineApps: string[];
  departmentApps: Record<string, string[]>;
  employmentTypeApps: Record<string, string[]>;
  excludedApps: Record<string, string[]>;
  rules: Array<{ when: Condition; apps: string[] }>;
  exclusions: Array<{ when: Condition; apps?: string[]; appPattern?: string }>;
}

export function appsGrants(params: AppsParams): { baseline: string[]; grants: Grant[]; withholds: Grant[] } {
  const table = (field: 'department' | 'employmentType', entries: Record<string, string[]>): Grant[] =>
    Object.entries(entries).map(([value, names]) => ({ when: { [field]: value }, names }));
  return {
    baseline: params.baselineApps,
    grants: [...table('department', params.departmentApps), ...table('employmentType', params.employmentTypeApps), ...params.rules.map((rule) => ({ when: rule.when, names: rule.apps }))],
    withholds: [
      ...table('employmentType', params.excludedApps),
      ...params.exclusions.map((exclusion) => ({ when: exclusion.when, names: exclusion.apps ?? [], ...(exclusion.appPattern ? { pattern: exclusion.appPattern } : {}) })),
    ],
  };
}

/** Settled grants written the way the template reads best: tables for one-field rules, rules for the rest. */
export function appsParamsOf(settled: { baseline: string[]; grants: Grant[]; withholds: Grant[] }): Omit<AppsParams, 'functionName'> {
  const params: Omit<AppsParams, 'functionName'> = { baselineApps: settled.baseline, departmentApps: {}, employmentTypeApps: {}, excludedApps: {}, rules: [], exclusions: [] };
  const onlyField = (condition: Condition, field: keyof Condition) => Object.keys(condition).length === 1 && condition[field] !== undefined;
  const values = (value: unknown) => (typeof value === 'string' ? [value] : (value as string[]));
  const addTo = (table: Record<string, string[]>, key: string, names: string[]) => {
    const existing = Object.keys(table).find((name) => name.toLowerCase() === key.toLowerCase()) ?? key;
    table[existing] = [...new Set([...(table[existing] ?? []), ...names])];
  };
  for (const grant of settled.grants) {
    if (onlyField(grant.when, 'department')) for (const department of values(grant.when.department)) addTo(params.departmentApps, department, grant.names);
    else if (onlyField(grant.when, 'employmentType')) for (const type of values(grant.when.employmentType)) addTo(params.employmentTypeApps, type, grant.names);
    else params.rules.push({ when: grant.when, apps: grant.names });
  }
  for (const withhold of settled.withholds) {
    if (onlyField(withhold.when, 'employmentType') && !withhold.pattern) for (const type of values(withhold.when.employmentType)) addTo(params.excludedApps, type, withhold.names);
    else params.exclusions.push({ when: withhold.when, ...(withhold.names.length ? { apps: withhold.names } : {}), ...(withhold.pattern ? { appPattern: withhold.pattern } : {}) });
  }
  return params;
}
