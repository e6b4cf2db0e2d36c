import { defineFunction, type Person } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** Everyone holds these: never removed, never re-added by a move. */
  baselineGroups: string[];
  /** Groups by department; keys compare case-insensitively after trimming. */
  departmentGroups: Record<string, string[]>;
  /** Groups by location; keys compare case-insensitively after trimming. */
  locationGroups: Record<string, string[]>;
  /** Groups by employment type ("contractor", "intern", "employee"); keys compare case-insensitively. */
  employmentTypeGroups: Record<string, string[]>;
  /** Groups an employment type never holds, whatever gave them (e.g. contractors never get VPN-Users). */
  excludedGroups: Record<string, string[]>;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "mover-group-changes",
  "baselineGroups": ["All-Staff", "MFA-Required"],
  "departmentGroups": {
    "Engineering": ["Engineering", "GitHub-Users", "VPN-Users"],
    "Sales": ["Sales", "CRM-Users"],
    "Finance": ["Finance", "ERP-Users", "MFA-Required"]
  },
  "locationGroups": {
    "London": ["Office-London"],
    "Berlin": ["Office-Berlin"],
    "Remote": ["Remote-Workers", "VPN-Users"]
  },
  "employmentTypeGroups": {},
  "excludedGroups": {
    "contractor": ["VPN-Users"]
  }
};
/* joinery:params:end */

type Placement = Pick<Person, 'department' | 'location' | 'employmentType'>;

function fold(text: string | null | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

function lookup(table: Record<string, string[]>, key: string | null | undefined): string[] {
  return Object.entries(table).find(([name]) => fold(name) === fold(key))?.[1] ?? [];
}

/** Every group the tables give a placement, baseline included, exclusions applied. */
function groupsFor(placement: Placement): Set<string> {
  const never = new Set(lookup(PARAMS.excludedGroups, placement.employmentType));
  const groups = [
    ...PARAMS.baselineGroups,
    ...lookup(PARAMS.departmentGroups, placement.department),
    ...lookup(PARAMS.locationGroups, placement.location),
    ...lookup(PARAMS.employmentTypeGroups, placement.employmentType),
  ];
  return new Set(groups.filter((group) => !never.has(group)));
}

/** Before the move: `previous` holds only what changed, so an absent field kept its current value. */
function placementBefore(person: Person, previous: Partial<Person>): Placement {
  return {
    department: previous.department !== undefined ? previous.department : person.department,
    location: previous.location !== undefined ? previous.location : person.location,
    employmentType: previous.employmentType !== undefined ? previous.employmentType : person.employmentType,
  };
}

export default defineFunction({
  name: PARAMS.functionName,
  description: 'Groups to add and to remove when a person moves department, location or employment type; only table-managed groups change, baseline groups are never removed.',
  trigger: 'user.moved',
  egress: [],
  secrets: [],
  async run(event, ctx) {
    const { person, previous } = event;
    if (previous === undefined) {
      ctx.log.warn('user.moved without previous values: nothing to compare, no group changes', { employeeId: person.employeeId });
      return { add: [], remove: [] };
    }
    const before = groupsFor(placementBefore(person, previous));
    const after = groupsFor(person);
    const baseline = new Set(PARAMS.baselineGroups);
    // Groups outside the tables (granted by hand, by other rules) are never in `before`, so never removed.
    const add = [...after].filter((group) => !before.has(group)).sort();
    const remove = [...before].filter((group) => !after.has(group) && !baseline.has(group)).sort();
    ctx.log.info('mover group changes', { employeeId: person.employeeId, add, remove });
    return { add, remove };
  },
});
