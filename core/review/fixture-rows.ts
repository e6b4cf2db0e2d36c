// Fixtures as a reviewer reads them: one row per test, the input as the few fields that describe the
// person and the situation, and the expected output (or error) as JSON. Rows never fail: a fixture that
// does not parse shows as raw JSON.

export interface FixtureRow {
  name: string;
  /** Field → compact JSON text, in a fixed order (the event type and the person first). */
  input: Array<[string, string]>;
  /** What the situation adds: directory users and retired names, secrets, mocked responses. */
  setting: string[];
  expected: { kind: 'output' | 'error' | 'none'; text: string };
}

const PERSON_FIELDS = ['firstName', 'middleName', 'preferredName', 'lastName', 'department', 'employmentType', 'title', 'location'];

export function fixtureRows(fixtures: readonly unknown[]): FixtureRow[] {
  return fixtures.map((fixture, index) => fixtureRow(fixture, index));
}

function fixtureRow(fixture: unknown, index: number): FixtureRow {
  const test = isObject(fixture) ? fixture : {};
  const input = isObject(test.input) ? test.input : {};
  const person = isObject(input.person) ? input.person : {};
  const fields: Array<[string, string]> = [];
  if (input.type !== undefined) fields.push(['type', text(input.type)]);
  for (const field of PERSON_FIELDS) if (person[field] !== undefined && person[field] !== null) fields.push([field, text(person[field])]);
  for (const [key, value] of Object.entries(input)) if (!['type', 'id', 'occurredAt', 'person'].includes(key)) fields.push([key, text(value)]);
  const expect = isObject(test.expect) ? test.expect : {};
  const expected: FixtureRow['expected'] =
    expect.output !== undefined
      ? { kind: 'output', text: JSON.stringify(expect.output) }
      : expect.error !== undefined
        ? { kind: 'error', text: text(expect.error) }
        : { kind: 'none', text: '' };
  return {
    name: typeof test.name === 'string' ? test.name : `test ${index + 1}`,
    input: fields,
    setting: settingOf(test),
    expected,
  };
}

function settingOf(test: Record<string, unknown>): string[] {
  const setting: string[] = [];
  const directory = isObject(test.directory) ? test.directory : {};
  if (Array.isArray(directory.users) && directory.users.length > 0) {
    const names = directory.users.map((user) => (isObject(user) ? String(user.username) : '?'));
    setting.push(`directory: ${names.join(', ')}`);
  }
  if (Array.isArray(directory.retiredUsernames) && directory.retiredUsernames.length > 0)
    setting.push(`retired: ${directory.retiredUsernames.join(', ')}`);
  if (isObject(test.secrets)) setting.push(`secrets: ${Object.keys(test.secrets).join(', ')}`);
  if (Array.isArray(test.http) && test.http.length > 0) setting.push(`${test.http.length} mocked response${test.http.length === 1 ? '' : 's'}`);
  if (isObject(test.expect) && Array.isArray(test.expect.calls))
    setting.push(`expects ${test.expect.calls.length} call${test.expect.calls.length === 1 ? '' : 's'}`);
  return setting;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
