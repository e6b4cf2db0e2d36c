// Lists written as code read as lists: `["All-Staff", "Okta-MFA"]` is "All-Staff, Okta-MFA". Admins paste
// group and app lists from JSON; the families read plain comma lists. Positions shift, so this runs on
// the text before it is cut into clauses.

const JSON_STRING_ARRAY = /\[\s*("[^"\n]{1,60}"(?:\s*,\s*"[^"\n]{1,60}")*)\s*\]/g;

export function normaliseLists(text: string): string {
  return text.replace(JSON_STRING_ARRAY, (_array, items: string) => [...items.matchAll(/"([^"\n]{1,60})"/g)].map((match) => match[1]).join(', '));
}
