// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case mixed-groups-and-apps.

const ACCESS: Record<string, { groups: string[]; apps: string[] }> = {
  engineering: { groups: ['Engineering'], apps: ['Jira', 'GitHub'] },
  sales: { groups: ['Sales'], apps: ['Salesforce'] },
};

export default defineFunction({
  name: 'mixed-groups-and-apps',
  description: 'Groups and apps by department; everyone gets All-Staff and Slack; contractors never get Salesforce.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    const { person } = event;
    const access = ACCESS[person.department.trim().toLowerCase()] ?? { groups: [], apps: [] };
    const groups = ['All-Staff', ...access.groups];
    const apps = ['Slack', ...access.apps].filter((app) => !(person.employmentType === 'contractor' && app === 'Salesforce'));
    return { groups: [...new Set(groups)].sort(), apps: [...new Set(apps)].sort() };
  },
});
