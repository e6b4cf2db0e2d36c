// Group membership as a mapping rule: the groups phrases read the groups template's parameters (baseline
// groups, rules, exclusions) and this makes the mapping kind's rule from them when the function and its
// fixtures are written. The function, the reference and the fixtures are the mapping kind's;
// templates/groups is the same rule written by hand (a test keeps its parameters equal to these defaults).

import type { MappingCondition, MappingRule } from '../../kinds/mapping/mapping-rule.ts';

/** What the groups phrases read (the groups template's parameters). */
export interface GroupsParams {
  functionName: string;
  baselineGroups: string[];
  rules: Array<{ when: MappingCondition; groups: string[] }>;
  exclusions: Array<{ when: MappingCondition; groups?: string[]; groupPattern?: string }>;
}

/** The params while reading: the rule's defaults (the mapping kind's form) with the template's parameters written next to them. */
export type GroupsReading = MappingRule & Partial<GroupsParams>;

/** The reading before the text says anything: the groups template's parameters. */
export const GROUPS_READING_DEFAULTS: GroupsParams = {
  functionName: 'assign-joiner-groups',
  baselineGroups: ['All-Staff', 'MFA-Required'],
  rules: [
    { when: { department: 'Engineering' }, groups: ['Engineering', 'GitHub-Users', 'VPN-Users'] },
    { when: { department: 'Sales' }, groups: ['Sales', 'CRM-Users'] },
    { when: { department: ['Finance', 'Accounting'] }, groups: ['Finance', 'ERP-Users', 'Finance-Admins'] },
    { when: { location: 'London' }, groups: ['Office-London'] },
    { when: { location: 'Berlin' }, groups: ['Office-Berlin'] },
    { when: { location: 'Remote' }, groups: ['Remote-Workers', 'VPN-Users'] },
    { when: { titlePattern: '\\b(manager|director|head of)\\b' }, groups: ['People-Managers'] },
    { when: { department: 'Engineering', titlePattern: '\\b(SRE|site reliability|devops)\\b' }, groups: ['Server-Admins'] },
    { when: { employmentType: 'contractor' }, groups: ['Contractors'] },
  ],
  exclusions: [
    { when: { employmentType: 'contractor' }, groups: ['VPN-Users'] },
    { when: { employmentType: 'intern' }, groupPattern: 'admin' },
  ],
};

/** Returned as `{ groups, excluded }`, sorted by code unit and without duplicates, as the template does. */
export function groupsMapping(params: GroupsParams): MappingRule {
  return {
    functionName: params.functionName,
    item: 'group',
    baseline: params.baselineGroups,
    grants: params.rules.map((rule) => ({ when: rule.when, items: rule.groups })),
    exceptions: params.exclusions.map((exclusion) => {
      const pattern = exclusion.groupPattern === undefined ? {} : { pattern: exclusion.groupPattern };
      return { when: exclusion.when, items: exclusion.groups ?? [], ...pattern };
    }),
    output: { field: 'groups', removedField: 'excluded' },
    order: 'sorted',
  };
}

/** The rule before the text says anything. */
export const GROUPS_DEFAULTS: GroupsReading = groupsMapping(GROUPS_READING_DEFAULTS);
