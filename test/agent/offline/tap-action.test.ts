// The tap family as a two-step http-action rule: the generated function passes the fixtures of the one
// http-action reference in the real sandbox, and those fixtures catch a function that drops what the
// hand-written template does for safety: the UPN escaped in the Graph path, the pass kept out of the
// logs, the output and the errors.

import { afterAll, describe, expect, it } from 'vitest';
import { TAP_DEFAULTS, TAP_READING_DEFAULTS, tapAction } from '../../../agent/offline/families/tap/tap-action.ts';
import { httpActionFixtures } from '../../../agent/offline/kinds/http-action/http-action-fixtures.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionSource } from '../../../agent/offline/kinds/http-action/http-action-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Call = { method: string; url: string; body?: unknown };
type Fixture = { name: string; secrets?: Record<string, string>; expect: { calls?: Call[]; error?: string; errorExclude?: string[]; logsExclude?: string[] } };

const fixturesOf = (rule: HttpActionRule) => httpActionFixtures(rule, []) as unknown as Fixture[];
const run = (source: string, rule: HttpActionRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));
const USERS = 'https://graph.microsoft.com/v1.0/users/';
const PASS = 'Pz4#1one-time';
const ECHOED = 'step 2 answering 500 instead of 200 is an error; later steps are not called; the pass it echoes is not in the error';
const LATER = tapAction({ ...TAP_READING_DEFAULTS, trigger: 'manual', lifetimeInMinutes: 2880, isUsableOnce: false, startTimeOnStartDate: '08:00:00Z' });

describe('tap as an http-action rule', () => {
  it('asks Graph for the pass, then posts it to the manager through the webhook whose path is a secret', () => {
    const everyone = fixturesOf(LATER).find((fixture) => fixture.name.startsWith('every step runs'));
    const [graph, slack] = everyone?.expect.calls ?? [];
    expect(graph).toMatchObject({ method: 'POST', url: `${USERS}john.smith@example.com/authentication/temporaryAccessPassMethods` });
    expect(graph?.body).toEqual({ lifetimeInMinutes: 2880, isUsableOnce: false, startDateTime: '2026-12-01T08:00:00Z' });
    expect(slack?.url).toBe(`https://hooks.slack.com/services/${everyone?.secrets?.SLACK_WEBHOOK_PATH}`);
    expect(String((slack?.body as { text?: string } | undefined)?.text)).toContain(`Pass: ${PASS}\n`);
    expect(everyone?.expect.logsExclude).toContain(PASS);
  });

  it('escapes a guest UPN, refuses before any call without a UPN or a manager, and keeps the pass out of errors', () => {
    const fixtures = fixturesOf(TAP_DEFAULTS);
    const guest = fixtures.find((fixture) => fixture.name.startsWith('a guest UPN'));
    expect(guest?.expect.calls?.[0]?.url).toBe(`${USERS}ann_contoso.com%23EXT%23@example.onmicrosoft.com/authentication/temporaryAccessPassMethods`);
    for (const name of ['no userPrincipalName', 'no manager email']) {
      expect(fixtures.find((fixture) => fixture.name.startsWith(name))?.expect).toMatchObject({ calls: [], error: expect.stringContaining('is missing') });
    }
    const echoed = fixtures.find((fixture) => fixture.name === ECHOED)?.expect;
    expect(echoed?.errorExclude).toContain(PASS);
    const undelivered = 'the Temporary Access Pass for john.smith@example.com was issued but not delivered';
    expect(echoed?.error).toBe(`${undelivered} (re-run to issue a new one: it replaces this one): HTTP 500`);
    expect(fixtures.find((fixture) => fixture.name === 'step 1 answering without temporaryAccessPass is an error')?.expect.calls).toHaveLength(1);
  });

  it('the generated functions pass every fixture in the real sandbox', async () => {
    expect(await run(httpActionSource(TAP_DEFAULTS), TAP_DEFAULTS)).toEqual({ ok: true, failed: [] });
    expect(await run(httpActionSource(LATER), LATER)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('the fixtures catch a function that does not escape the UPN, or that lets the pass into an error, a log or the output', async () => {
    const source = httpActionSource(TAP_DEFAULTS);
    const unescaped = source.replace("encodeURIComponent(value).replace(/%40/g, '@')", 'value');
    expect((await run(unescaped, TAP_DEFAULTS)).failed).toEqual(['a guest UPN (#EXT#) is escaped in the URL, the @ kept']);
    const unredacted = source.replace(".join('[redacted]')", '.join(value)');
    expect((await run(unredacted, TAP_DEFAULTS)).failed).toEqual([ECHOED]);
    const logged = source.replace("ctx.log.info('step done', { step: index + 1,", "ctx.log.info('step done', { answer,");
    // Every run in which Graph issued a pass fails: it is in a log line, or in what the function returns.
    const fixtures = fixturesOf(TAP_DEFAULTS);
    const issued = fixtures.filter((fixture) => fixture.expect.calls?.length === 2).map((fixture) => fixture.name);
    expect(issued.length).toBeGreaterThanOrEqual(4);
    expect((await run(logged, TAP_DEFAULTS)).failed).toEqual(issued);
    const returned = source.replace('return fill(PARAMS.output, event, answers)', 'return { ...(fill(PARAMS.output, event, answers) as object), answers }');
    expect((await run(returned, TAP_DEFAULTS)).failed).toEqual(fixtures.filter((fixture) => fixture.expect.error === undefined).map((fixture) => fixture.name));
  }, 120_000);
});
