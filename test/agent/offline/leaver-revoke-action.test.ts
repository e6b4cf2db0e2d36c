// The leaver-revoke family as an http-action rule: the generated function passes the fixtures of the one
// http-action reference in the real sandbox, and those fixtures catch a function that drops what the
// hand-written template does for safety: the UPN escaped in the Graph path, the disable before the
// revoke, a 404 answered as the admin chose, and nothing changed before the day access may go.

import { afterAll, describe, expect, it } from 'vitest';
import { LEAVER_REVOKE_READING_DEFAULTS, leaverRevokeAction } from '../../../agent/offline/families/leaver-revoke/leaver-revoke-action.ts';
import { httpActionFixtures } from '../../../agent/offline/kinds/http-action/http-action-fixtures.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionSource } from '../../../agent/offline/kinds/http-action/http-action-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Call = { method: string; url: string; headers?: Record<string, string>; body?: unknown };
type Fixture = { name: string; input: { occurredAt: string }; secrets?: Record<string, string>; expect: { calls?: Call[]; output?: unknown; error?: string } };

const fixturesOf = (rule: HttpActionRule) => httpActionFixtures(rule, []) as unknown as Fixture[];
const run = (source: string, rule: HttpActionRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));
const named = (rule: HttpActionRule, start: string) => fixturesOf(rule).find((fixture) => fixture.name.startsWith(start));
const USER = 'https://graph.microsoft.com/v1.0/users/john.smith@example.com';
const NOW = leaverRevokeAction(LEAVER_REVOKE_READING_DEFAULTS);
const DAY_AFTER = { deferUntilLastDay: true, daysAfterLastDay: 1, missingUser: 'skip', tokenSecret: 'ENTRA_TOKEN' } as const;
const LATER = leaverRevokeAction({ ...LEAVER_REVOKE_READING_DEFAULTS, ...DAY_AFTER });
const UPN = 'john.smith@example.com';
const GUEST = 'a guest UPN (#EXT#) is escaped in the URL, the @ kept';
const GONE = 'step 1 answering 404: stops with its output; later steps are not called';
const MISSING = 'step 1 answering 404: its own error; later steps are not called';
const EARLY = ['an event the day before 2027-01-01: nothing is called yet', 'an event two weeks before lastDay: nothing is called yet'];

describe('leaver-revoke as an http-action rule', () => {
  it('disables, then revokes, with the Graph token as a bearer; a 404 is an error or the user already gone', () => {
    const everyone = named(NOW, 'every step runs');
    const bearer = { authorization: `Bearer ${everyone?.secrets?.GRAPH_TOKEN}` };
    expect(everyone?.expect.calls).toEqual([
      { method: 'PATCH', url: USER, headers: bearer, body: { accountEnabled: false } },
      { method: 'POST', url: `${USER}/revokeSignInSessions`, headers: bearer },
    ]);
    expect(everyone?.expect.output).toEqual({ disabled: true, sessionsRevoked: true, lastDay: '2026-12-31', userPrincipalName: 'john.smith@example.com' });
    const missing = `no Entra user ${UPN} (Microsoft Graph answered HTTP 404): nothing was disabled`;
    expect(named(NOW, MISSING)?.expect).toMatchObject({ error: missing, calls: [{ method: 'PATCH' }] });
    const gone = { disabled: false, sessionsRevoked: false, lastDay: '2026-12-31', userPrincipalName: UPN, notFound: true };
    expect(named(LATER, GONE)?.expect.output).toEqual(gone);
    const unrevoked = `${UPN} is disabled, but Microsoft Graph did not revoke the sign-in sessions: HTTP 500`;
    expect(named(NOW, 'step 2 answering 500')?.expect.error).toBe(unrevoked);
    const only = leaverRevokeAction({ ...LEAVER_REVOKE_READING_DEFAULTS, revokeSessions: false });
    expect(named(only, 'every step runs')?.expect).toMatchObject({ calls: [{ method: 'PATCH' }], output: { disabled: true, sessionsRevoked: false } });
  });

  it('waits until the day after the last day, across the year end; no last day or a date that is none', () => {
    expect(named(LATER, 'every step runs')?.input.occurredAt).toBe('2027-01-01T17:30:00Z');
    const deferred = { disabled: false, sessionsRevoked: false, lastDay: '2026-12-31', deferred: true, revokeOn: '2027-01-01' };
    for (const name of EARLY) expect(named(LATER, name)?.expect).toMatchObject({ output: deferred, calls: [] });
    expect(named(LATER, 'no lastDay on the event')?.expect).toMatchObject({ output: { disabled: true, lastDay: null } });
    expect(named(LATER, 'a lastDay that is not a date')?.expect).toMatchObject({ error: 'lastDay "2026-02-30" is not a YYYY-MM-DD date', calls: [] });
    expect(named(NOW, 'an event two weeks before the last day')?.expect.output).toMatchObject({ disabled: true });
  });

  it('the generated functions pass every fixture in the real sandbox', async () => {
    expect(await run(httpActionSource(NOW), NOW)).toEqual({ ok: true, failed: [] });
    expect(await run(httpActionSource(LATER), LATER)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('the fixtures catch a function that does not escape the UPN, revokes first, ignores a 404 or does not wait', async () => {
    const source = httpActionSource(LATER);
    const unescaped = source.replace("encodeURIComponent(value).replace(/%40/g, '@')", 'value');
    expect((await run(unescaped, LATER)).failed).toEqual([GUEST]);
    const revokeFirst = { ...LATER, steps: [...LATER.steps].reverse() };
    expect((await run(httpActionSource(revokeFirst), LATER)).failed).toContain('every step runs for someone the rule is for (2 steps)');
    const no404 = source.replace('step.onStatus?.find(', 'step.onStatus?.slice(0, 0).find(');
    expect((await run(no404, LATER)).failed).toEqual([GONE]);
    expect((await run(httpActionSource(NOW).replace('step.onStatus?.find(', 'step.onStatus?.slice(0, 0).find('), NOW)).failed).toEqual([MISSING]);
    const eager = source.replace('event.occurredAt.slice(0, 10) < until', "event.occurredAt.slice(0, 10) < '0000'");
    expect((await run(eager, LATER)).failed).toEqual(EARLY);
    const lateByADay = source.replace('event.occurredAt.slice(0, 10) < until', 'event.occurredAt.slice(0, 10) <= until');
    expect((await run(lateByADay, LATER)).failed).toContain('every step runs for someone the rule is for (2 steps)');
    const early = 'if (event.lastDay && event.occurredAt < event.lastDay) return { deferred: true };';
    const deferring = httpActionSource(NOW).replace('if (PARAMS.wait && until', `${early}\n    if (PARAMS.wait && until`);
    expect((await run(deferring, NOW)).failed).toContain('an event two weeks before the last day: the steps run at once');
  }, 180_000);
});
