// Who a sentence is about: "everyone", "Engineering", "people in Berlin", "managers", "contractors",
// "anyone whose title contains Lead", "cost centre 4100", "everyone else", or an AND of these
// ("Engineering managers in Berlin"). Every word must be accounted for, or the subject is not read.

import { leftoverWords } from '../../clauses.ts';
import { REGARDLESS } from './groups-items.ts';
import { setTitle, TITLE_PIECES, type Piece } from './groups-titles.ts';

import type { MappingCondition } from '../../kinds/mapping/mapping-rule.ts';
export { wholeWords } from './groups-titles.ts';
import { CITIES, closest, DEPARTMENT_PEOPLE, DEPARTMENTS, LOWER_CASE_NAMES, ROLES, type Role } from './groups-words.ts';

/** The template's condition, which is the mapping kind's: every named field must match (AND); a list matches any of its values. */
export type Condition = MappingCondition;

export interface Subject {
  kind: 'everyone' | 'else' | 'condition';
  condition: Condition;
  /** A title that matches titlePattern, and one that nearly does, for fixtures. */
  titles?: { matching: string; nearMiss: string };
  /** How a word was read, for the spec's assumptions ("managers" is a job title). */
  readings?: string[];
}

const SUBJECT_FILLER = [
  /\b(?:everyone|everybody|anyone|anybody|someone|somebody|people|persons?|folks|staff|members?|joiners?|hires?|starters?|users?|employees|personnel|workers|colleagues|who|whose|that|those|them|they|are|is|in|at|the|a|an|all|any|every|each|new|of|with|from|working|works|work|based|located|sitting|joining|join|joins|department|dept|team|org|division|group|office|site|location|only|also|too|just|whoever|whom|belongs?|belonging|to|title|role|job|their|has|have)\b/gi,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const known = (list: string[], name: string) => closest(list, name);
const NAMES = String.raw`[\p{Lu}\d][\p{L}\d&'.-]*(?:\s+(?:&\s+)?[\p{Lu}\d][\p{L}\d&'.-]*)*`;


function add(condition: Condition, field: 'department' | 'location' | 'costCenter' | 'employmentType', value: string): void {
  const current = condition[field];
  const values = current === undefined ? [] : Array.isArray(current) ? current : [current];
  if (!values.some((existing) => existing.toLowerCase() === value.toLowerCase())) values.push(value);
  condition[field] = values.length === 1 ? values[0]! : values;
}

/** A name standing alone: a known city is a location, anything else a department. After "in" or
 *  "based in", an unknown name is a location instead. */
function addPlace(condition: Condition, name: string, { after = false } = {}): void {
  const department = known(DEPARTMENTS, name);
  const city = known(CITIES, name);
  if (department) add(condition, 'department', department);
  else if (city || after) add(condition, 'location', city ?? name.trim());
  else add(condition, 'department', name.trim());
}


const roleTitles = (role: Role) => ({ matching: role.sample, nearMiss: role.nearMiss });

const PIECES: Piece[] = [
  { pattern: /\bcost[- ]?cent(?:er|re)s?\s*(?:code\s*)?(?:is\s*|=\s*|of\s*|:\s*)?["'“]?([\w-]+)["'”]?(?:\s*\([^()]*\))?|\bcc\s*[#:]?\s*(\d[\w-]*)(?:\s*\([^()]*\))?/giu, take: (match, into) => add(into.condition, 'costCenter', match[1] ?? match[2]!) },
  ...TITLE_PIECES,
  {
    pattern: /\b(?:job\s+)?(?:titles?|roles?)\s+(?:that\s+)?(?:contains?|containing|includes?|including|with|has|having|mentions?|mentioning|matching|matches)\s+(?:the\s+word\s+)?["'“‘]?([\p{L}\d][\p{L}\d &-]*?)["'”’]?(?=\s*$|\s+(?:in|at|and|or|get|gets)\b|\s*[,;])|\bwith\s+["'“‘]?([\p{L}\d][\p{L}\d &-]*?)["'”’]?\s+in\s+(?:their|the|his|her)\s+(?:job\s+)?title\b/giu,
    take: (match, into) => {
      const words = (match[1] ?? match[2]!).trim().split(/\s*(?:,|\bor\b|\/)\s*/).filter(Boolean);
      setTitle(into, words.map(escape).join('|'), { matching: `Senior ${words[0]}`, nearMiss: 'Associate' });
    },
  },
  {
    pattern: /\bwith\s+(?:the|a)\s+(?:job\s+)?title\s+(?:of\s+)?["'“‘]([^"'”’]+)["'”’]/giu,
    take: (match, into) => setTitle(into, `^${escape(match[1]!.trim())}$`, { matching: match[1]!.trim(), nearMiss: `Senior ${match[1]!.trim()}` }),
  },
  {
    pattern: /\b(?:job\s+)?title\s+(?:is|=|equals?|of)\s+["'“‘]?([\p{L}\d][\p{L}\d &-]*?)["'”’]?$/giu,
    take: (match, into) => setTitle(into, `^${escape(match[1]!.trim())}$`, { matching: match[1]!.trim(), nearMiss: `Senior ${match[1]!.trim()}` }),
  },
  { pattern: /\b(?:contractors?|externals?|freelancers?|contingent workers?)\b/gi, take: (_match, into) => add(into.condition, 'employmentType', 'contractor') },
  { pattern: /\b(?:interns?|internships?|students?|working students?|trainees?|apprentices?)\b/gi, take: (_match, into) => add(into.condition, 'employmentType', 'intern') },
  { pattern: /\b(?:(?:full[- ]time|permanent|regular|salaried|direct|internal)\s+(?:employees|staff|hires)|ftes?|employees only)\b|^\s*employees\s*$/gi, take: (_match, into) => add(into.condition, 'employmentType', 'employee') },
  { pattern: /\bremote(?:ly)?\b(?:\s+(?:workers|employees|staff|people|folks))?|\bwork(?:s|ing)? from home\b|\bwfh\b|\bhome[- ]based\b/gi, take: (_match, into) => add(into.condition, 'location', 'Remote') },
  {
    pattern: new RegExp(String.raw`\blocation\s*(?:is|=|:|of)?\s*["'“]?(${NAMES})["'”]?|\b(?:in|at|from|based in|located in|working (?:in|from|out of)|sitting in|out of)\s+(?:the\s+)?(${NAMES})(?:\s+(office|site|hub|location|department|dept|team))?|\b(${NAMES})(?:[- ](?:offices?|based|sites?|hubs?))\b`, 'gu'),
    take: (match, into) => {
      const name = match[1] ?? match[2] ?? match[4]!;
      if (match[2] && /^(?:department|dept|team)$/i.test(match[3] ?? '')) add(into.condition, 'department', known(DEPARTMENTS, name) ?? name);
      else if (match[1] || match[4] || (match[3] && !known(DEPARTMENTS, name))) add(into.condition, 'location', known(CITIES, name) ?? name);
      else addPlace(into.condition, name, { after: true });
    },
  },
  { pattern: /\b(?:department|dept\.?|team)\s*(?:is|=|:|of)\s*["'“]?([\p{Lu}\d][\p{L}\d&' -]*?)["'”]?$/giu, take: (match, into) => add(into.condition, 'department', known(DEPARTMENTS, match[1]!) ?? match[1]!.trim()) },
  ...ROLES.map((role): Piece => ({
    pattern: new RegExp(String.raw`\b(?:${role.words})\b`, 'gi'),
    take: (match, into) => { setTitle(into, role.pattern, roleTitles(role)); (into.readings ??= []).push(`"${match[0]}" is read as a job title matching /${role.pattern}/i`); },
  })),
  ...DEPARTMENT_PEOPLE.map((people): Piece => ({
    pattern: new RegExp(String.raw`\b(?:${people.words})\b`, 'gi'),
    take: (match, into) => { add(into.condition, 'department', people.department); (into.readings ??= []).push(`"${match[0]}" is read as the ${people.department} department`); },
  })),
  {
    // "sales gets Salesforce": a well-known department or place written in lower case ("it" only in capitals).
    pattern: new RegExp(String.raw`(?<![\p{L}-])(${[...LOWER_CASE_NAMES].filter((name) => name !== 'it').sort((left, right) => right.length - left.length).join('|')})(?![\p{L}-])`, 'gu'),
    take: (match, into) => addPlace(into.condition, match[1]!),
  },
  // A name that looks like a group or an app ("GitHub-Users", "DE-Office", "GitHub") is not a subject.
  { pattern: new RegExp(String.raw`(?<![\p{L}-])(?![\p{L}\d&'.]*(?:\p{Ll}\p{Lu}|-\p{Lu}|_))(${NAMES})(?![\p{L}-])`, 'gu'), take: (match, into) => addPlace(into.condition, match[1]!) },
];

export const EVERYONE = /^(?:everyone|everybody|all|all of them|every(?:one)?|each|anyone|anybody|company[- ]wide|the whole company|by default|baseline|default|all staff|all employees|all users|all joiners|all new (?:hires|joiners|starters)|every (?:joiner|employee|user|new hire|new joiner|starter|person)|each (?:joiner|employee|new hire)|(?:all )?people|staff|users|joiners|new (?:hires|joiners|starters))$/i;
const ELSE = /^(?:everyone|everybody|all|anyone|anybody)\s+else$|^(?:the\s+)?rest(?:\s+of\s+(?:the\s+)?(?:staff|company|people|employees))?$|^(?:all\s+)?others?$|^(?:all\s+)?other\s+(?:departments|people|staff|employees|teams)$|^otherwise$/i;

const CAPITALISED_FILLER = /(?<![\w-])(?:The|All|Every|Each|Any|Anyone|Anybody|Everyone|Everybody|People|Staff|Those|New|Our|Members|Folks|Only|If|When|For|And|Also|Employees|Joiners|Users|Someone|Whoever|Their|In|At|From|With|Based|Located|Working|Sitting|Anyone)(?![\w-])/g;

const TYPO_WORDS = ['everyone', 'everybody', 'anyone', 'people', 'employees', 'contractors', 'contractor', 'interns', 'managers', 'directors', 'department', 'location', 'office', 'whose', 'title', 'contains'];

/** Words one slip away from the words subjects are made of ("evryone", "poeple") are read as those words. */
function fixTypos(text: string): string {
  const known = [...TYPO_WORDS, ...[...LOWER_CASE_NAMES].filter((name) => /^[a-z]{6,}$/.test(name))];
  return text.replace(/(?<!\p{L})\p{Ll}{5,}(?!\p{L})/gu, (word) => (known.includes(word) ? word : closest(known, word) ?? word));
}

/** The condition a subject names, or why it could not be read. */
export function parseSubject(text: string): Subject | { error: string } {
  const connected = fixTypos(text).replace(REGARDLESS, ' ').replace(/\s+(?:also|too|as well)\s*$/i, '').replace(/^\s*(?:(?:and|or|but|also|then|while|whereas|plus|for|if|when|where|only)\b\s*)+/i, '').replace(/[,:;.]+$/, '').trim();
  if (ELSE.test(connected)) return { kind: 'else', condition: {} };
  if (EVERYONE.test(connected) || /^(?:all|every|each)\s+(?:new\s+)?(?:staff|employees?|users?|joiners?|hires?|starters?|people|persons?)$/i.test(connected)) return { kind: 'everyone', condition: {} };
  const cleaned = connected.replace(/^(?:any|all)\s+/i, '');
  const into: Subject = { kind: 'condition', condition: {} };
  let rest = ` ${cleaned} `.replace(CAPITALISED_FILLER, (word) => word.toLowerCase());
  for (const piece of PIECES) {
    rest = rest.replace(piece.pattern, (...args) => {
      piece.take(args as unknown as RegExpExecArray, into);
      return ' ';
    });
  }
  const left = leftoverWords(rest, SUBJECT_FILLER);
  if (left.length > 0) return { error: `could not tell who "${text.trim()}" means (${left.map((word) => `"${word}"`).join(', ')})` };
  if (Object.keys(into.condition).length === 0) return { error: `"${text.trim()}" names no department, location, title or employment type` };
  return into;
}
