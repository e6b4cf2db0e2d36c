// Lists written as code read as lists: `["All-Staff", "Okta-MFA"]` is "All-Staff, Okta-MFA". Admins paste
// group and app lists from JSON; the families read plain comma lists. Positions shift, so this runs on
// the text before it is cut into clauses.

const JSON_STRING_ARRAY = /\[\s*("[^"\n]{1,60}"(?:\s*,\s*"[^"\n]{1,60}")*)\s*\]/g;

export function normaliseLists(text: string): string {
  return text.replace(JSON_STRING_ARRAY, (_array, items: string) => [...items.matchAll(/"([^"\n]{1,60})"/g)].map((match) => match[1]).join(', '));
}

const EMAIL = String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`;
const EVERYONE_ELSE = String.raw`(?:and\s+)?(?:every other department|everyone else|anyone else|all other departments)`;
const ENTRIES = String.raw`(?:[A-Z][\w&/ ]{0,40}?\s*→\s*${EMAIL}\s*,\s*)+${EVERYONE_ELSE}\s*→\s*${EMAIL}`;
const SHARED_FIRST_STEP = new RegExp(String.raw`\b(their manager) approves first,? then the (?:department|dept\.?) head\s*[—–:-]\s*(${ENTRIES})`, 'g');

/**
 * "their manager approves first, then the department head — Finance → cfo@x, IT → it@x, every other
 * department → ops@x" is one chain per department: "Finance → their manager, then cfo@x. IT → …".
 */
export function distributeFirstStep(text: string): string {
  return text.replace(SHARED_FIRST_STEP, (_whole, first: string, entries: string) =>
    entries
      .split(/\s*,\s*(?=(?:and\s+)?(?:[A-Z]|every other|everyone|anyone|all other))/)
      .map((entry) => entry.replace(/^and\s+/, '').replace(/\s*→\s*/, ` → ${first}, then `))
      .join('. '),
  );
}
