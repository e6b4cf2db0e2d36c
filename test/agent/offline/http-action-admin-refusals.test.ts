// Near-misses of the forms http-action-admin-forms.test.ts reads: a wait without a number of days or before
// the last day, a retry, a warning with no output, a key without its password, a secret whose use is not
// said, a field to keep out of the logs that nothing holds, a value to lower-case that nothing sends. Each
// is refused naming what is missing, never ✓. Before these phrases three of them were written as if the
// clause were not there (a 404 read as the success status; "never log the salary" and "send their email in
// lower case" dropped).

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates } from '../../../agent/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { REFUSE } from './http-action-admin-forms.cases.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });

const REASONS: Array<[keyof typeof REFUSE, string]> = [
  ['vagueWait', 'a wait must say how many days after the last day'],
  ['retry', '"Retry on 404": a function calls each step once'],
  ['waitBefore', 'cannot act before it'],
  ['warningNoOutput', 'what the function returns after a 404 was not said'],
  ['keyNoPassword', 'the password that goes with the key was not given'],
  ['secretHowUnsaid', 'say how the secret HELPDESK_TOKEN is sent'],
  ['neverLogSalary', 'salary is no field of an answer the text describes and no credential the function holds'],
  ['lowerNothing', '"Send their email in lower case": no request before it sends <accountEmail>'],
  ['waitNoOutput', 'what the function returns before the day it waits for was not said'],
  ['passwordNoBasic', 'password is no field of an answer the text describes and no credential the function holds'],
];

describe('offline author: near-misses of the http-action forms are refused, naming why', () => {
  it.each(REASONS)('%s', async (name, reason) => {
    const result = await author(REFUSE[name]);
    expect(result.ok).toBe(false);
    expect(result.draft.source).toBeUndefined();
    expect(result.reason).toContain(reason);
  }, 60_000);
});
