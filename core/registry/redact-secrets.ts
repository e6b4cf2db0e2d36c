// Secret values never reach the database. Each value is replaced wherever it appears: in plain fields, in
// every string, key, number and boolean of a JSON value, inside JSON that was itself put in a string (the
// value's JSON-escaped forms, up to three levels deep, and its \u-escaped and URL-encoded forms), and, as
// a last pass, across the serialised text. Values of any length are redacted, one character included.

export const REDACTED = '[redacted]';

export interface Redactor {
  /** A plain text field with every form of every value replaced. */
  text(value: string): string;
  /** The JSON text of `value` with every form of every value replaced; always valid JSON. */
  json(value: unknown): string;
}

export function createRedactor(values: readonly string[] = []): Redactor {
  const forms = [...new Set(values.filter(isRedactable).flatMap(secretForms))];
  if (forms.length === 0) return { text: (value) => value, json: toJsonText };
  // Longest first, so a value that contains another is replaced whole; the marker is an alternative
  // that maps to itself, so text already redacted is left alone even when a value occurs inside it.
  const pattern = new RegExp(
    [REDACTED, ...forms].sort((left, right) => right.length - left.length).map(escapeRegExp).join('|'),
    'g',
  );
  const replace = (value: string): string => value.replace(pattern, () => REDACTED);
  return { text: replace, json: (value) => redactJson(value, replace) };
}

/** JSON text for any value; `undefined` becomes `null`. */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

function redactJson(value: unknown, replace: (text: string) => string): string {
  const plain: unknown = JSON.parse(toJsonText(value));
  const text = replace(toJsonText(redactValue(plain, replace)));
  if (isJson(text)) return text;
  // The value spanned JSON syntax (e.g. `1,2` in `[1,2]`): keep the redacted text, as one JSON string.
  return replace(JSON.stringify(text));
}

function redactValue(value: unknown, replace: (text: string) => string): unknown {
  if (typeof value === 'string') return replace(value);
  if (typeof value === 'number' || typeof value === 'boolean') {
    const text = String(value);
    const redacted = replace(text);
    return redacted === text ? value : redacted;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, replace));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [replace(key), redactValue(item, replace)]),
    );
  }
  return value;
}

function secretForms(value: string): string[] {
  const forms = [value];
  let escaped = value;
  for (let depth = 0; depth < 3; depth++) {
    escaped = JSON.stringify(escaped).slice(1, -1);
    forms.push(escaped);
  }
  forms.push(escapeNonAscii(JSON.stringify(value).slice(1, -1)));
  try {
    forms.push(encodeURIComponent(value));
  } catch {
    // A lone surrogate has no URL-encoded form.
  }
  return forms.filter((form) => form.length > 0);
}

function escapeNonAscii(text: string): string {
  return text.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isRedactable(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
