// Equipment ticket for a joiner: a ServiceNow record (instance, table) with the hardware profile for the
// department and the IT queue (assignment group) for the location, each with an "everyone else" default.
// The phrases read the ticket's parameters; the rule is http-action's (ticket-action.ts), made from them
// when the function and fixtures are written, so the accounting sees only what the text stated.

import { readingFields, state, type FamilyRecognizer, type Recognition, type Rule } from '../../recognizer.ts';
import { httpActionFixtures } from '../../kinds/http-action/http-action-fixtures.ts';
import { httpActionSource } from '../../kinds/http-action/http-action-source.ts';
import { TICKET_DEFAULTS, TICKET_READING_DEFAULTS, ticketAction, type TicketReading } from './ticket-action.ts';
import { isKnownDepartment, isKnownLocation } from './ticket-keys.ts';
import { createMappingRule, type Entry } from './ticket-mappings.ts';
import { ABOUT_TICKETS, EXTRA_FIELD_RULES, GENERIC_WORDS, GENERIC_WORDS_RULE, INSTANCE_RULES, TABLE_RULES, TECHNICAL_RULES, TICKET_VOCABULARY, UNSUPPORTED_RULES } from './ticket-phrases.ts';
import { TECHNICAL_TOKENS_RULE } from '../../grammar/shared-rules.ts';

/** The params start as the rule's defaults; the phrases write the ticket's parameters next to them. */
const params = (recognition: Recognition<TicketReading>) => readingFields(recognition.params, TICKET_READING_DEFAULTS);
const TABLES = { hardware: 'hardwareProfilesByDepartment', queue: 'assignmentGroupsByLocation' } as const;
const DEFAULTS = { hardware: 'defaultHardwareProfile', queue: 'defaultAssignmentGroup' } as const;

/** The first stated entry replaces the template's example table; a key stated twice must agree. */
function setEntry(recognition: Recognition<TicketReading>, table: (typeof TABLES)[keyof typeof TABLES], key: string, value: string): void {
  if (!recognition.stated.has(table)) recognition.params[table] = {};
  recognition.stated.add(table);
  const entries = recognition.params[table] as Record<string, string>;
  const existing = Object.keys(entries).find((name) => name.toLowerCase() === key.toLowerCase());
  if (existing && entries[existing] !== value) recognition.problems.push(`${key} is given two values: "${entries[existing]}" and "${value}"`);
  else entries[existing ?? key] = value;
}

