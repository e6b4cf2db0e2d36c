// What may be a table key in the ticket family: a department ("Engineering", "R&D", "engineers") or a
// location ("New York", "people in Berlin"), and what a value looks like (a device, a queue name).

import { editDistance } from '../../edit-distance.ts';

export const DEPARTMENTS = [
  'engineering', 'sales', 'marketing', 'design', 'finance', 'hr', 'human resources', 'legal', 'support', 'customer success',
  'customer support', 'product', 'operations', 'ops', 'it', 'security', 'data', 'research', 'r&d', 'admin', 'executive',
  'executives', 'procurement', 'facilities', 'accounting', 'people', 'recruiting', 'devops', 'qa', 'infrastructure',
];
export const LOCATIONS = [
  'london', 'berlin', 'paris', 'madrid', 'amsterdam', 'dublin', 'munich', 'zurich', 'stockholm', 'oslo', 'copenhagen',
  'warsaw', 'prague', 'vienna', 'lisbon', 'barcelona', 'milan', 'rome', 'new york', 'nyc', 'boston', 'chicago', 'austin',
  'denver', 'seattle', 'san francisco', 'sf', 'los angeles', 'toronto', 'vancouver', 'sydney', 'melbourne', 'tokyo',
  'singapore', 'bangalore', 'bengaluru', 'mumbai', 'remote', 'uk', 'us', 'usa', 'germany', 'france', 'emea', 'apac',
];
/** Role plurals admins use for departments; the ticket compares department names. */
const ROLE_PLURALS: Record<string, string> = {
  engineers: 'Engineering', developers: 'Engineering', designers: 'Design', marketers: 'Marketing', salespeople: 'Sales',
  'sales people': 'Sales', 'sales reps': 'Sales', accountants: 'Finance', recruiters: 'Recruiting', eng: 'Engineering', engg: 'Engineering',
};

const NOT_KEYS = /^(?:create|open|raise|file|assign|route|send|set|use|order|include|add|make|put|please|also|then|if|when|for|the|a|an|all|everyone|everybody|anyone|others?|rest|default|otherwise|else|servicenow|service-now|ticket|tickets|hardware|laptops?|equipment|devices?|profile|profiles|queue|group|groups|assignment|table|instance|priority|category|urgency|impact|they|it|we|our|each|every|any|i|you|note|notes|everything|other|fields?|body|json|auth|token|url|endpoint|post|return|returns|result|description|status|errors?|secrets?|headers?|example|steps?|step|when|where|what|who|why|how|trigger|output)$/i;
const KEY_PREFIX = /^(?:(?:and|or|but|also|then|for|in|at|from|to)\s+)?(?:(?:the|our|all|any|anyone|everyone|people|folks|staff|joiners?|new hires?|hires|employees|those|users|tickets?|new(?=\s+(?:joiners?|hires?|starters?|employees|people|staff)\b))\s+)*(?:(?:in|at|from|for|based in|working in|of)\s+)?(?:the\s+)?/i;
const KEY_SUFFIX = /(?:\s+(?:team|teams|department|dept|office|offices|site|people|folks|staff|joiners?|hires|employees|new hires|tickets?|based|location|org))+$/i;


const title = (name: string) => name.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());

/** "enginering" → "Engineering": a lower-case near miss of a known name of six letters or more. */
function nearName(words: string): string | undefined {
  const lower = words.toLowerCase();
  if (lower.length < 5) return undefined;
  const near = [...DEPARTMENTS, ...LOCATIONS].find((name) => name.length >= 6 && editDistance(lower, name) <= (name.length >= 9 ? 2 : 1));
  return near ? title(near) : undefined;
}

/** The clean key, or undefined when the words cannot be a department or location name. */
export function readKey(words: string): { key: string; role?: boolean; corrected?: string } | undefined {
  const cleaned = words.trim().replace(/^["'“‘]|["'”’]$/g, '').replace(KEY_PREFIX, '').replace(KEY_SUFFIX, '').replace(/-based$/i, '').trim();
  if (!cleaned) return undefined;
  const role = ROLE_PLURALS[cleaned.toLowerCase()];
  if (role) return { key: role, role: true };
  const parts = cleaned.split(/\s+/);
  if (parts.length > 3 || parts.some((part) => NOT_KEYS.test(part) && !/^[A-Z&]{2,}$/.test(part))) return undefined;
  // "IT", "HR", "US" are names only in capitals; "it" and "us" are pronouns.
  const known = (DEPARTMENTS.includes(cleaned.toLowerCase()) || LOCATIONS.includes(cleaned.toLowerCase())) && (cleaned.length > 3 || /^[A-Z&]+$/.test(cleaned));
  const named = parts.every((part) => /^[\p{Lu}\d][\p{L}\d&.'’-]*$/u.test(part) || /^(?:of|and|de|la|am|upon)$/.test(part));
  if (known) return { key: cleaned === cleaned.toLowerCase() ? title(cleaned) : cleaned };
  // A near miss of a known name is a typo ("Enginering"), capitalised or not.
  const near = nearName(cleaned);
  if (near) return { key: near, corrected: cleaned };
  return named ? { key: cleaned } : undefined;
}

export function isKnownLocation(key: string): boolean {
  return LOCATIONS.includes(key.toLowerCase());
}

export function isKnownDepartment(key: string): boolean {
  return DEPARTMENTS.includes(key.toLowerCase());
}

export const DEVICE_WORDS = /\b(?:mac ?books?|macs?|laptops?|notebooks?|think ?pads?|dell|lenovo|hp|surface|xps|latitude|chromebooks?|desktops?|workstations?|pcs?|imacs?|mac mini|monitors?|screens?|displays?|docks?|docking|headsets?|keyboards?|mice|mouse|iphones?|ipads?|phones?|tablets?|ram|gb|tb|ssd|inch|\d+["”]|kit|bundle|profile)\b/i;
export const QUEUE_WORDS = /\b(?:desks?|queues?|teams?|groups?|support|service|helpdesk|help desk|it|ops|operations|field services?|deskside)\b/i;

/** The value as written: quotes, articles and a trailing "group"/"queue" descriptor removed. */
export function readValue(text: string): string {
  let value = text.trim().replace(/[.!?]+$/, '').trim();
  const quoted = /^["'“‘`](.+)["'”’`]$/.exec(value);
  if (quoted) return quoted[1]!.trim();
  value = value.replace(/^(?:an?|the|their|our)\s+/i, '');
  const inner = /^["'“‘`](.+?)["'”’`](?:\s+(?:assignment\s+)?(?:group|queue))?$/.exec(value);
  if (inner) return inner[1]!.trim();
  return value.replace(/\s+(?:assignment\s+)?(?:group|queue)$/i, '').trim();
}
