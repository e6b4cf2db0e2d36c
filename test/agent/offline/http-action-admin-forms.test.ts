// The general http-action reader takes the forms only the folded families wrote before, from a
// requirement's own words: a wait after the last day, a status with its own answer, Basic auth with an API
// key as the user name, a secret named by the admin, a value lower-cased, an answer field never logged, a
// text for a missing value, <lastDay>. Each reading is asserted field by field, and the function written
// from it passes its own fixtures in the real sandbox. Before these phrases every requirement here was
// refused (a clause not understood, or a placeholder not known).

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates, readTemplateParams } from '../../../agent/index.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { READ } from './http-action-admin-forms.cases.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });
const bearer = (secret: string) => ({ scheme: 'bearer' as const, secret });

const EXPECTED: Array<[keyof typeof READ, Partial<HttpActionRule>]> = [
  [
    'waitThenDelete',
    {
      trigger: 'user.left',
      wait: { date: 'lastDay', days: 7, output: { waiting: true, until: '<waitUntil>' } },
      steps: [
        {
          when: [], method: 'DELETE', url: 'https://acme.freshservice.com/api/v2/requesters/<employeeId>', auth: bearer('FRESHSERVICE_TOKEN'),
          body: null, successStatus: 204, requires: [], sensitive: [],
          onStatus: [
            { status: 404, warning: 'DELETE acme.freshservice.com answered 404; nothing more was called', output: { deleted: false, notFound: true } },
          ],
        },
      ],
      output: { deleted: true, lastDay: '<lastDay>' },
    },
  ],
  [
    'graphDisableMeans',
    {
      trigger: 'user.left',
      wait: { date: 'lastDay', days: 7, output: { deferred: true, until: '<waitUntil>' } },
      steps: [
        {
          when: [], method: 'PATCH', url: 'https://graph.microsoft.com/v1.0/users/<upn>', auth: bearer('GRAPH_TOKEN'),
          body: { accountEnabled: false }, successStatus: 204, requires: [], sensitive: [],
          onStatus: [{ status: 404, warning: 'PATCH graph.microsoft.com answered 404; nothing more was called', output: { notFound: true } }],
        },
      ],
      output: { disabled: true },
    },
  ],
  [
    'basicKeyChatty',
    {
      trigger: 'user.joined',
      steps: [
        {
          when: [], method: 'POST', url: 'https://api.peoplehub.io/v1/accounts',
          auth: { scheme: 'basic-key', usernameSecret: 'PEOPLEHUB_API_KEY', password: 'x' },
          body: { email: '<accountEmail:lower>', employeeNumber: '<employeeId>' }, successStatus: 201, requires: [], sensitive: [],
        },
      ],
      output: { registered: true },
    },
  ],
  [
    'bulletedError',
    {
      steps: [
        {
          when: [], method: 'PATCH', url: 'https://people.contoso.io/api/profiles/<employeeId>', auth: bearer('CONTOSO_PEOPLE_TOKEN'),
          body: { workEmail: '<accountEmail>', office: '<location|remote>' }, successStatus: 200, requires: [], sensitive: [],
          onStatus: [{ status: 404, error: 'no Contoso profile for employee <employeeId>' }],
        },
      ],
    },
  ],
  [
    'terseWait',
    {
      trigger: 'user.left',
      wait: { date: 'lastDay', days: 30, output: { pending: true } },
      steps: [
        {
          when: [], method: 'POST', url: 'https://archive.acme.io/api/mailboxes/<upn>/archive', auth: bearer('ARCHIVE_TOKEN'), body: { upn: '<upn>' },
          successStatus: 202, requires: [], sensitive: [],
          onStatus: [{ status: 404, warning: 'POST archive.acme.io answered 404; nothing more was called', output: { archived: false } }],
        },
      ],
      output: { archived: true },
    },
  ],
  [
    'typoKey',
    {
      steps: [
        {
          when: [], method: 'POST', url: 'https://api.timetrack.io/v2/users', auth: { scheme: 'basic-key', usernameSecret: 'TIMETRACK_API_KEY', password: 'x' },
          body: { login: '<username:lower>', mail: '<accountEmail>' }, successStatus: 201, requires: ['id'], sensitive: [],
        },
      ],
      output: { timetrackId: '<steps.1.id>' },
    },
  ],
  [
    'secretNamed',
    // "A 403 is an error" is what every status but the success does already: no answer of its own (below).
    { steps: [expect.objectContaining({ auth: bearer('HELPDESK_TOKEN'), successStatus: 201, requires: ['id'] })], output: { request: '<steps.1.id>' } },
  ],
  [
    'webhookSecret',
    {
      steps: [
        expect.objectContaining({
          url: 'https://hooks.chat.acme.io/in/<secrets.CHAT_HOOK_PATH>', auth: { scheme: 'none' }, body: { text: '<name> joins as <title|(no title yet)>' },
        }),
      ],
    },
  ],
  [
    'neverLogPassword',
    {
      steps: [
        expect.objectContaining({ body: { login: '<accountEmail:lower>' }, requires: ['password', 'id'], sensitive: ['password'] }),
        expect.objectContaining({
          url: 'https://hooks.slack.com/services/<secrets.SLACK_PATH>', body: { text: 'First password for <name>: <steps.1.password>' },
        }),
      ],
      output: { userId: '<steps.1.id>' },
    },
  ],
  [
    'neverLogToken',
    {
      steps: [
        expect.objectContaining({
          auth: bearer('BADGE_TOKEN'), body: { holder: '<name>', site: '<location|HQ>' }, requires: [], sensitive: [],
          onStatus: [{ status: 409, error: '<name> already has a badge' }],
        }),
      ],
      output: { badge: '<steps.1.badgeId|pending>' },
    },
  ],
  [
    'leaverNoWait',
    { trigger: 'user.left', steps: [expect.objectContaining({ body: { employee: '<employeeId>', endDate: '<lastDay>' } })], output: { reported: true } },
  ],
];

describe('offline author: the http-action forms read from an admin\'s words', () => {
  it.each(EXPECTED)('%s: read into the IR and passes its own fixtures in the sandbox', async (name, expected) => {
    const result = await author(READ[name]);
    expect(result.ok, result.reason).toBe(true);
    const rule = readTemplateParams(result.draft.source ?? '') as unknown as HttpActionRule;
    expect(rule).toMatchObject(expected);
    if (!expected.wait) expect(rule.wait).toBeUndefined();
    if (!JSON.stringify(expected).includes('onStatus')) expect(rule.steps.filter((step) => step.onStatus)).toEqual([]);
    expect(await runAgainstFixtures(toolchain, result.draft.source ?? '', JSON.parse(result.draft.fixturesText ?? '[]'))).toEqual({ ok: true, failed: [] });
  }, 60_000);
});
