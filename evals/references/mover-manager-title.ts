// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case mover-manager-title.

const DEPARTMENT_GROUPS: Record<string, string> = { sales: 'Sales-CRM', support: 'Zendesk-Agents' };

function groupsFor(department: string | null | undefined, title: string | null | undefined): Set<string> {
  const groups = new Set<string>();
  const departmentGroup = DEPARTMENT_GROUPS[(department ?? '').trim().toLowerCase()];
  if (departmentGroup) groups.add(departmentGroup);
  if (/\b(manager|director|head of)\b/i.test(title ?? '')) groups.add('People-Managers');
  return groups;
}

export default defineFunction({
  name: 'mover-manager-title',
  description: 'People-Managers by title, Sales-CRM / Zendesk-Agents by department, as add and remove lists for a mover.',
  trigger: 'user.moved',
  egress: [],
  secrets: [],
  async run(event) {
    const { person, previous = {} } = event;
    const before = groupsFor(previous.department !== undefined ? previous.department : person.department, previous.title !== undefined ? previous.title : person.title);
    const after = groupsFor(person.department, person.title);
    return {
      add: [...after].filter((group) => !before.has(group)).sort(),
      remove: [...before].filter((group) => !after.has(group)).sort(),
    };
  },
});
