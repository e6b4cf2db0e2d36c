// Requirements that use the http-action forms only the folded families wrote before: a wait after the last
// day, a status with its own answer, Basic auth with an API key as the user name, a secret named by the
// admin, a value lower-cased, a field kept out of the logs, a text for a missing value. Varied styles:
// terse, chatty, bulleted, with typos. Shared by http-action-admin-forms.test.ts (the reading and the
// sandbox) and http-action-admin-refusals.test.ts (the near-misses).
//
// What the author did with them before the phrases (recorded first): every READ requirement was refused
// (a clause not understood: the wait, the 404, the Basic key, "a 404 is an error: …", "Never log the
// password"; no family recognised for the secret, the webhook and the token ones; <lastDay> and
// <accountEmail:lower> "not a value the function has"). Of REFUSE, five were refused (vagueWait and
// waitBefore by the leaver-revoke family, the rest as no family) and three were written ✓ with a clause
// lost: warningNoOutput read the 404 as the success status, neverLogSalary and lowerNothing dropped theirs.

export const READ = {
  waitThenDelete: [
    'When someone leaves, wait until 7 days after their last day before calling anything; until then return { waiting: true, until: <waitUntil> }.',
    'DELETE https://acme.freshservice.com/api/v2/requesters/<employeeId> with a bearer token from the secret FRESHSERVICE_TOKEN.',
    'It answers 204.',
    'If the API answers 404, skip with a warning and return { deleted: false, notFound: true }.',
    'Return { deleted: true, lastDay: <lastDay> }.',
  ].join(' '),
  graphDisableMeans: [
    'When someone leaves, wait until 7 days after their last day, then disable their account:',
    'PATCH https://graph.microsoft.com/v1.0/users/<upn> with {"accountEnabled": false} using a bearer token from the secret GRAPH_TOKEN;',
    '204 means success. Until then return { deferred: true, until: "<waitUntil>" }.',
    'If the API answers 404, skip with a warning and return { notFound: true }. Return { disabled: true }.',
  ].join(' '),
  basicKeyChatty: [
    'Hi team! When someone joins we would like to register them in PeopleHub.',
    'POST https://api.peoplehub.io/v1/accounts, Basic auth with the API key in PEOPLEHUB_API_KEY as the username and x as the password,',
    'body { email: <accountEmail>, employeeNumber: <employeeId> }.',
    'Please send their email in lower case. It answers 201. Return { registered: true }. Thanks!',
  ].join(' '),
  bulletedError: [
    'Update the directory profile for every joiner:',
    '- PATCH https://people.contoso.io/api/profiles/<employeeId>',
    '- bearer token from the secret CONTOSO_PEOPLE_TOKEN',
    '- body { workEmail: <accountEmail>, office: <location|remote> }',
    '- answers 200',
    '- a 404 is an error: "no Contoso profile for employee <employeeId>"',
    '- return { updated: true }',
  ].join('\n'),
  terseWait: [
    'For leavers: wait until 30 days after the last day, returning { pending: true } until then.',
    'POST https://archive.acme.io/api/mailboxes/<upn>/archive, bearer ARCHIVE_TOKEN, body { upn: <upn> }, answers 202.',
    '404 → stop with a warning, return { archived: false }. Return { archived: true }.',
  ].join(' '),
  typoKey: [
    'When someone joins, POST https://api.timetrack.io/v2/users, Basic auth with the API key in TIMETRACK_API_KEY as the user name, pasword x,',
    'body { login: <username>, mail: <accountEmail> }. Send their usrname in lower case. It answers 201 with { id }. Return { timetrackId: <id> }.',
  ].join(' '),
  secretNamed: [
    'When someone joins, open a helpdesk request: POST https://desk.acme.io/api/requests.',
    'Authenticate with a bearer token: use the secret HELPDESK_TOKEN.',
    'Body { subject: "Welcome <name>", requester: <accountEmail> }. It answers 201 with { id }. A 403 is an error. Return { request: <id> }.',
  ].join(' '),
  webhookSecret: [
    'When someone joins, post to our chat webhook: POST https://hooks.chat.acme.io/in/<secrets.CHAT_HOOK_PATH>',
    'with { text: "<name> joins as <title|(no title yet)>" }. It answers 200. Return { posted: true }.',
  ].join(' '),
  neverLogPassword: [
    'When someone joins, create their account: POST https://idp.acme.io/api/v1/users with a bearer token from the secret IDP_TOKEN,',
    'body { login: <accountEmail:lower> }. It answers 201 with { id, password }. Never log the password.',
    'Then POST https://hooks.slack.com/services/<secrets.SLACK_PATH> with { text: "First password for <name>: <password>" }. Slack answers 200.',
    'Return { userId: <id> }.',
  ].join(' '),
  neverLogToken: [
    'When someone joins, POST https://api.badges.acme.io/v1/badges with a bearer token from the secret BADGE_TOKEN,',
    'body { holder: <name>, site: <location|HQ> }. It answers 201 with { badgeId }. Never log the token.',
    'If it answers 409, that is an error: "<name> already has a badge". Return { badge: <badgeId|pending> }.',
  ].join(' '),
  leaverNoWait: [
    'When someone leaves, POST https://api.payroll.acme.io/v1/terminations with a bearer token from the secret PAYROLL_TOKEN,',
    'body { employee: <employeeId>, endDate: <lastDay> }. It answers 201. Return { reported: true }.',
  ].join(' '),
} as const;

/** Near-misses: each names a form the IR cannot hold or a number it cannot settle; never ✓. */
const BADGE = 'When someone joins, POST https://api.badges.acme.io/v1/badges with a bearer token from the secret BADGE_TOKEN, body { holder: <name> }.';
const PAYROLL = 'POST https://api.payroll.acme.io/v1/terminations with a bearer token from the secret PAYROLL_TOKEN, body { employee: <employeeId> }.';
export const REFUSE = {
  vagueWait: [
    'When someone leaves, wait a while after they leave,',
    'then DELETE https://acme.freshservice.com/api/v2/requesters/<employeeId> with a bearer token from the secret FRESHSERVICE_TOKEN.',
    'It answers 204. Return { deleted: true }.',
  ].join(' '),
  retry: `${BADGE} It answers 201. Retry on 404. Return { badge: true }.`,
  waitBefore: `When someone leaves, wait until 3 days before their last day; until then return { waiting: true }. ${PAYROLL} It answers 201.`,
  warningNoOutput: `${BADGE} It answers 201. If the API answers 404, skip with a warning. Return { badge: true }.`,
  keyNoPassword: [
    'When someone joins, POST https://api.peoplehub.io/v1/accounts, Basic auth with the API key in PEOPLEHUB_API_KEY as the username,',
    'body { email: <accountEmail> }. It answers 201. Return { registered: true }.',
  ].join(' '),
  secretHowUnsaid: [
    'When someone joins, POST https://desk.acme.io/api/requests, use the secret HELPDESK_TOKEN, body { subject: "Welcome <name>" }.',
    'It answers 201. Return { done: true }.',
  ].join(' '),
  neverLogSalary: `${BADGE} It answers 201 with { badgeId }. Never log the salary. Return { badge: <badgeId> }.`,
  lowerNothing: `${BADGE} Send their email in lower case. It answers 201. Return { badge: true }.`,
  waitNoOutput: `When someone leaves, wait until 5 days after their last day. ${PAYROLL} It answers 201. Return { reported: true }.`,
  passwordNoBasic: `${BADGE} It answers 201. Never log the password. Return { badge: true }.`,
} as const;
