// Words an HTTP action requirement uses around its settings: the services and what they make, the calls,
// their credentials and answers, the conditions, and keeping a credential out of logs and the output.
// Single words count only in a clause some rule or phrase of this kind read (the analyser's rule).

import { API_DESCRIPTION_VOCABULARY } from '../../grammar/shared-rules.ts';

const words = (list: string) => new RegExp(`\\b(?:${list.trim().split(/\s+/).join('|')})\\b`, 'gi');

export const HTTP_ACTION_VOCABULARY: RegExp[] = [
  // Phrases first: the single words below must not break them up.
  /\btemporary access pass(?:es)?\b|\bTAPs?\b|\bmicrosoft graph\b|\bservice ?now table api\b|\btable api\b|\bapp registration\b|\bentra portal\b/gi,
  /\b(?:authenticated|authenticate) as\b|\bnot with a pasted token\b|\bclient credentials\b|\btoken endpoint\b|\bclient (?:id|secret)\b|\bscope\b/gi,
  /\bmust never show up in\b|\bmust not be in\b|\bthe pass itself\b|\bnever (?:log|return)\b|\bout of (?:the )?logs\b/gi,
  /\b(?:do nothing at all|call nothing|without calling anything|nothing at all|anybody else|everyone else|any other)\b/gi,
  // A reason in parentheses ("(they bring MFA from their own company)"); "don't send it anywhere" and why.
  /\((?:they|because|since|as)\b[^()]{0,80}\)|\b(?:don'?t|do not|no need to) send it anywhere\b[^.;]*/gi,
  /\bjira service management\b|\bonboarding requests?\b|\bfor (?:every|each|all) (?:new )?(?:joiners?|starters?|hires?)\b/gi,
  /\bonboarding day\b|\bthis only applies to\b|\bonly applies to\b/gi,
  ...API_DESCRIPTION_VOCABULARY,
  words(`upn only create creates open opens order orders raise issue issues send sends email emailed mail post posts then
    ticket tickets laptop request requests pass graph sendgrid servicenow service-now jira slack okta entra
    manager managers their them it its pass tap day-1 day starting start starts startdate date falls monday tuesday wednesday
    thursday friday saturday sunday starters starter new hires hire joiner joiners everyone else other
    engineers engineering department location title contractors contractor interns intern employees employment type
    skipped skip nothing anything calling gets get no none both must hold holds means
    the with bearer basic auth oauth user password token secret body json returns return answers answer
    status code with error errors throw status update updates updated profile profiles register`),
];
