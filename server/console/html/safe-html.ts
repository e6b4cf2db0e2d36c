// The one way the console writes HTML. `html` is a tagged template: every interpolated value is escaped
// unless it is SafeHtml, and SafeHtml is made only by `html` itself (its constructor takes a private
// token), so unescaped guest text cannot reach a page by construction. Escaping first makes every
// invisible character visible (core/text visibleText: ESC becomes the four characters `\x1b`, a bidi
// override `\u202e`), then writes & < > " ' as entities: safe in element content and quoted attributes.

import { visibleText } from '../../../core/text/index.ts';

const CONSTRUCTION = Symbol('SafeHtml');

export class SafeHtml {
  readonly text: string;

  constructor(token: symbol, text: string) {
    if (token !== CONSTRUCTION) throw new TypeError('SafeHtml is made by the html template only');
    this.text = text;
  }

  toString(): string {
    return this.text;
  }
}

/** A value that may be interpolated: text (escaped), SafeHtml (kept), a list of them, or nothing. */
export type HtmlValue = string | number | boolean | null | undefined | SafeHtml | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let index = 0; index < values.length; index++) out += render(values[index]) + (strings[index + 1] ?? '');
  return new SafeHtml(CONSTRUCTION, out);
}

export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}

/** Several fragments as one, with an optional separator (itself escaped). */
export function joinHtml(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(CONSTRUCTION, parts.map(render).join(escapeHtml(separator)));
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}
