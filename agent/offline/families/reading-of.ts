// Shared by the families whose phrases write their template's parameters next to the rule's own fields
// (groups, apps, approvals, mover-groups, email).

/** The reading's own parameters: the defaults' keys, from what the phrases wrote next to the rule. */
export function readingOf<T extends object>(read: Record<string, unknown>, defaults: T): T {
  return Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, key in read ? read[key] : value])) as T;
}
