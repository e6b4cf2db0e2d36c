// @ts-nocheck: the project's tsc cannot resolve '@joinery/sdk'; the eval runner drops this line and the pipeline type-checks the file.
import { defineFunction } from '@joinery/sdk';

// Reference solution for the eval case apps-emea-salesforce.

const EMEA_OFFICES = ['london', 'berlin', 'paris'];

export default defineFunction({
  name: 'apps-emea-salesforce',
  description: 'Slack for everyone; Sales get Salesforce in EMEA offices and HubSpot elsewhere.',
  trigger: 'user.joined',
  egress: [],
  secrets: [],
  async run(event) {
    const { person } = event;
    const apps = ['Slack'];
    if (person.department.trim().toLowerCase() === 'sales') {
      apps.push(EMEA_OFFICES.includes((person.location ?? '').trim().toLowerCase()) ? 'Salesforce' : 'HubSpot');
    }
    return { apps: apps.sort() };
  },
});
