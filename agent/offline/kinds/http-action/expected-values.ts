// The reference's reading of an event: conditions, value tables, placeholders and the texts filled from
// them. Written apart from the generated body (its own placeholder table, its own weekday arithmetic, its
// own encoding), so a mistake in either one fails the fixtures.

import type { Person } from '../../../../core/sdk/index.ts';
import type { Condition, ValueTable } from './http-action-rule.ts';

export interface EventShape {
  id: string;
  person: Person;
  account: Record<string, string>;
  occurredAt?: string;
  lastDay?: string;
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

export function conditionsHold(conditions: Condition[], event: EventShape): boolean {
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

export function placeholderValue(name: string, event: EventShape, answers: unknown[], tables: ValueTable[] = []): unknown {
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
    case 'lastDay': return event.lastDay === undefined ? null : event.lastDay;
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

/** A secret's value in a URL path as the host writes it: percent-encoded, '/' kept (a webhook path). */
function hostEncoded(secret: string): string {
  return encodeURIComponent(secret).replace(/%2F/gi, '/');
}

/** The values a request cannot do without: trimmed, and missing or blank is an error before any call. */
export const NEEDED = ['upn', 'managerEmail', 'accountEmail', 'username', 'employeeId'];

/** `<name|text>`: the value with spaces around it dropped, or the text when nothing is left; `:lower`: lower case. */
function shaped(name: string, value: unknown, filter: string | undefined, otherwise: string | undefined): unknown {
  let result = value;
  if (otherwise !== undefined) {
    const text = value === undefined || value === null ? '' : String(value).trim();
    result = text.length > 0 ? text : otherwise;
  } else if (NEEDED.includes(name) && typeof value === 'string') {
    result = value.trim();
  }
  return filter === 'lower' && typeof result === 'string' ? result.toLowerCase() : result;
}

/** Secrets (URLs only) are given when a URL is filled: put in as the host does at egress, '/' kept. */
export function filled(template: unknown, event: EventShape, answers: unknown[], tables: ValueTable[], urlSecrets?: Record<string, string>): unknown {
  const inUrl = urlSecrets !== undefined;
  if (typeof template === 'string') {
    const single = template.match(/^<([\w.]+)(?::(\w+))?(?:\|([^<>]*))?>$/);
    if (single && !inUrl) return shaped(single[1] ?? '', placeholderValue(single[1] ?? '', event, answers, tables), single[2], single[3]) ?? null;
    return template.replace(/<([\w.]+)(?::(\w+))?(?:\|([^<>]*))?>/g, (whole, name: string, filter?: string, otherwise?: string) => {
      if (name.startsWith('secrets.')) return inUrl ? hostEncoded(urlSecrets[name.slice('secrets.'.length)] ?? '') : whole;
      const value = shaped(name, placeholderValue(name, event, answers, tables), filter, otherwise);
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
