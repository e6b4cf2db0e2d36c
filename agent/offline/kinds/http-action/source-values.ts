// The part of the generated body that reads the event: conditions on the person, the placeholders of a
// text (person fields, earlier answers, value tables, `<NAME|text>`), secrets in a URL, and the values a
// request needs. Code as text: http-action-source.ts puts it into every generated function.

export const VALUE_HELPERS = `const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const REQUIRED = ['upn', 'managerEmail', 'accountEmail', 'username'];

function fieldOf(event: LifecycleEvent, field: Condition['field']): string {
  if (field === 'startWeekday') return WEEKDAYS[new Date(\`\${event.person.startDate}T00:00:00Z\`).getUTCDay()] ?? '';
  return String(event.person[field] ?? '');
}

/** Every condition holds: the field (trimmed, any case) is one of the values, or none of them when negated. */
function holds(conditions: Condition[], event: LifecycleEvent): boolean {
  return conditions.every((condition) => {
    const value = fieldOf(event, condition.field).trim().toLowerCase();
    return condition.values.some((wanted) => wanted.trim().toLowerCase() === value) !== condition.negate;
  });
}

/** A field of a JSON answer by its dot path. */
function pathOf(answer: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], answer);
}

function valueOf(name: string, event: LifecycleEvent, answers: unknown[]): unknown {
  const person = event.person;
  const step = /^steps\\.(\\d+)\\.(.+)$/.exec(name);
  if (step) return pathOf(answers[Number(step[1]) - 1], step[2]!);
  const table = PARAMS.tables.find((candidate) => \`tables.\${candidate.name}\` === name);
  if (table) {
    const row = table.rows.find((candidate) => holds(candidate.when, event));
    return row ? row.value : table.otherwise;
  }
  const values: Record<string, unknown> = {
    firstName: person.firstName, lastName: person.lastName, preferredName: person.preferredName, department: person.department,
    location: person.location, title: person.title, employmentType: person.employmentType, startDate: person.startDate,
    employeeId: person.employeeId, managerEmail: person.managerEmail, eventId: event.id,
    name: \`\${person.preferredName?.trim() || person.firstName} \${person.lastName}\`,
    upn: event.account?.userPrincipalName, accountEmail: event.account?.email, username: event.account?.username,
  };
  return values[name];
}

/** <name|text>: the value trimmed, or the text when it is missing or blank; <name>: the value as it is. */
function placeholder(name: string, otherwise: string | undefined, event: LifecycleEvent, answers: unknown[]): unknown {
  const value = valueOf(name, event, answers);
  return otherwise === undefined ? value : String(value ?? '').trim() || otherwise;
}

/** A template filled from the event and the answers so far; a string that is one placeholder keeps its type. */
function fill(template: unknown, event: LifecycleEvent, answers: unknown[], inUrl = false): unknown {
  if (Array.isArray(template)) return template.map((item) => fill(item, event, answers, inUrl));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fill(value, event, answers, inUrl)]));
  }
  if (typeof template !== 'string') return template;
  const whole = /^<([\\w.]+)(?:\\|([^<>]*))?>$/.exec(template);
  if (whole && !inUrl) return placeholder(whole[1]!, whole[2], event, answers) ?? null;
  return template.replace(/<([\\w.]+)(?:\\|([^<>]*))?>/g, (match, name: string, otherwise: string | undefined) => {
    // A secret stays named here: withSecrets puts in its placeholder, the host its value at egress.
    if (name.startsWith('secrets.')) return match;
    const value = String(placeholder(name, otherwise, event, answers) ?? '');
    return inUrl ? encodeURIComponent(value).replace(/%40/g, '@') : value;
  });
}

/** Each <secrets.NAME> in a URL as the secret's placeholder, unencoded (a webhook path holds slashes). */
async function withSecrets(url: string, secrets: { get(name: string): Promise<string> }): Promise<string> {
  let result = url;
  for (const [whole, name] of url.matchAll(/<secrets\\.(\\w+)>/g)) result = result.replace(whole, await secrets.get(name!));
  return result;
}

/** Placeholders that must have a value before anything is called. */
function missing(event: LifecycleEvent, steps: Params['steps']): string[] {
  const used = JSON.stringify(steps.map((step) => [step.url, step.body]));
  return REQUIRED.filter((name) => used.includes(\`<\${name}>\`) && !String(valueOf(name, event, []) ?? '').trim());
}

`;
