// Who a sentence is about: "everyone", "Engineering", "people in Berlin", "managers", "contractors",
// "anyone whose title contains Lead", "cost centre 4100", "everyone else", or an AND of these
// ("Engineering managers in Berlin"). Every word must be accounted for, or the subject is not read.

import { leftoverWords } from '../clauses.ts';
import { CITIES, DEPARTMENTS, ROLES, type Role } from './groups-words.ts';

/** The template's condition: every named field must match (AND); a list matches any of its values. */
export interface Condition {
  department?: string | string[];
  location?: string | string[];
  costCenter?: string | string[];
  employmentType?: string | string[];
  titlePattern?: string;
  /** Holds when this condition does not: "everyone else". */
  unless?: Condition;
}

export interface Subject {
  kind: 'everyone' | 'else' | 'condition';
  condition: Condition;
  /** A title that matches titlePattern, and one that nearly does, for fixtures. */
  titles?: { matching: string; nearMiss: string };
}

const SUBJECT_FILLER = [
  /\b(?:everyone|everybody|anyone|anybody|someone|somebody|people|persons?|folks|staff|members?|joiners?|hires?|starters?|users?|employees|personnel|workers|colleagues|who|whose|that|those|them|they|are|is|in|at|the|a|an|all|any|every|each|new|of|with|from|working|works|work|based|located|sitting|joining|join|joins|department|dept|team|org|division|group|office|site|location|only|also|too|just|whoever|whom|belongs?|belonging|to|title|role|job|their|has|have)\b/gi,
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const known = (list: string[], name: string) => list.find((entry) => entry.toLowerCase() === name.trim().toLowerCase());
const NAMES = String.raw`[\p{Lu}\d][\p{L}\d&'.-]*(?:\s+(?:&\s+)?[\p{Lu}\d][\p{L}\d&'.-]*)*`;

interface Piece { pattern: RegExp; take(match: RegExpExecArray, into: Subject): void }

function add(condition: Condition, field: 'department' | 'location' | 'costCenter' | 'employmentType', value: string): void {
  const current = condition[field];
  const values = current === undefined ? [] : Array.isArray(current) ? current : [current];
  if (!values.some((existing) => existing.toLowerCase() === value.toLowerCase())) values.push(value);
  condition[field] = values.length === 1 ? values[0]! : values;
}

function addPlace(condition: Condition, name: string): void {
  const department = known(DEPARTMENTS, name);
  if (department) add(condition, 'department', department);
  else add(condition, 'location', known(CITIES, name) ?? name.trim());
}

function setTitle(into: Subject, pattern: string, titles: { matching: string; nearMiss: string }): void {
  into.condition.titlePattern = into.condition.titlePattern ? `${into.condition.titlePattern}|${pattern}` : pattern;
  into.titles ??= titles;
}

const roleTitles = (role: Role) => ({ matching: role.sample, nearMiss: role.nearMiss });

const PIECES: Piece[] = [
  { pattern: /\bcost[- ]?cent(?:er|re)s?\s*(?:code\s*)?(?:is\s*|=\s*|of\s*|:\s*)?["'“]?([\w-]+)["'”]?|\bcc\s*[#:]?\s*(\d[\w-]*)/giu, take: (match, into) => add(into.condition, 'costCenter', match[1] ?? match[2]!) },
  {
    pattern: /\b(?:job\s+)?(?:titles?|roles?)\s+(?:that\s+)?(?:contains?|containing|includes?|including|with|has|having|mentions?|mentioning|matching|matches)\s+(?:the\s+word\s+)?["'“‘]?([\p{L}\d][\p{L}\d &-]*?)["'”’]?(?=$|\s+(?:in|at|and|or|get|gets)\b|[,;])|\bwith\s+["'“‘]?([\p{L}\d][\p{L}\d &-]*?)["'”’]?\s+in\s+(?:their|the|his|her)\s+(?:job\s+)?title\b/giu,
    take: (match, into) => { const word = (match[1] ?? match[2]!).trim(); setTitle(into, escape(word), { matching: `Senior ${word}`, nearMiss: 'Associate' }); },
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
    pattern: new RegExp(String.raw`\blocation\s*(?:is|=|:|of)?\s*["'“]?(${NAMES})["'”]?|\b(?:in|at|from|based in|located in|working (?:in|from|out of)|sitting in|out of)\s+(?:the\s+)?(${NAMES})(?:\s+(office|site|hub|location|department|dept|team))?|\b(${NAMES})(?:[- ](?:office|based|site|hub))\b`, 'gu'),
    take: (match, into) => {
      const name = match[1] ?? match[2] ?? match[4]!;
      if (match[2] && /^(?:department|dept|team)$/i.test(match[3] ?? '')) add(into.condition, 'department', known(DEPARTMENTS, name) ?? name);
      else if (match[1] || match[4] || (match[3] && !known(DEPARTMENTS, name))) add(into.condition, 'location', known(CITIES, name) ?? name);
      else addPlace(into.condition, name);
    },
  },
  { pattern: /\b(?:department|dept\.?|team)\s*(?:is|=|:|of)\s*["'“]?([\p{Lu}\d][\p{L}\d&' -]*?)["'”]?$/giu, take: (match, into) => add(into.condition, 'department', known(DEPARTMENTS, match[1]!) ?? match[1]!.trim()) },
  ...ROLES.map((role): Piece => ({ pattern: new RegExp(String.raw`\b(?:${role.words})\b`, 'gi'), take: (_match, into) => setTitle(into, role.pattern, roleTitles(role)) })),
  { pattern: new RegExp(String.raw`(?<![\p{L}-])(${NAMES})(?![\p{L}-])`, 'gu'), take: (match, into) => addPlace(into.condition, match[1]!) },
];

const EVERYONE = /^(?:everyone|everybody|all|all of them|every(?:one)?|each|anyone|anybody|company[- ]wide|the whole company|by default|baseline|default|all staff|all employees|all users|all joiners|all new (?:hires|joiners|starters)|every (?:joiner|employee|user|new hire|new joiner|starter|person)|each (?:joiner|employee|new hire)|(?:all )?people|staff|users|joiners|new (?:hires|joiners|starters))$/i;
const ELSE = /^(?:everyone|everybody|all|anyone|anybody)\s+else$|^(?:the\s+)?rest(?:\s+of\s+(?:the\s+)?(?:staff|company|people|employees))?$|^(?:all\s+)?others?$|^(?:all\s+)?other\s+(?:departments|people|staff|employees|teams)$|^otherwise$/i;

const CAPITALISED_FILLER = /\b(?:The|All|Every|Each|Any|Anyone|Anybody|Everyone|Everybody|People|Staff|Those|New|Our|Members|Folks|Only|If|When|For|And|Also|Employees|Joiners|Users|Someone|Whoever|Their|In|At|From|With|Based|Located|Working|Sitting|Anyone)\b/g;

/** The condition a subject names, or why it could not be read. */
export function parseSubject(text: string): Subject | { error: string } {
  const cleaned = text.replace(/^\s*(?:and|or|but|also|then|while|whereas|plus|for|if|when|where|only|any|all)\b\s*/i, '').replace(/[,:;.]+$/, '').trim();
  if (ELSE.test(cleaned)) return { kind: 'else', condition: {} };
  if (EVERYONE.test(cleaned) || /^(?:all|every|each)\s+(?:new\s+)?(?:staff|employees?|users?|joiners?|hires?|starters?|people|persons?)$/i.test(cleaned)) return { kind: 'everyone', condition: {} };
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
