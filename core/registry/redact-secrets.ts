// Secret values never reach the database. Each value is replaced wherever it appears: in plain fields, in
// every string, key, number and boolean of a JSON value, inside JSON that was itself put in a string, in
// every encoding secret-forms.ts knows (URL, form, escape(), base64, hex, any letter case), and, as a last
// pass, across the serialised text. Values of any length are redacted, one character included; derived
// encodings from MIN_DERIVED_FORM_LENGTH characters on.

import { secretForms } from './secret-forms.ts';

export const REDACTED = '[redacted]';
// Markers left in place: ours, and the readable forms of secret placeholders and OAuth tokens.
const MARKERS = ['\\[redacted\\]', '\\[secret:[A-Z][A-Z0-9_]*\\]', '\\[oauth:[A-Za-z0-9_-]+\\]'];

export interface Redactor {
  /** A plain text field with every form of every value replaced. */
  text(value: string): string;
  /** The JSON text of `value` with every form of every value replaced; always valid JSON. */
  json(value: unknown): string;
}

export function createRedactor(values: readonly string[] = []): Redactor {
  const forms = [...new Set(values)].filter(isRedactable).map(secretForms);
  const exact = forms.flatMap((form) => form.exact);
  if (exact.length === 0) return { text: (value) => value, json: toJsonText };
  const anyCase = forms.flatMap((form) => form.anyCase);
  const passes = [replacer(anyCase, 'gi'), replacer(exact, 'g')];
  const replace = (value: string): string => passes.reduce((text, pass) => pass(text), value);
  return { text: replace, json: (value) => redactJson(value, replace) };
}

// Longest first, so a value that contains another is replaced whole; the markers are alternatives that map
// to themselves, so text already redacted is left alone even when a value occurs inside it.
function replacer(forms: string[], flags: string): (text: string) => string {
  if (forms.length === 0) return (text) => text;
  const literals = [...new Set(forms)].sort((left, right) => right.length - left.length).map(escapeRegExp);
  const pattern = new RegExp([...MARKERS, ...literals].join('|'), flags);
  return (text) => text.replace(pattern, (match) => (isMarker(match) ? match : REDACTED));
}

const WHOLE_MARKER = new RegExp(`^(?:${MARKERS.join('|')})$`, 'i');

function isMarker(text: string): boolean {
  return WHOLE_MARKER.test(text);
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
