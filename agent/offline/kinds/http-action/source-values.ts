// The part of the generated body that reads the event: conditions on the person, the placeholders of a
// text (person fields, earlier answers, value tables, `<NAME|text>`, `<NAME:lower>`, the day a wait ends), secrets in a URL,
// the values a request needs (trimmed; missing or blank is an error) and the shapes they must have.
// Code as text: http-action-source.ts puts it into every generated function.

export const VALUE_HELPERS = `const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const REQUIRED = ['upn', 'managerEmail', 'accountEmail', 'username', 'employeeId'];

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

/** The first day (YYYY-MM-DD, UTC) the steps may run: the wait's date plus its days; none without a wait or a date. */
function waitUntil(event: LifecycleEvent): string | undefined {
  const date = PARAMS.wait ? event[PARAMS.wait.date] : undefined;
  if (!PARAMS.wait || date === undefined || date === null) return undefined;
  const start = Date.parse(\`\${date}T00:00:00Z\`);
  // Date.parse rolls 2026-02-30 over to March: a date that does not survive the round trip is not a date.
  if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(date) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== date) {
    throw new Error(\`\${PARAMS.wait.date} "\${date}" is not a YYYY-MM-DD date; cannot tell when the steps may run; nothing was called\`);
  }
  return new Date(start + PARAMS.wait.days * 86_400_000).toISOString().slice(0, 10);
}

/** A field of a JSON answer by its dot path. */
function pathOf(answer: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], answer);
}

function valueOf(name: string, event: LifecycleEvent, answers: unknown[]): unknown {
  const person = event.person;
  if (name === 'lastDay') return event.lastDay ?? null;
  if (name === 'waitUntil') return waitUntil(event);
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

/**
 * <name|text>: the value trimmed, or the text when it is missing or blank; a required value trimmed; any
 * other <name>: the value as it is. <name:lower>: that, lower-cased.
 */
function placeholder(name: string, filter: string | undefined, otherwise: string | undefined, event: LifecycleEvent, answers: unknown[]): unknown {
  const raw = valueOf(name, event, answers);
  const value = otherwise !== undefined ? String(raw ?? '').trim() || otherwise : REQUIRED.includes(name) && typeof raw === 'string' ? raw.trim() : raw;
  return filter === 'lower' && typeof value === 'string' ? value.toLowerCase() : value;
}

/** A template filled from the event and the answers so far; a string that is one placeholder keeps its type. */
function fill(template: unknown, event: LifecycleEvent, answers: unknown[], inUrl = false): unknown {
  if (Array.isArray(template)) return template.map((item) => fill(item, event, answers, inUrl));
  if (template && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([key, value]) => [key, fill(value, event, answers, inUrl)]));
  }
  if (typeof template !== 'string') return template;
  const whole = /^<([\\w.]+)(?::(\\w+))?(?:\\|([^<>]*))?>$/.exec(template);
  if (whole && !inUrl) return placeholder(whole[1]!, whole[2], whole[3], event, answers) ?? null;
  return template.replace(/<([\\w.]+)(?::(\\w+))?(?:\\|([^<>]*))?>/g, (match, name: string, filter: string | undefined, otherwise: string | undefined) => {
    // A secret stays named here: withSecrets puts in its placeholder, the host its value at egress.
    if (name.startsWith('secrets.')) return match;
    const value = String(placeholder(name, filter, otherwise, event, answers) ?? '');
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
  const named = (name: string) => used.includes(\`<\${name}>\`) || used.includes(\`<\${name}:lower>\`);
  return REQUIRED.filter((name) => named(name) && !String(valueOf(name, event, []) ?? '').trim());
}

/** The first value that does not have its shape, as the error to throw. */
function misshapen(event: LifecycleEvent): string | undefined {
  for (const check of PARAMS.checks ?? []) {
    const value = String(fill(check.value, event, []) ?? '');
    if (check.shape === 'email' && !/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(value)) return \`\${check.value} \${JSON.stringify(value)} is not an email address\`;
    if (check.shape === 'word' && /\\s/.test(value)) return \`\${check.value} \${JSON.stringify(value)} contains spaces\`;
  }
  return undefined;
}

`;
