import { defineFunction, type FetchResponse } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** "user.joined" writes back as soon as the account exists; "manual" on request. */
  trigger: 'user.joined' | 'manual';
  /** The BambooHR company subdomain: "example" for example.bamboohr.com. */
  companyDomain: string;
  /** The BambooHR field that receives the value (see GET /api/v1/meta/fields). */
  emailField: string;
  /** The account value written back: "email" (the work email), "username" or "userPrincipalName". */
  valueFrom: 'email' | 'username' | 'userPrincipalName';
  /** Lower-case the value before writing it. */
  lowerCase: boolean;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "bamboohr-write-work-email",
  "trigger": "user.joined",
  "companyDomain": "example",
  "emailField": "workEmail",
  "valueFrom": "email",
  "lowerCase": false
};
/* joinery:params:end */

const BAMBOOHR_API = 'https://api.bamboohr.com/api/gateway.php/';
const LABELS = { email: 'work email', username: 'username', userPrincipalName: 'userPrincipalName' } as const;

/** The account value to write back, checked: refuse rather than write a wrong or empty value into the system of record. */
function valueToWrite(account: { email?: string; username?: string; userPrincipalName?: string } | undefined, employeeId: string): string {
  const source = PARAMS.valueFrom;
  if (!(source in LABELS)) throw new Error(`valueFrom ${JSON.stringify(source)} must be "email", "username" or "userPrincipalName"`);
  const trimmed = account?.[source]?.trim() ?? '';
  const value = PARAMS.lowerCase ? trimmed.toLowerCase() : trimmed;
  if (value === '') throw new Error(`no ${LABELS[source]} to write back for ${employeeId}: event.account.${source} is missing`);
  if (source !== 'username' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw new Error(`event.account.${source} ${JSON.stringify(value)} is not an email address`);
  if (source === 'username' && /\s/.test(value)) throw new Error(`event.account.username ${JSON.stringify(value)} contains spaces`);
  return value;
}

/** BambooHR puts the reason for a 4xx in this header, not in the body. */
async function describeFailure(response: FetchResponse): Promise<string> {
  const header = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'x-bamboohr-error-message');
  const reason = header?.[1] ?? (await response.text()).slice(0, 200);
  return `HTTP ${response.status}${reason.trim() ? ` ${reason.trim()}` : ''}`;
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Writes the ${LABELS[PARAMS.valueFrom] ?? PARAMS.valueFrom} (event.account.${PARAMS.valueFrom}) back to BambooHR (${PARAMS.companyDomain}) as ${PARAMS.emailField}, so HR stops using the personal address.`,
  trigger: PARAMS.trigger,
  egress: ['api.bamboohr.com'],
  secrets: [{ name: 'BAMBOOHR_API_KEY', hosts: ['api.bamboohr.com'] }],
  async run(event, ctx) {
    // 1. Inputs, checked before anything is sent.
    if (!/^[a-z0-9-]+$/i.test(PARAMS.companyDomain)) throw new Error(`companyDomain ${JSON.stringify(PARAMS.companyDomain)} must be the BambooHR subdomain alone, e.g. "example"`);
    const employeeId = event.person.employeeId.trim();
    const value = valueToWrite(event.account, employeeId);
    if (employeeId === '') throw new Error('person.employeeId is empty: there is no BambooHR employee to update');

    // 2. Update Employee: only the fields sent change. Basic auth: the API key is the user name, "x" the
    // password; the host puts the key in at egress and the function never sees it.
    const response = await ctx.http.fetch(
      `${BAMBOOHR_API}${encodeURIComponent(PARAMS.companyDomain)}/v1/employees/${encodeURIComponent(employeeId)}`,
      {
        method: 'POST',
        auth: { basic: { username: { secret: 'BAMBOOHR_API_KEY' }, password: 'x' } },
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: { [PARAMS.emailField]: value },
      },
    );
    if (!response.ok) {
      throw new Error(`BambooHR did not update employee ${employeeId}: ${await describeFailure(response)}`);
    }
    ctx.log.info(`${LABELS[PARAMS.valueFrom]} written back to BambooHR`, { employeeId, field: PARAMS.emailField, value });
    return PARAMS.valueFrom === 'email'
      ? { updated: true, employeeId, workEmail: value, field: PARAMS.emailField, value }
      : { updated: true, employeeId, field: PARAMS.emailField, value };
  },
});
