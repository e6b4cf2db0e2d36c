// The offline author's reference for the hris-writeback family: the BambooHR request and the result a
// correct function gives for given parameters. Computed independently of the template.

export interface HrisWritebackParams {
  functionName: string;
  trigger: 'user.joined' | 'manual';
  companyDomain: string;
  emailField: string;
  valueFrom: 'email' | 'username' | 'userPrincipalName';
  lowerCase: boolean;
}

type Account = { email?: string; username?: string; userPrincipalName?: string } | undefined;

export function bambooUrl(params: HrisWritebackParams, employeeId: string): string {
  return `https://api.bamboohr.com/api/gateway.php/${params.companyDomain}/v1/employees/${encodeURIComponent(employeeId.trim())}`;
}

/** HTTP Basic with the API key as the user name and "x" as the password, as BambooHR documents. */
export function basicAuthorization(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:x`, 'utf8').toString('base64')}`;
}

/** The value written, or the error a correct function throws before calling BambooHR. */
export function expectedValue(params: HrisWritebackParams, account: Account): { value: string } | { error: string } {
  const raw = account?.[params.valueFrom];
  const value = params.lowerCase ? (raw ?? '').trim().toLowerCase() : (raw ?? '').trim();
  if (!value) return { error: `event.account.${params.valueFrom} is missing` };
  const emailShaped = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
  if (params.valueFrom !== 'username' && !emailShaped) return { error: 'is not an email address' };
  if (params.valueFrom === 'username' && /\s/.test(value)) return { error: 'contains spaces' };
  return { value };
}

export function expectedOutput(params: HrisWritebackParams, employeeId: string, value: string): Record<string, unknown> {
  const output: Record<string, unknown> = { updated: true, employeeId: employeeId.trim(), field: params.emailField, value };
  if (params.valueFrom === 'email') output.workEmail = value;
  return output;
}
