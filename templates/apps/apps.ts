import { defineFunction } from '@joinery/sdk';

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
  }
};
/* joinery:params:end */

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

/** The value under a key compared case-insensitively after trimming; [] when there is none. */
function lookup(table: Record<string, string[]>, key: string): string[] {
  const entry = Object.entries(table).find(([name]) => fold(name) === fold(key));
  return entry === undefined ? [] : entry[1];
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Apps for a joiner by department (${Object.keys(PARAMS.departmentApps).join(', ')}) and employment type; exceptions: ${
    Object.entries(PARAMS.excludedApps).map(([type, apps]) => `${type} never gets ${apps.join(', ')}`).join('; ') || 'none'
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
    ];
    const never = new Set(lookup(PARAMS.excludedApps, person.employmentType).map(fold));
    // Sorted by code unit, not locale, so the order is the same on every machine.
    const apps = [...new Set(granted.filter((app) => !never.has(fold(app))))].sort();
    const skipped = [...new Set(granted.filter((app) => never.has(fold(app))))].sort();
    ctx.log.info('apps assigned', { employeeId: person.employeeId, apps, skipped });
    return { apps, skipped };
  },
});
