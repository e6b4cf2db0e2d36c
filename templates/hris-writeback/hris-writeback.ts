import { defineFunction, type FetchResponse } from '@joinery/sdk';

interface Params {
  /** Registry name of the instantiated function (kebab-case). */
  functionName: string;
  /** "user.joined" writes back as soon as the account exists; "manual" on request. */
  trigger: 'user.joined' | 'manual';
  /** The BambooHR company subdomain: "example" for example.bamboohr.com. */
  companyDomain: string;
  /** The BambooHR field that receives the address (see GET /api/v1/meta/fields). */
  emailField: string;
}

/* joinery:params:start */
const PARAMS: Params = {
  "functionName": "bamboohr-write-work-email",
  "trigger": "user.joined",
  "companyDomain": "example",
  "emailField": "workEmail"
};
/* joinery:params:end */

const BAMBOOHR_API = 'https://api.bamboohr.com/api/gateway.php/';

/** BambooHR puts the reason for a 4xx in this header, not in the body. */
async function describeFailure(response: FetchResponse, apiKey: string): Promise<string> {
  const header = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'x-bamboohr-error-message');
  const reason = header?.[1] ?? (await response.text()).slice(0, 200);
  const text = `HTTP ${response.status}${reason.trim() ? ` ${reason.trim()}` : ''}`;
  return apiKey === '' ? text : text.split(apiKey).join('[redacted]');
}

export default defineFunction({
  name: PARAMS.functionName,
  description: `Writes the work email (event.account.email) back to BambooHR (${PARAMS.companyDomain}) as ${PARAMS.emailField}, so HR stops using the personal address.`,
  trigger: PARAMS.trigger,
  egress: ['api.bamboohr.com'],
  secrets: ['BAMBOOHR_API_KEY'],
  async run(event, ctx) {
    // 1. Inputs: refuse rather than write a wrong or empty address into the system of record.
    if (!/^[a-z0-9-]+$/i.test(PARAMS.companyDomain)) throw new Error(`companyDomain ${JSON.stringify(PARAMS.companyDomain)} must be the BambooHR subdomain alone, e.g. "example"`);
    const employeeId = event.person.employeeId.trim();
    const workEmail = event.account?.email?.trim() ?? '';
    if (workEmail === '') throw new Error(`no work email to write back for ${employeeId}: event.account.email is missing`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(workEmail)) throw new Error(`event.account.email ${JSON.stringify(workEmail)} is not an email address`);
    if (employeeId === '') throw new Error('person.employeeId is empty: there is no BambooHR employee to update');

    // 2. Update Employee: only the fields sent change. Basic auth: the API key is the user name, "x" the password.
    const apiKey = await ctx.secrets.get('BAMBOOHR_API_KEY');
    const response = await ctx.http.fetch(
      `${BAMBOOHR_API}${encodeURIComponent(PARAMS.companyDomain)}/v1/employees/${encodeURIComponent(employeeId)}`,
      {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${apiKey}:x`)}`, Accept: 'application/json', 'Content-Type': 'application/json' },
        body: { [PARAMS.emailField]: workEmail },
      },
    );
    if (!response.ok) {
      throw new Error(`BambooHR did not update employee ${employeeId}: ${await describeFailure(response, apiKey)}`);
    }
    ctx.log.info('work email written back to BambooHR', { employeeId, field: PARAMS.emailField, workEmail });
    return { updated: true, employeeId, workEmail };
  },
});
