// The characters a reader cannot see, or that make a terminal or an editor show something other than what
// is there: every control character (C0, DEL, C1), every format character (zero-width spaces and joiners,
// the soft hyphen, bidi marks, embeddings, overrides and isolates, the BOM, tag characters), line and
// paragraph separators, and the default-ignorable letters that render as nothing (Hangul fillers,
// variation selectors, the combining grapheme joiner). One list, used to escape output (visible-text.ts)
// and to refuse identities (actor names, usernames, emails) that would look like someone else's.

const INVISIBLE_CLASS =
  '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u3164\\ufe00-\\ufe0f\\uffa0\\u{e0100}-\\u{e01ef}';

/** Matches one invisible character (global: use with replace, or reset lastIndex). */
export const INVISIBLE_CHARACTERS = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

export interface InvisibleCharacter {
  /** Index in UTF-16 code units, as String.prototype.indexOf counts. */
  index: number;
  /** 1-based position counted in characters (code points), as a person counts. */
  position: number;
  /** The code point as U+XXXX. */
  codePoint: string;
}

/** Joiners and variation selectors: invisible, but part of how Persian, Indic scripts and emoji are
 *  written, so free text (a display name) may hold them where an identifier may not. */
const SCRIPT_JOINERS = /^[\u200c\u200d\ufe00-\ufe0f]$/u;

/** The first invisible character in `text` (with `allowJoiners`, other than a joiner), or undefined. */
export function findInvisibleCharacter(text: string, { allowJoiners = false } = {}): InvisibleCharacter | undefined {
  for (const match of text.matchAll(INVISIBLE_CHARACTERS)) {
    const character = match[0];
    if (allowJoiners && SCRIPT_JOINERS.test(character)) continue;
    return { index: match.index, position: [...text.slice(0, match.index)].length + 1, codePoint: codePointLabel(character) };
  }
  return undefined;
}

/** "U+202E" for a character. */
export function codePointLabel(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
