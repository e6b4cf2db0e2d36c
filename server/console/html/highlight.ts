// Syntax highlighting for TypeScript source, server-side: a small regex tokenizer over one line at a
// time (a diff shows lines, not a whole file), each token wrapped by the html template, so the text is
// escaped like any other. Good enough to tell strings, comments, keywords and numbers apart; it does not
// parse (a template literal or block comment spanning lines is coloured line by line).

import { html, type SafeHtml } from './safe-html.ts';

const KEYWORDS = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'default', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for',
  'from', 'function', 'if', 'import', 'in', 'instanceof', 'interface', 'let', 'new', 'null', 'of', 'return', 'switch', 'this', 'throw', 'true', 'try',
  'type', 'typeof', 'undefined', 'var', 'void', 'while',
];
const BACKTICK = '`';
const TOKEN = new RegExp(
  [
    String.raw`(\/\/.*$|\/\*.*?(?:\*\/|$))`,
    String.raw`("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|${BACKTICK}(?:[^${BACKTICK}\\]|\\.)*${BACKTICK}?)`,
    String.raw`(\b\d[\d_]*(?:\.\d+)?\b)`,
    `(\\b(?:${KEYWORDS.join('|')})\\b)`,
  ].join('|'),
  'g',
);
const KINDS = ['comment', 'string', 'number', 'keyword'] as const;

export function highlightLine(line: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(html`${line.slice(last, index)}`);
    const group = match.slice(1).findIndex((value) => value !== undefined);
    parts.push(html`<span class="tok-${KINDS[group] ?? 'plain'}">${match[0]}</span>`);
    last = index + match[0].length;
  }
  if (last < line.length) parts.push(html`${line.slice(last)}`);
  return html`${parts}`;
}
