// App access as a mapping rule: the apps phrases read the apps template's parameters and this makes the
// mapping kind's rule from them (department and employment-type tables become rules of one field) when the
// function and its fixtures are written. The function, the reference and the fixtures are the mapping
// kind's; templates/apps is the same rule written by hand (a test keeps its parameters equal to these defaults).

import type { MappingRule } from '../../kinds/mapping/mapping-rule.ts';
import type { Grant } from '../groups/groups-settle.ts';
import type { Condition } from '../groups/groups-subjects.ts';

export interface AppsParams {
  functionName: string;
  baselineApps: string[];
  departmentApps: Record<string, string[]>;
  employmentTypeApps: Record<string, string[]>;
  excludedApps: Record<string, string[]>;
  rules: Array<{ when: Condition; apps: string[] }>;
  exclusions: Array<{ when: Condition; apps?: string[]; appPattern?: string }>;
}

/** The params while reading: the rule's defaults (the mapping kind's form) with the template's parameters written next to them. */
export type AppsReading = MappingRule & Partial<AppsParams>;

/** The reading before the text says anything: the apps template's parameters. */
export const APPS_READING_DEFAULTS: AppsParams = {
  functionName: 'assign-joiner-apps',
  baselineApps: [],
  departmentApps: { Sales: ['Salesforce', 'Slack'], Engineering: ['Jira', 'GitHub', 'Slack'], 'Sales Engineering': ['Salesforce', 'Jira', 'Slack'] },
  employmentTypeApps: {},
  excludedApps: { contractor: ['Salesforce'] },
  rules: [],
  exclusions: [],
};

/** Returned as `{ apps, skipped }`, sorted by code unit and without duplicates, as the template does. */
export function appsMapping(params: AppsParams): MappingRule {
  const table = (field: 'department' | 'employmentType', entries: Record<string, string[]>) =>
    Object.entries(entries).map(([value, items]) => ({ when: { [field]: value }, items }));
  return {
    functionName: params.functionName,
    item: 'app',
    baseline: params.baselineApps,
    grants: [...table('department', params.departmentApps), ...table('employmentType', params.employmentTypeApps), ...params.rules.map((rule) => ({ when: rule.when, items: rule.apps }))],
    exceptions: [
      ...table('employmentType', params.excludedApps),
      ...params.exclusions.map((exclusion) => ({ when: exclusion.when, items: exclusion.apps ?? [], ...(exclusion.appPattern === undefined ? {} : { pattern: exclusion.appPattern }) })),
    ],
    output: { field: 'apps', removedField: 'skipped' },
    order: 'sorted',
  };
}

/** The rule before the text says anything. */
export const APPS_DEFAULTS: AppsReading = appsMapping(APPS_READING_DEFAULTS);

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
