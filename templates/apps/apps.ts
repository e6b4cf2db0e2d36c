import { defineFunction } from '@joinery/sdk';

/**
 * A condition holds when every field it names matches (AND). A field given as a list matches any of its
 * values (OR). department, location, costCenter and employmentType compare case-insensitively after
 * trimming; titlePattern is a case-insensitive regular expression searched in the title; `unless` holds
 * when none of its conditions does ("everyone else").
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
  /** Apps every joiner gets, whatever the department. */
  baselineApps: string[];
  /** Apps by department; keys compare case-insensitively after trimming. */
  departmentApps: Record<string, string[]>;
  /** Extra apps by employment type ("employee", "contractor", "intern"). */
  employmentTypeApps: Record<string, string[]>;
  /** Apps an employment type never gets, whatever gave them: the exceptions. */
  excludedApps: Record<string, string[]>;
  /** Further rules by any condition (location, title, cost centre, several fields at once). */
  rules: { when: Condition; apps: string[] }[];
  /** Further exceptions by any condition: apps named in `apps`, or matching `appPattern` (regex, any case). */
  exclusions: { when: Condition; apps?: string[]; appPattern?: string }[];
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "assign-joiner-apps",
  "baselineApps": [],
  "departmentApps": {
    "Sales": ["Salesforce", "Slack"],
    "Engineering": ["Jira", "GitHub", "Slack"],
    "Sales Engineering": ["Salesforce", "Jira", "Slack"]
  },
  "employmentTypeApps": {},
  "excludedApps": {
    "contractor": ["Salesforce"]
  },
  "rules": [],
  "exclusions": []
};
/* joinery:params:end */

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The value under a key compared case-insensitively after trimming; [] when there is none. */
function lookup(table: Record<string, string[]>, key: string): string[] {
  const entry = Object.entries(table).find(([name]) => fold(name) === fold(key));
  return entry === undefined ? [] : entry[1];
}

interface PersonFields {
  department: string;
  location?: string | null;
  costCenter?: string | null;
  employmentType: string;
  title?: string | null;
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
  return (Array.isArray(expected) ? expected : [expected]).some((option) => fold(option) === fold(actual));
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

function isExcluded(app: string, person: PersonFields): boolean {
  const byType = lookup(PARAMS.excludedApps, person.employmentType).some((name) => fold(name) === fold(app));
  return byType || PARAMS.exclusions.some((exclusion) =>
    conditionHolds(exclusion.when, person) &&
    ((exclusion.apps ?? []).some((name) => fold(name) === fold(app)) ||
      (exclusion.appPattern !== undefined && compile(exclusion.appPattern, 'appPattern').test(app))));
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Apps for a joiner: ${PARAMS.baselineApps.length ? `${PARAMS.baselineApps.join(', ')} for everyone, ` : ''}by department (${Object.keys(PARAMS.departmentApps).join(', ') || 'none'}), employment type and ${PARAMS.rules.length} further rules; exceptions: ${
    [...Object.entries(PARAMS.excludedApps).map(([type, apps]) => `${type} never gets ${apps.join(', ')}`), ...(PARAMS.exclusions.length ? [`${PARAMS.exclusions.length} more`] : [])].join('; ') || 'none'
  }.`,
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person } = event;
    const granted = [
      ...PARAMS.baselineApps,
      ...lookup(PARAMS.departmentApps, person.department),
      ...lookup(PARAMS.employmentTypeApps, person.employmentType),
      ...PARAMS.rules.filter((rule) => conditionHolds(rule.when, person)).flatMap((rule) => rule.apps),
    ];
    // Sorted by code unit, not locale, so the order is the same on every machine.
    const apps = [...new Set(granted.filter((app) => !isExcluded(app, person)))].sort();
    const skipped = [...new Set(granted.filter((app) => isExcluded(app, person)))].sort();
    ctx.log.info('apps assigned', { employeeId: person.employeeId, apps, skipped });
    return { apps, skipped };
  },
});
