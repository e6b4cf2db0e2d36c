// The reference for HTTP action rules: what a correct function sends and returns for one event, given the
// answers each endpoint gives. Written apart from the generated body (its own placeholder table, its own
// weekday arithmetic, its own encoding), so a mistake in either one fails the fixtures.

import type { Person } from '../../../../core/sdk/index.ts';
import type { Auth, Condition, HttpActionRule, ValueTable } from './http-action-rule.ts';

export interface EventShape {
  id: string;
  person: Person;
  account: Record<string, string>;
}

export interface Answer {
  status: number;
  body: unknown;
}

interface Call {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Outcome {
  calls: Call[];
  /** The answers the fixture must mock, in order (token requests included). */
  mocks: Array<{ method: string; url: string; answer: Answer }>;
  output?: unknown;
  /** A part of the error message the function must throw. */
  error?: string;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Monday = 0: days since 2024-01-01 (a Monday) modulo 7. */
export function weekdayOf(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(2024, 0, 1)) / 86_400_000);
  return DAY_NAMES[((days % 7) + 7) % 7] ?? '';
}

function personValue(event: EventShape, field: Condition['field']): string {
  const who = event.person as unknown as Record<string, unknown>;
  return field === 'startWeekday' ? weekdayOf(event.person.startDate) : String(who[field] ?? '');
}

function conditionsHold(conditions: Condition[], event: EventShape): boolean {
  for (const condition of conditions) {
    const value = personValue(event, condition.field).trim().toLowerCase();
    const listed = condition.values.map((wanted) => wanted.trim().toLowerCase()).includes(value);
    if (listed === condition.negate) return false;
  }
  return true;
}

/** The value of the first row that holds, else the table's own; a row's value may itself be null. */
function tableValue(table: ValueTable, event: EventShape): unknown {
  for (const row of table.rows) {
    if (conditionsHold(row.when, event)) return row.value;
  }
  return table.otherwise;
}

function placeholderValue(name: string, event: EventShape, answers: unknown[], tables: ValueTable[] = []): unknown {
  const { person, account } = event;
  if (name.startsWith('tables.')) {
    const table = tables.filter((candidate) => candidate.name === name.slice('tables.'.length))[0];
    return table ? tableValue(table, event) : undefined;
  }
  if (name.startsWith('steps.')) {
    const [, index = '0', ...path] = name.split('.');
    let value: unknown = answers[Number(index) - 1];
    for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return value;
  }
  switch (name) {
    case 'name': return `${person.preferredName?.trim() ? person.preferredName.trim() : person.firstName} ${person.lastName}`;
    case 'upn': return account.userPrincipalName;
    case 'accountEmail': return account.email;
    case 'username': return account.username;
    case 'eventId': return event.id;
    default: return (person as unknown as Record<string, unknown>)[name];
  }
}

