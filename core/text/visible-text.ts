// Text shown to a person: every invisible character (see invisible-characters.ts) is written as an escape
// a reader can see, so a comment holding ESC [2K ESC [1A cannot erase the lines above it in a terminal,
// and a bidi override cannot show a reviewer a different program from the one that runs. Line breaks and
// tabs stay as they are (CRLF becomes LF; a lone CR, which returns the cursor, is escaped). Use it for
// every human-readable output: the CLI, chat, error messages, logs, and any later web page.

import { INVISIBLE_CHARACTERS } from './invisible-characters.ts';

const KEPT = new Set(['\n', '\t']);

/** `text` with each invisible character written as `\x1b` (below U+0100) or `\u202e` / `\u{e0001}`. */
export function visibleText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(INVISIBLE_CHARACTERS, (character) => (KEPT.has(character) ? character : escapeCharacter(character)));
}

/**
 * JSON text for scripts, with the same characters written as JSON `\uXXXX` escapes. JSON.stringify escapes
 * C0 controls but leaves DEL, C1 (U+009B is a CSI in many terminals), bidi and zero-width characters raw;
 * the escaped document parses to the same value.
 */
export function visibleJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, null, indent);
  if (text === undefined) return 'null';
  // Outside strings JSON.stringify writes only ASCII punctuation, spaces and line breaks, so every match
  // (the line breaks of the indentation are kept) is inside a string, where \uXXXX is always valid.
  return text.replace(INVISIBLE_CHARACTERS, (character) => (character === '\n' ? character : jsonEscape(character)));
}

function escapeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

function jsonEscape(character: string): string {
  let escaped = '';
  for (let index = 0; index < character.length; index++) escaped += `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}
