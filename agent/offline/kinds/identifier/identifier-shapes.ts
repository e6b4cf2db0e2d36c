// Identifier shapes beyond a pattern of whole names and initials: first N letters of a name part, letters
// only, own transliterations, fallbacks for empty name parts, logins from the employee id, taken → error,
// rehires by employee id.

import type { Rule } from '../../recognizer.ts';

export const IDENTIFIER_SHAPE_RULES: Rule[] = [];