/** RFC 3986 unreserved characters and '@' stay; other bytes are percent-encoded. */
function pathEscape(text: string): string {
  return [...new TextEncoder().encode(text)].map((byte) => {
    const character = String.fromCharCode(byte);
    return /[A-Za-z0-9\-_.!~*'()@]/.test(character) && byte < 128 ? character : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/** `<name|text>`: the value with spaces around it dropped, or the text when nothing is left. */
function orOtherwise(value: unknown, otherwise: string | undefined): unknown {
  if (otherwise === undefined) return value;
  const text = value === undefined || value === null ? '' : String(value).trim();
  return text.length > 0 ? text : otherwise;
}

/** Secrets (URLs only) are given when a URL is filled: their values stand as they are. */
function filled(template: unknown, event: EventShape, answers: unknown[], tables: ValueTable[], urlSecrets?: Record<string, string>): unknown {
  const inUrl = urlSecrets !== undefined;
  if (typeof template === 'string') {
    const single = template.match(/^<([\w.]+)(?:\|([^<>]*))?>$/);
    if (single && !inUrl) return orOtherwise(placeholderValue(single[1] ?? '', event, answers, tables), single[2]) ?? null;
    return template.replace(/<([\w.]+)(?:\|([^<>]*))?>/g, (whole, name: string, otherwise: string | undefined) => {
      if (name.startsWith('secrets.')) return inUrl ? (urlSecrets[name.slice('secrets.'.length)] ?? '') : whole;
      const value = orOtherwise(placeholderValue(name, event, answers, tables), otherwise);
      const text = value === undefined || value === null ? '' : String(value);
      return inUrl ? pathEscape(text) : text;
    });
  }
  if (Array.isArray(template)) return template.map((item) => filled(item, event, answers, tables, urlSecrets));
  if (template !== null && typeof template === 'object') {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(template)) result[key] = filled((template as Record<string, unknown>)[key], event, answers, tables, urlSecrets);
    return result;
  }
  return template;
}

function authorization(auth: Auth, secrets: Record<string, string>, accessToken: string): string | undefined {
  if (auth.scheme === 'bearer') return `Bearer ${secrets[auth.secret] ?? ''}`;
  if (auth.scheme === 'basic') return `Basic ${Buffer.from(`${auth.username}:${secrets[auth.passwordSecret] ?? ''}`).toString('base64')}`;
  if (auth.scheme === 'oauth') return `Bearer ${accessToken}`;
  return undefined;
}

/** What the function does for this event when step N answers `answerFor(N)`. */
export function expectedRun(
  rule: HttpActionRule,
  event: EventShape,
  secrets: Record<string, string>,
  answerFor: (step: number) => Answer,
  accessToken: string,
): Outcome {
  const outcome: Outcome = { calls: [], mocks: [] };
  if (!conditionsHold(rule.when, event)) return { ...outcome, output: rule.skipOutput };
  const running = rule.steps.map((step) => conditionsHold(step.when, event));
  const used = JSON.stringify(rule.steps.filter((_step, index) => running[index]).map((step) => [step.url, step.body]));
  for (const name of ['upn', 'managerEmail', 'accountEmail', 'username']) {
    const value = placeholderValue(name, event, []);
    const empty = value === undefined || value === null || String(value).trim() === '';
    if (used.includes(`<${name}>`) && empty) return { ...outcome, error: `${name} is missing` };
  }
  const answers: unknown[] = [];
  const tokensFetched = new Set<string>();
  for (let index = 0; index < rule.steps.length; index++) {
    const step = rule.steps[index];
    if (!step || !running[index]) {
      answers.push(undefined);
      continue;
    }
    if (step.auth.scheme === 'oauth' && !tokensFetched.has(`${step.auth.tokenUrl} ${step.auth.clientId}`)) {
      tokensFetched.add(`${step.auth.tokenUrl} ${step.auth.clientId}`);
      outcome.calls.push({ method: 'POST', url: step.auth.tokenUrl });
      const token = { access_token: accessToken, token_type: 'Bearer', expires_in: 3599 };
      outcome.mocks.push({ method: 'POST', url: step.auth.tokenUrl, answer: { status: 200, body: token } });
    }
    const url = String(filled(step.url, event, answers, rule.tables, secrets));
    const header = authorization(step.auth, secrets, accessToken);
    const call: Call = { method: step.method, url, ...(header ? { headers: { authorization: header } } : {}) };
    if (step.body !== null) call.body = filled(step.body, event, answers, rule.tables);
    outcome.calls.push(call);
    const answer = answerFor(index + 1);
    outcome.mocks.push({ method: step.method, url, answer });
    if (answer.status !== step.successStatus) return { ...outcome, error: `HTTP ${answer.status}` };
    for (const path of step.requires) {
      let value: unknown = answer.body;
      for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      if (value === undefined || value === null) return { ...outcome, error: `without ${path}` };
    }
    answers.push(answer.body);
  }
  return { ...outcome, output: filled(rule.output, event, answers, rule.tables) };
}