function store(entries: Entry[], clause: string, recognition: Recognition<TicketReading>): void {
  for (const entry of entries) {
    const said = `${entry.keys.length > 0 ? entry.keys.join(', ') : 'everyone else'} → ${entry.value}`;
    if (/[<>{}]|\$\{/.test(entry.value)) {
      recognition.problems.push(`"${entry.value}" is built from other values; the template takes fixed names and profiles ("${clause}")`);
      continue;
    }
    if (!entry.kind) {
      recognition.problems.push(`could not tell whether "${said}" in "${clause}" is a hardware profile or an assignment group`);
      continue;
    }
    const wrongKeys = entry.keys.filter((key) => (entry.kind === 'hardware' ? isKnownLocation(key) && !isKnownDepartment(key) : isKnownDepartment(key) && !isKnownLocation(key)));
    if (wrongKeys.length > 0) {
      recognition.problems.push(entry.kind === 'hardware'
        ? `hardware by location ("${said}") is not supported: the template picks the hardware profile by department`
        : `an assignment group by department ("${said}") is not supported: the template picks the queue by location`);
      continue;
    }
    if (entry.keys.length === 0) {
      const name = DEFAULTS[entry.kind];
      if (recognition.stated.has(name) && recognition.params[name] !== entry.value) recognition.problems.push(`two defaults are given: "${String(recognition.params[name])}" and "${entry.value}"`);
      state(recognition, name, entry.value);
    }
    for (const key of entry.keys) setEntry(recognition, TABLES[entry.kind], key, entry.value);
  }
}

// Whole technical tokens and the checks on them first: later rules take single words away.
const OTHER_RULES: Rule<TicketReading>[] = [TECHNICAL_TOKENS_RULE, ...TECHNICAL_RULES, GENERIC_WORDS_RULE, ...UNSUPPORTED_RULES, ...INSTANCE_RULES, ...TABLE_RULES, ...EXTRA_FIELD_RULES];
const MAPPING_RULE = createMappingRule({ otherPatterns: () => [...OTHER_RULES.map((rule) => rule.pattern), ...TICKET_VOCABULARY], genericWords: GENERIC_WORDS, aboutTickets: ABOUT_TICKETS }, store);

export const ticketRecognizer: FamilyRecognizer<TicketReading> = {
  family: 'ticket',
  // ServiceNow answers 201 to a created record; the short description is the template's own format.
  facts: [/^201$/, /^["“']New starter equipment: /],
  keywords: [/\bser?v?i?ce-?\s?now\b/i, /\bsnow\b/, /\bti[ck]+ets?\b/i, /\bsc_task\b/i, /\bincidents?\b/i, /\bhardware\b/i, /\blaptops?\b/i, /\bmac ?books?\b/i, /\bequipment\b/i, /\bassignment groups?\b/i, /\bcatalog(?:ue)? tasks?\b/i, /\bjira service management\b/i, /\b[a-z0-9-]+\.service-?now\.com\b/i, /\b(?:it |support )?queues?\b/i, /\/api\/now\/(?:v\d\/)?table\b/i, /\bSERVICENOW_TOKEN\b/],
  vocabulary: TICKET_VOCABULARY,
  // The mapping rule first: the analyser removes rule patterns in order, and it must see the whole clause.
  rules: [MAPPING_RULE, ...OTHER_RULES],
  finish(recognition) {
    const p = params(recognition);
    if (!recognition.stated.has('instanceHost')) recognition.assumptions.push(`No ServiceNow instance was named: it is ${p.instanceHost}; set instanceHost to yours.`);
    if (!recognition.stated.has('table')) recognition.assumptions.push('No table was named: the ticket is a catalog task (sc_task) for the IT queue.');
    if (['sc_request', 'sc_req_item'].includes(p.table)) recognition.assumptions.push(`A ${p.table} record inserted through the Table API has no catalog item; order the item through the Service Catalog API for a proper REQ → RITM → SCTASK chain.`);
    if (!recognition.stated.has('hardwareProfilesByDepartment') && !recognition.stated.has('defaultHardwareProfile')) recognition.assumptions.push("No hardware was named: the template's example profiles by department are kept; replace them with yours.");
    else if (!recognition.stated.has('hardwareProfilesByDepartment')) recognition.params.hardwareProfilesByDepartment = {};
    if (!recognition.stated.has('defaultHardwareProfile') && recognition.stated.has('hardwareProfilesByDepartment')) recognition.assumptions.push(`Unlisted departments get "${p.defaultHardwareProfile}".`);
    if (!recognition.stated.has('assignmentGroupsByLocation') && !recognition.stated.has('defaultAssignmentGroup')) recognition.assumptions.push("No queue was named: the template's example assignment groups by location are kept; replace them with yours.");
    else if (!recognition.stated.has('assignmentGroupsByLocation')) recognition.params.assignmentGroupsByLocation = {};
    if (!recognition.stated.has('defaultAssignmentGroup') && recognition.stated.has('assignmentGroupsByLocation')) recognition.assumptions.push(`Unlisted locations go to "${p.defaultAssignmentGroup}".`);
    if (Object.keys(p.extraFields).length > 0) recognition.assumptions.push('Extra fields are sent as display values (sysparm_input_display_value=true).');
  },
  defaults: TICKET_DEFAULTS,
  fixtures: (recognition) => httpActionFixtures(ticketAction(params(recognition)), recognition.examples),
  generate: (recognition) => httpActionSource(ticketAction(params(recognition))),
  spec(recognition) {
    const p = params(recognition);
    const table = (entries: Record<string, string>, fallback: string) => [...Object.entries(entries).map(([key, value]) => `${key} → ${value}`), `anyone else → ${fallback}`].join('; ');
    return {
      summary: `Opens a ServiceNow ${p.table} on ${p.instanceHost} for a joiner's equipment, with the hardware profile for the department and the IT queue for the location.`,
      inputs: ['person.firstName', 'person.preferredName', 'person.lastName', 'person.employeeId', 'person.startDate', 'person.location', 'person.title', 'person.department', 'person.employmentType', 'person.managerEmail'],
      output: '{ ticket, sysId, assignmentGroup, hardwareProfile }',
      rules: [
        `Hardware profile by department (case-insensitive): ${table(p.hardwareProfilesByDepartment, p.defaultHardwareProfile)}.`,
        `Assignment group by location (case-insensitive): ${table(p.assignmentGroupsByLocation, p.defaultAssignmentGroup)}.`,
        `POST https://${p.instanceHost}/api/now/table/${p.table} with the short description, a description listing name, employee id, start date, location, title, department, employment type, manager and hardware profile, the assignment group and the event id as correlation_id${Object.keys(p.extraFields).length ? `, plus ${Object.entries(p.extraFields).map(([name, value]) => `${name} = ${value}`).join(', ')}` : ''}.`,
        'Anything but 201 with a number is an error naming the status; the token never appears in a message or log.',
      ],
      edgeCases: ['each listed department and location', 'unlisted department and location', 'missing location, title and manager', 'keys in another case or with spaces', 'ServiceNow 401 / 403 / 500 / 200 login page / 201 without number'],
      assumptions: [],
    };
  },
};
