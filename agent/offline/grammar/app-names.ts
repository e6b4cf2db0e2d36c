// Application names admins write ("Slack", "GitHub"): the apps family reads them as apps, and the groups
// family leaves them alone (a sentence about apps is not one about groups).

export const KNOWN_APPS = [
  'Slack', 'Jira', 'Confluence', 'GitHub', 'GitLab', 'Bitbucket', 'Salesforce', 'Zoom', 'Notion', 'Figma', 'Miro', 'Asana', 'Trello',
  'HubSpot', 'Zendesk', 'Workday', 'Tableau', 'Looker', 'Datadog', 'PagerDuty', 'Sentry', 'Okta', '1Password', 'LastPass', 'Dropbox',
  'Box', 'DocuSign', 'Adobe Creative Cloud', 'Google Workspace', 'Microsoft 365', 'Office 365', 'Microsoft Teams', 'Outlook', 'AWS',
  'Azure', 'GCP', 'Linear', 'Loom', 'Lucidchart', 'Smartsheet', 'ServiceNow', 'NetSuite', 'QuickBooks', 'Xero', 'Gong', 'Outreach',
  'Intercom', 'Greenhouse', 'Lever', 'BambooHR', 'Expensify', 'Power BI', 'Snowflake', 'Canva', 'Airtable', 'Calendly', 'Postman',
];

/** Systems other families write to (HR write-back, tickets): naming them does not make a rule about apps. */
const SYSTEMS_OF_OTHER_FAMILIES = ['BambooHR', 'Workday', 'ServiceNow'];

/** An app's name, not when the sentence makes it a group ("the GitHub and Jira groups"). */
const APP_ALTERNATIVES = KNOWN_APPS.filter((name) => !SYSTEMS_OF_OTHER_FAMILIES.includes(name))
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
export const APP_NAME = new RegExp(String.raw`(?<![\w-])(?<!\bgroups?\b[^.\n]*)(?:${APP_ALTERNATIVES})(?![\w-])(?![^.\n]*\bgroups?\b)`, 'i');
