// Sentences that sound like the email family but ask for what its function cannot do: an action beyond
// choosing the address, or an address rule that differs by who the person is (only contractors can).

import { guard } from '../../grammar/guard-rule.ts';
import type { Rule } from '../../recognizer.ts';

export const EMAIL_GUARDS: Rule[] = [
  guard(
    /\b(?:(?:first|last|second|other)\s+(?:part|half|word)|double[- ]barrel+ed|multi[- ]part)\b[^.]*\b(?:only|just|drop|ignore)\b|\b(?:only|just)\b[^.]*\b(?:first|last|second)\s+(?:part|half|word)\b/i,
    'the address keeps every part of a multi-part name (hyphens kept or dropped, spaces dropped); it cannot keep only one part',
  ),
  guard(
    /\b(?:send|sends|sent|notify|post|message|slack|teams|ticket|servicenow|jira|bamboohr|workday|hris|sync|provision|licen[cs]es?|alias(?:es)?|forward\w*|distribution lists?|shared mailbox(?:es)?|quotas?|passwords?|welcome)\b/i,
    'it asks for more than choosing the address; author that part as a separate function',
  ),
  guard(
    // Other jobs on the same people: disabling, revoking, approvals, passes. "Disabled users" (whose addresses
    // still count as taken) is not one.
    /\b(?:disabl(?:e|es|ing)|disabled(?!\s+(?:users?|accounts?|ones?|people|employees|mailboxes|addresses))|deactivat\w*|re-?activat\w*|revok\w*|suspend\w*|block(?:s|ing)?|lock(?:s|ing)?\s+out|offboard\w*|terminat\w*|wip(?:e|es|ing)|reset\w*|approv\w*|sign[- ]?offs?|sessions?|temporary access pass(?:es)?|taps?|tickets?|laptops?|hardware|equipment|write[- ]?back|writes? (?:it )?back|managers? approval)\b/i,
    'it is about something other than choosing the address; author that part as a separate function',
  ),
  guard(
    /\b(?:interns?|students?|trainees?|apprentices?|executives?|execs?|managers?|directors?|vips?|part[- ]timers?|departments?|offices?|locations?|countries|country|regions?)\b/i,
    'the address rule cannot differ by department, location, title or for interns (only contractors can have their own prefix or domain)',
    { unlessEveryone: true },
  ),
];
