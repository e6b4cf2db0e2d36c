// An HRIS write-back as a one-step HTTP action rule: BambooHR's Update Employee for the person's
// employee id, with the account value (trimmed, lower-cased when asked, checked for its shape before any
// call) in the one field, Basic auth with the API key as the user name and "x" as the password, and the
// reason BambooHR gives in its X-BambooHR-Error-Message header in the error. The function, the reference
// and the fixtures are http-action's; templates/hris-writeback is the same rule written by hand.

import type { HttpActionRule } from '../../kinds/http-action/http-action-rule.ts';

/** What the hris-writeback phrases read (the hris-writeback template's parameters). */
export interface HrisWritebackParams {
  functionName: string;
  trigger: 'user.joined' | 'manual';
  companyDomain: string;
  emailField: string;
  valueFrom: 'email' | 'username' | 'userPrincipalName';
  lowerCase: boolean;
}

/** The params while reading: the rule's defaults (http-action's form) with the template's parameters written next to them. */
export type HrisWritebackReading = HttpActionRule & Partial<HrisWritebackParams>;

/** The reading before the text says anything: the template's parameters (a test keeps them equal). */
export const HRIS_WRITEBACK_READING_DEFAULTS: HrisWritebackParams = {
  functionName: 'bamboohr-write-work-email',
  trigger: 'user.joined',
  companyDomain: 'example',
  emailField: 'workEmail',
  valueFrom: 'email',
  lowerCase: false,
};

/** The placeholder of each account value. */
const PLACEHOLDER = { email: 'accountEmail', username: 'username', userPrincipalName: 'upn' } as const;

/** The account value written, as a placeholder; never another value in its place (the personal email). */
const accountValue = (params: HrisWritebackParams) => `<${PLACEHOLDER[params.valueFrom]}${params.lowerCase ? ':lower' : ''}>`;

/** The rule; its trigger is the template's own (never a leaver's), so it is a reading's defaults too. */
export function hrisWritebackAction(params: HrisWritebackParams): HttpActionRule & Pick<HrisWritebackParams, 'trigger'> {
  const value = accountValue(params);
  return {
    functionName: params.functionName,
    trigger: params.trigger,
    when: [],
    skipOutput: { skipped: true },
    steps: [
      {
        when: [],
        method: 'POST',
        // Update Employee: only the fields sent change.
        url: `https://api.bamboohr.com/api/gateway.php/${params.companyDomain}/v1/employees/<employeeId>`,
        auth: { scheme: 'basic-key', usernameSecret: 'BAMBOOHR_API_KEY', password: 'x' },
        body: { [params.emailField]: value },
        successStatus: 200,
        requires: [],
        sensitive: [],
        errorHeader: 'X-BambooHR-Error-Message',
        failureMessage: 'BambooHR did not update employee <employeeId>',
      },
    ],
    tables: [],
    output: { updated: true, employeeId: '<employeeId>', ...(params.valueFrom === 'email' ? { workEmail: value } : {}), field: params.emailField, value },
    // A wrong value in the system of record is worse than none: an address must be one, a username one word.
    checks: [{ value, shape: params.valueFrom === 'username' ? 'word' : 'email' }],
  };
}

/** The rule before the text says anything. */
export const HRIS_WRITEBACK_DEFAULTS: HrisWritebackReading = hrisWritebackAction(HRIS_WRITEBACK_READING_DEFAULTS);
