// The fixtures of the forms http-action-admin-forms.test.ts reads: a wait after the last day, a 404 that
// stops with a warning, a value lower-cased. The fixtures show each, and a function that ignores one of
// them fails its own fixtures in the real sandbox.

import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { authorFunction, createOfflineModel, loadTemplates } from '../../../agent/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { READ } from './http-action-admin-forms.cases.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const templates = loadTemplates(fileURLToPath(new URL('../../../templates', import.meta.url)));
const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

const author = (requirement: string) => authorFunction({ requirement, model: createOfflineModel({ templates }), toolchain, templates });

describe('offline author: the fixtures of the http-action forms read from an admin\'s words', () => {
  it('the fixtures show the wait, the 404 answer and the lower-cased value, and catch a function that ignores them', async () => {
    const wait = await author(READ.waitThenDelete);
    const names = (JSON.parse(wait.draft.fixturesText ?? '[]') as Array<{ name: string }>).map((fixture) => fixture.name);
    expect(names).toEqual(expect.arrayContaining(['step 1 answering 404: stops with its output; later steps are not called']));
    expect(names.filter((name) => /nothing is called yet/.test(name)).length).toBe(2);
    const noWait = (wait.draft.source ?? '').replace('event.occurredAt.slice(0, 10) < until', "event.occurredAt.slice(0, 10) < ''");
    expect(noWait).not.toBe(wait.draft.source);
    expect((await runAgainstFixtures(toolchain, noWait, JSON.parse(wait.draft.fixturesText ?? '[]'))).failed.length).toBeGreaterThan(0);
    const noAnswer = (wait.draft.source ?? '').replace('answer.status === response.status', 'answer.status === -response.status');
    expect(noAnswer).not.toBe(wait.draft.source);
    expect((await runAgainstFixtures(toolchain, noAnswer, JSON.parse(wait.draft.fixturesText ?? '[]'))).failed.length).toBeGreaterThan(0);
    const lower = await author(READ.basicKeyChatty);
    const notLowered = (lower.draft.source ?? '').replace('"<accountEmail:lower>"', '"<accountEmail>"');
    expect(notLowered).not.toBe(lower.draft.source);
    expect((await runAgainstFixtures(toolchain, notLowered, JSON.parse(lower.draft.fixturesText ?? '[]'))).failed.length).toBeGreaterThan(0);
  }, 120_000);
});
