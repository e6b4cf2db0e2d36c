// How admins name the ServiceNow instance ("acme.service-now.com", "instance acme"), the table
// ("incident", "catalog task", "u_equipment"), fixed fields ("priority 3", "category Hardware"), the words of
// ticket clauses, and the requests the template cannot honour.

import { state, type Recognition, type Rule } from '../../recognizer.ts';
import type { TicketReading } from './ticket-action.ts';
import { API_DESCRIPTION_VOCABULARY, returnShapeRule, secretNamesRule, URL_PATTERN } from '../../grammar/shared-rules.ts';

const NOT_A_NAME = /^(?:is|in|of|the|to|for|with|and|or|on|as|be|at|name|called|named|api|www|our|url|host|https?)$/i;
const negated = (match: RegExpExecArray) => /\b(?:never|not|don'?t|do not|no|without|nor|instead of|rather than)\b/i.test(match.input.slice(0, match.index));
const refuse = (what: string): Rule<TicketReading>['apply'] => (match, recognition) => {
  if (!negated(match)) recognition.problems.push(`${what} ("${match.input}"): the offline ticket template opens one ServiceNow record with fixed fields, a hardware profile by department and an assignment group by location`);
};

function stateInstance(recognition: Recognition<TicketReading>, said: string): void {
  const host = said.toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (NOT_A_NAME.test(host)) return;
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(host)) {
    recognition.problems.push(`"${said}" is not a ServiceNow instance host such as acme.service-now.com`);
    return;
  }
  state(recognition, 'instanceHost', host.includes('.') ? host : `${host}.service-now.com`);
}

export const INSTANCE_RULES: Rule<TicketReading>[] = [
  { pattern: /\b(?:https?:\/\/)?([a-z0-9][a-z0-9-]*)\.service-?now\.com\b/i, apply: (match, recognition) => stateInstance(recognition, `${match[1]}.service-now.com`) },
  { pattern: /\binstance(?:\s+(?:is|=|:|called|named|url|host|name))*\s*["'`“]?((?:https?:\/\/)?[a-z0-9][a-z0-9.-]*[a-z0-9])["'`”]?/i, apply: (match, recognition) => stateInstance(recognition, match[1]!) },
  { pattern: /(?:(?<=\b(?:servicenow|service-now|snow|instance)\b.*)|(?=.*\b(?:servicenow|service-now|instance)\b))(?<![@\w.-])(?:https?:\/\/)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co\.uk|de))\b/i, apply: (match, recognition) => stateInstance(recognition, match[1]!) },
];

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

