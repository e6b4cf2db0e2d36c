// What a text field of a directory user may hold. The directory is an identity store that is exported
// again (to spreadsheets, tickets, other systems), so a cell is refused, with its record and column, when:
// - it starts like a spreadsheet formula (=, +, -, @, a tab or a carriage return): opened in Excel or
//   Sheets it would run (CSV injection). Refusing beats neutralising (prefixing a quote): an identity
//   store must hold the value the HR system holds, not a rewritten one, and a leading "=" in a username
//   is a mistake or an attack, never a name;
// - an identifier (id, username, email, employee id, group) holds any invisible character: "j\u200bsmith"
//   would be a second jsmith that looks like the first;
// - free text (display name, department) holds a control or bidi character; joiners (ZWJ, ZWNJ) and
//   variation selectors stay allowed, since Persian, Indic scripts and emoji need them.

import type * as z from 'zod';
import { findInvisibleCharacter } from '../text/index.ts';

const FORMULA_PREFIXES: Record<string, string> = { '=': '"="', '+': '"+"', '-': '"-"', '@': '"@"', '\t': 'a tab', '\r': 'a carriage return' };

export type TextFieldKind = 'identifier' | 'free-text';

/** Why `value` may not be stored in a field of this kind, or undefined when it may. */
export function textFieldProblem(value: string, kind: TextFieldKind): string | undefined {
  const prefix = FORMULA_PREFIXES[value.charAt(0)];
  if (prefix !== undefined) {
    return `starts with ${prefix}, which a spreadsheet would run as a formula; remove the leading character`;
  }
  const invisible = findInvisibleCharacter(value, { allowJoiners: kind === 'free-text' });
  if (invisible !== undefined) {
    const what = kind === 'identifier' ? 'an invisible or control character' : 'a control or bidi character';
    return `contains ${what} (${invisible.codePoint}) at position ${invisible.position}`;
  }
  return undefined;
}

/** A zod check for a string field of this kind. */
export function textFieldCheck(kind: TextFieldKind) {
  return (value: string, context: z.RefinementCtx) => {
    const problem = textFieldProblem(value, kind);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  };
}
