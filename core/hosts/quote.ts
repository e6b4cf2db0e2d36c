/**
 * A guest-supplied value as it may appear in an error message the guest sees: JSON-escaped (so it cannot
 * forge lines or control characters) and cut short. Non-strings are named by type, never stringified.
 */
export function quote(value: unknown, maxLength = 100): string {
  if (typeof value !== 'string') return `(${value === null ? 'null' : typeof value})`;
  return JSON.stringify(value.length > maxLength ? `${value.slice(0, maxLength)}…` : value);
}
