import { defineFunction } from '@joinery/sdk';

/**
 * A condition holds when every field it names matches (AND). A field given as a list matches any of its
 * values (OR). department, location, costCenter and employmentType compare case-insensitively after
 * trimming; titlePattern is a case-insensitive regular expression searched in the title; `unless` holds
 * when none of its conditions does ("everyone else": { "unless": [{ "department": "Sales" }, { "location": "Berlin" }] }).
 */
interface Condition {
  department?: string | string[];
  location?: string | string[];
  costCenter?: string | string[];
  employmentType?: string | string[];
  titlePattern?: string;
  unless?: Condition | Condition[];
}

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** Every joiner gets these (unless an exclusion removes one). */
  baselineGroups: string[];
  /** Each rule whose condition holds adds its groups. */
  rules: { when: Condition; groups: string[] }[];
  /** Exceptions that beat every rule: groups named in `groups`, or matching `groupPattern` (regex, any case). */
  exclusions: { when: Condition; groups?: string[]; groupPattern?: string }[];
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "assign-joiner-groups",
  "baselineGroups": ["All-Staff", "MFA-Required"],
  "rules": [
    { "when": { "department": "Engineering" }, "groups": ["Engineering", "GitHub-Users", "VPN-Users"] },
    { "when": { "department": "Sales" }, "groups": ["Sales", "CRM-Users"] },
    { "when": { "department": ["Finance", "Accounting"] }, "groups": ["Finance", "ERP-Users", "Finance-Admins"] },
    { "when": { "location": "London" }, "groups": ["Office-London"] },
    { "when": { "location": "Berlin" }, "groups": ["Office-Berlin"] },
    { "when": { "location": "Remote" }, "groups": ["Remote-Workers", "VPN-Users"] },
    { "when": { "titlePattern": "\\b(manager|director|head of)\\b" }, "groups": ["People-Managers"] },
    { "when": { "department": "Engineering", "titlePattern": "\\b(SRE|site reliability|devops)\\b" }, "groups": ["Server-Admins"] },
    { "when": { "employmentType": "contractor" }, "groups": ["Contractors"] }
  ],
  "exclusions": [
    { "when": { "employmentType": "contractor" }, "groups": ["VPN-Users"] },
    { "when": { "employmentType": "intern" }, "groupPattern": "admin" }
  ]
};
/* joinery:params:end */

interface PersonFields {
  department: string;
  location?: string | null;
  costCenter?: string | null;
  employmentType: string;
  title?: string | null;
}

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A bad pattern in PARAMS is a configuration error: say which one instead of failing obscurely. */
function compile(pattern: string, where: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch (error) {
    throw new Error(`${where} ${JSON.stringify(pattern)} is not a valid regular expression: ${(error as Error).message}`);
  }
}

function fieldMatches(expected: string | string[] | undefined, actual: string | null | undefined): boolean {
  if (expected === undefined) return true;
  const options = Array.isArray(expected) ? expected : [expected];
  return options.some((option) => fold(option) === fold(actual));
}

function conditionHolds(when: Condition, person: PersonFields): boolean {
  return (
    fieldMatches(when.department, person.department) &&
    fieldMatches(when.location, person.location) &&
    fieldMatches(when.costCenter, person.costCenter) &&
    fieldMatches(when.employmentType, person.employmentType) &&
    (when.titlePattern === undefined || compile(when.titlePattern, 'titlePattern').test(person.title ?? '')) &&
    (when.unless === undefined || !(Array.isArray(when.unless) ? when.unless : [when.unless]).some((other) => conditionHolds(other, person)))
  );
}

function isExcluded(group: string, person: PersonFields): boolean {
  return PARAMS.exclusions.some(
    (exclusion) =>
      conditionHolds(exclusion.when, person) &&
      ((exclusion.groups ?? []).some((name) => fold(name) === fold(group)) ||
        (exclusion.groupPattern !== undefined && compile(exclusion.groupPattern, 'groupPattern').test(group))),
  );
}

/** Sorted by code unit, not locale, so the order is the same on every machine. */
function sortedUnique(groups: string[]): string[] {
  return [...new Set(groups)].sort();
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Groups for a joiner: ${PARAMS.baselineGroups.length} baseline groups plus ${PARAMS.rules.length} rules by department, location, cost centre, title and employment type; ${PARAMS.exclusions.length} exclusions beat every rule.`,
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const candidates = [
      ...PARAMS.baselineGroups,
      ...PARAMS.rules.filter((rule) => conditionHolds(rule.when, person)).flatMap((rule) => rule.groups),
    ];
    const groups = sortedUnique(candidates.filter((group) => !isExcluded(group, person)));
    const excluded = sortedUnique(candidates.filter((group) => isExcluded(group, person)));
    ctx.log.info('groups assigned', { employeeId: person.employeeId, groups, excluded });
    return { groups, excluded };
  },
});
