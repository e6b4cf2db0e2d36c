// Shared by the families whose phrases write their template's parameters next to the rule's own fields
// (groups, apps, approvals, mover-groups).

import { readingFields } from '../recognizer.ts';

/** The reading's own parameters: the defaults' keys, from what the phrases wrote next to the rule. */
export function readingOf<T extends object>(read: Partial<T>, defaults: T): T {
  return readingFields(read, defaults);
}
