// The hris-writeback family as a one-step http-action rule: the generated function passes the fixtures of
// the one http-action reference in the real sandbox, and those fixtures catch a function that drops what
// the hand-written template does: the value checked and trimmed before any call, never the personal
// address in its place, the key as the Basic user name, and BambooHR's reason from its error header.

import { afterAll, describe, expect, it } from 'vitest';
import {
  HRIS_WRITEBACK_DEFAULTS,
  HRIS_WRITEBACK_READING_DEFAULTS,
  hrisWritebackAction,
} from '../../../agent/offline/families/hris-writeback/hris-writeback-action.ts';
import { httpActionFixtures } from '../../../agent/offline/kinds/http-action/http-action-fixtures.ts';
import type { HttpActionRule } from '../../../agent/offline/kinds/http-action/http-action-rule.ts';
import { httpActionSource } from '../../../agent/offline/kinds/http-action/http-action-source.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Call = { method: string; url: string; headers?: Record<string, string>; body?: unknown };
type Fixture = { name: string; secrets?: Record<string, string>; expect: { calls?: Call[]; output?: unknown; error?: string; errorExclude?: string[] } };

const fixturesOf = (rule: HttpActionRule) => httpActionFixtures(rule, []) as unknown as Fixture[];
const run = (source: string, rule: HttpActionRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));
const named = (rule: HttpActionRule, start: string) => fixturesOf(rule).find((fixture) => fixture.name.startsWith(start));
const UPN = hrisWritebackAction({
  ...HRIS_WRITEBACK_READING_DEFAULTS, trigger: 'manual', companyDomain: 'globex', emailField: 'customUPN', valueFrom: 'userPrincipalName', lowerCase: true,
});
const EMAIL = 'the account email "john.smith" (not an email address): refused before anything is called';
const PADDED = 'the account email with spaces around and in mixed case: trimmed';
const FAILED = 'step 1 answering 500 instead of 200 is an error; later steps are not called';

describe('hris-writeback as an http-action rule', () => {
  it('posts the one value to the employee, with the key as the Basic user name and "x" as the password', () => {
    const everyone = named(HRIS_WRITEBACK_DEFAULTS, 'every step runs');
    const key = everyone?.secrets?.BAMBOOHR_API_KEY ?? '';
    expect(everyone?.expect.calls).toEqual([{
      method: 'POST',
      url: 'https://api.bamboohr.com/api/gateway.php/example/v1/employees/E1001',
      headers: { authorization: `Basic ${Buffer.from(`${key}:x`).toString('base64')}` },
      body: { workEmail: 'john.smith@example.com' },
    }]);
    const output = { updated: true, employeeId: 'E1001', workEmail: 'john.smith@example.com', field: 'workEmail', value: 'john.smith@example.com' };
    expect(everyone?.expect.output).toEqual(output);
    const failed = 'BambooHR did not update employee E1001: HTTP 500: Refused: the reason from the header';
    expect(named(HRIS_WRITEBACK_DEFAULTS, FAILED)?.expect.error).toBe(failed);
    const personal = expect.arrayContaining(['johnny1987@gmail.com']);
    expect(named(HRIS_WRITEBACK_DEFAULTS, 'no account email')?.expect).toMatchObject({ calls: [], errorExclude: personal });
    expect(named(UPN, 'the userPrincipalName with spaces')?.expect.calls?.[0]?.body).toEqual({ customUPN: 'john.smith@example.com' });
  });

  it('the generated functions pass every fixture in the real sandbox', async () => {
    expect(await run(httpActionSource(HRIS_WRITEBACK_DEFAULTS), HRIS_WRITEBACK_DEFAULTS)).toEqual({ ok: true, failed: [] });
    expect(await run(httpActionSource(UPN), UPN)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('the fixtures catch a function without the shape check, the trimming, the error header or the work address', async () => {
    const source = httpActionSource(HRIS_WRITEBACK_DEFAULTS);
    const unchecked = source.replace('for (const check of PARAMS.checks ?? [])', 'for (const check of (PARAMS.checks ?? []).slice(0, 0))');
    expect((await run(unchecked, HRIS_WRITEBACK_DEFAULTS)).failed).toEqual([EMAIL]);
    const untrimmed = source.replace("REQUIRED.includes(name) && typeof raw === 'string' ? raw.trim() : raw", 'raw');
    expect((await run(untrimmed, HRIS_WRITEBACK_DEFAULTS)).failed).toEqual([PADDED, 'the employeeId with spaces around: trimmed']);
    const noHeader = source.replace('await failure(response, step.errorHeader)', 'await failure(response)');
    expect((await run(noHeader, HRIS_WRITEBACK_DEFAULTS)).failed).toEqual([FAILED]);
    const personal = source.replace('accountEmail: event.account?.email,', 'accountEmail: event.account?.email || person.personalEmail,');
    expect((await run(personal, HRIS_WRITEBACK_DEFAULTS)).failed).toEqual(['no account email: refused before anything is called']);
    const unlowered = httpActionSource(UPN).replace("filter === 'lower' && typeof value", "filter === 'never' && typeof value");
    expect((await run(unlowered, UPN)).failed).toEqual(['the userPrincipalName with spaces around and in mixed case: trimmed and lower-cased']);
  }, 120_000);
});