export const TABLE_RULES: Rule<TicketReading>[] = [
  { pattern: /\bincidents?\b/i, apply: (match, recognition) => { if (!negated(match)) state(recognition, 'table', 'incident'); } },
  { pattern: /\bsc_task\b|\bcatalog(?:ue)? tasks?\b|\bsc ?tasks?\b/i, apply: (match, recognition) => { if (!negated(match)) state(recognition, 'table', 'sc_task'); } },
  { pattern: /\bsc_req_item\b|\brequested items?\b|\bRITMs?\b/i, apply: (match, recognition) => { if (!negated(match)) state(recognition, 'table', 'sc_req_item'); } },
  { pattern: /\bsc_request\b/i, apply: (match, recognition) => { if (!negated(match)) state(recognition, 'table', 'sc_request'); } },
  { pattern: /\b((?:u|x)_[a-z0-9_]+)\b/, apply: (match, recognition) => state(recognition, 'table', match[1]) },
  {
    pattern: /\btable(?:\s+(?:is|=|:|called|named))*\s*["'`“]?([A-Za-z][A-Za-z0-9_]*)["'`”]?/i,
    apply: (match, recognition) => {
      if (NOT_A_NAME.test(match[1]!) || /^api$/i.test(match[1]!)) return;
      if (TABLE_NAME.test(match[1]!)) state(recognition, 'table', match[1]);
      else recognition.problems.push(`"${match[1]}" is not a ServiceNow table name (lower case, digits and underscores)`);
    },
  },
  { pattern: /\border(?:ing)?\s+(?:the\s+|a\s+)?(?:catalog(?:ue)?|service catalog(?:ue)?)\s+item\b|\border_now\b|\bservice catalog(?:ue)? api\b|\bREQ\s*(?:→|->)\s*RITM\b/i, apply: refuse('ordering a Service Catalog item') },
];

const CHOICE_RANGES: Record<string, number> = { priority: 5, urgency: 3, impact: 3 };
const FIELD_WORDS = String.raw`priority|urgency|impact|category|subcategory|contact[ _]type|business[ _]service|state`;

function stateField(recognition: Recognition<TicketReading>, said: string, value: string): void {
  const name = said.toLowerCase().replace(/\s+/g, '_');
  const limit = CHOICE_RANGES[name];
  if (limit && /^\d+$/.test(value) && (Number(value) < 1 || Number(value) > limit)) {
    recognition.problems.push(`${name} ${value} is not a ServiceNow ${name}: it runs from 1 to ${limit}`);
    return;
  }
  if (!recognition.stated.has('extraFields')) recognition.params.extraFields = {};
  recognition.stated.add('extraFields');
  (recognition.params.extraFields as Record<string, string>)[name] = value;
}

export const EXTRA_FIELD_RULES: Rule<TicketReading>[] = [
  {
    pattern: new RegExp(String.raw`\b(${FIELD_WORDS})\s*(?:to|=|:|is|of|as|should be)?\s*(?:"([^"]+)"|'([^']+)'|“([^”]+)”|(\d+)\b|([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*))`, 'i'),
    apply: (match, recognition) => stateField(recognition, match[1]!, match.slice(2, 7).find((group) => group !== undefined)!.trim()),
  },
  { pattern: /\b(?:as|at|is|with)\s+(?:an?\s+)?P([0-9])\b|\bP([0-9])\s+(?:priority|ticket|incident|task)\b/, apply: (match, recognition) => stateField(recognition, 'priority', (match[1] ?? match[2])!) },
];

export const UNSUPPORTED_RULES: Rule<TicketReading>[] = [
  { pattern: /\b(?:jira|jsm|freshservice|fresh ?desk|zendesk|halo ?itsm|topdesk|ivanti|cherwell|manage ?engine|servicedesk plus|github issues?)\b/i, apply: refuse('a ticket system other than ServiceNow') },
  { pattern: /\b(?:cost cent(?:er|re)|(?:phone|mobile|cell) numbers?|personal e-?mail|home address|shirt|software|licen[cs]es?|due date|needed by|deadline|requested[ _]for|caller|approv\w*|attachments?|watch ?list|work notes|comments?|shipping address|delivery address)\b/i, apply: refuse('a ticket field the template does not fill') },
  { pattern: /(?<!\b(?:manager|boss)(?:'s|’s|s')?\s+)\b(?:notify|notif\w+|slack|teams|e-?mail(?!\s+address)|ping|alert)\b/i, apply: refuse('notifications') },
  { pattern: /\b(?:titled|subject(?: line)?|with (?:the )?(?:title|subject))\s*[:=]?\s*["'“]/i, apply: refuse('a custom ticket text') },
  { pattern: /\b(?:basic auth\w*|username and password|user ?name\/password)\b/i, apply: refuse('basic authentication (the template uses an OAuth bearer token, secret SERVICENOW_TOKEN)') },
  { pattern: /\b\d+\s*(?:days?|weeks?|hours?|business days?|working days?)\s+(?:before|prior|ahead|after|in advance)\b|\b(?:schedul\w*|delay\w*|wait(?:s|ing)?|due)\b/i, apply: refuse('timing the ticket (it is opened when the joiner event arrives)') },
  { pattern: /\bmanual(?:ly)?\b|\bon[- ]demand\b|\bon (?:leave|exit|departure|move)\b|\b(?:leavers?|movers?)\b/i, apply: refuse('a trigger other than the joiner event') },
];

/** The template's own short description, "New starter equipment: <name>, starts <date>"; any other text is a problem. */
const SHORT_DESCRIPTION = /\bshort[_ ]description\b\s*(?:should\s+(?:look\s+like|be|say|read)|:|=|is|of)?\s*(["“][^"”]*["”])?/i;
const TEMPLATE_SHORT_DESCRIPTION = /^["“]new starter equipment:/i;
const QUERY_PARAMETERS = new Set(['sysparm_input_display_value=true', 'sysparm_fields=number,sys_id', 'sysparm_fields=number', 'sysparm_fields=sys_id,number']);

export const TECHNICAL_RULES: Rule<TicketReading>[] = [
  {
    pattern: URL_PATTERN,
    apply: (match, recognition) => {
      const url = match[0].replace(/[.:]+$/, '');
      const instance = /^https?:\/\/([a-z0-9-]+\.service-?now\.com)\/?$/i.exec(url);
      if (instance) return stateInstance(recognition, instance[1]!);
      const parsed = /^https:\/\/([a-z0-9.-]+)\/api\/now\/table\/([a-z0-9_]+)\/?(?:\?(.*))?$/i.exec(url);
      const unknown = parsed?.[3]?.split('&').filter((parameter) => !QUERY_PARAMETERS.has(parameter)) ?? [];
      if (!parsed || unknown.length > 0) {
        recognition.problems.push(`the function calls only the Table API as POST https://{instance}/api/now/table/{table}?sysparm_input_display_value=true&sysparm_fields=number,sys_id, not ${url}`);
        return;
      }
      stateInstance(recognition, parsed[1]!);
      state(recognition, 'table', parsed[2]!.toLowerCase());
    },
  },
  {
    pattern: SHORT_DESCRIPTION,
    apply: (match, recognition) => {
      if (match[1] && !TEMPLATE_SHORT_DESCRIPTION.test(match[1])) recognition.problems.push(`a custom short description (${match[1]}) is not supported: the template writes "New starter equipment: <name>, starts <start date>"`);
    },
  },
  secretNamesRule(['SERVICENOW_TOKEN']),
  returnShapeRule({ ticket: null, sysId: null, assignmentGroup: null, hardwareProfile: null }),
];

const SPECIFIC = String.raw`ser?v?i?ce-?\s?now|\bsnow\b|\bti[ck]+ets?\b|\bsc_task\b|\bincidents?\b|catalog(?:ue)? task|\britm\b|\bequipment\b|\bhardware\b|\blaptops?\b|\bmac ?books?\b|\bthink ?pads?\b|assignment group|\bqueues?\b|\bdesks?\b|\binstance\b|\btable\b`;
const GENERIC = String.raw`creat\w*|open\w*|rais\w*|fil(?:e|es|ed|ing)|log|logs|logged|submit\w*|mak\w*|order\w*|request\w*|provision\w*|new|joiners?|hires?|starters?|employees?|includ\w*|contain\w*|list\w*|with|name|names|start|date|location|locations|title|role|job|department|departments|dept|manager|employment|type|id|profiles?|based|depend\w*|depending|by|per|assign\w*|group|groups|team|teams|it|fields?|set|values?|display|tokens?|bearer|oauth|fail\w*|errors?|status|returns?|number|sys_id|everyone|else|default|routed|route|ready|day|first|go|goes|arrive\w*|prepar\w*|ship\w*|need\w*|gets?|setup|set up|kit|onboard\w*|the|office|site|city|country`;

/** A rule, first in the family: generic words count only beside a ticket word ("Also create their mailbox" stays unhandled). */
export const GENERIC_WORDS_RULE: Rule = { pattern: new RegExp(String.raw`(?:(?<=(?:${SPECIFIC}).*)|(?=.*(?:${SPECIFIC})))\b(?:${GENERIC})\b`, 'gi') };

/** The same words without the lookarounds, for a piece of a clause that is about a ticket as a whole. */
export const GENERIC_WORDS = new RegExp(String.raw`\b(?:${GENERIC})\b`, 'gi');
export const ABOUT_TICKETS = new RegExp(SPECIFIC, 'i');

export const TICKET_VOCABULARY: RegExp[] = [
  ...API_DESCRIPTION_VOCABULARY,
  /["“]new starter equipment:[^"”]*["”]|\bshort[_ ]description\b|\bdescription\b|\bassignment[_ ]group\b|\bcorrelation[_ ]id\b(?:\s*(?:=|:|is|to)?\s*(?:the\s+)?event(?:'s)?\s*id)?|\bsys_?id\b|\bresult\b|\bevent(?:'s)?\s+ids?\b|\bduplicates?\b|\bfound\b|\bfind\b|\bpreferred(?: first)? name\b|\bif set\b|\bput\b|\bpeople\b|\bfolks\b|\banswer\w*\b|\bexpect\w*\b/gi,
  new RegExp(SPECIFIC, 'gi'),
  /\b(?:by|for (?:their|the|each)|per|based on|depend\w* on)\s+(?:the\s+|their\s+)?(?:location|office|site|city|country|department|dept|team)s?\b/gi,
  /\bservice ?now\b|\bitsm\b|\bservice desk\b|\bhelp ?desk\b|\bit (?:queue|team|desk|support)\b|\bhardware profiles?\b|\bdevices?\b|\bcomputers?\b|\bmonitors?\b|\bemployee ?id\b|\bstart ?date\b|\bjob title\b|\bemployment type\b|\bemployeeId\b|\bstartDate\b|\bmanagerEmail\b|\bcorrelation[ _]id\b/gi,
];
