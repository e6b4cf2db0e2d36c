// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case fresh-groups-and-apps-engineering.

export default defineFunction({
  name: 'fresh-groups-and-apps-engineering',
  description: 'All-Staff for everyone; Engineering gets its groups (no VPN for contractors) and Jira, GitHub Enterprise, 1Password.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    const { person } = event;
    const groups = ['All-Staff'];
    const apps: string[] = [];
    if (person.department === 'Engineering') {
      groups.push('Eng-All', 'GitHub-Org');
      if (person.employmentType !== 'contractor') groups.push('VPN-Users');
      apps.push('Jira', 'GitHub Enterprise', '1Password');
    }
    return { groups: groups.sort(), apps: apps.sort() };
  },
});
