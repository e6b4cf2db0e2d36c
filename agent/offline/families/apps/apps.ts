// Application access for joiners: apps everyone gets, apps by department, location, title and employment
// type, and exceptions ("Sales gets Salesforce, Engineering gets Jira and GitHub, everyone gets Slack;
// contractors skip Salesforce"). The sentences are read by the same grammar as the groups family.

import { readingFields, type FamilyRecognizer, type Recognition } from '../../recognizer.ts';
import { APP_NAME, KNOWN_APPS } from '../../grammar/app-names.ts';
import { guard } from '../../grammar/guard-rule.ts';
import { mappingFixtures } from '../../kinds/mapping/mapping-fixtures.ts';
import { mappingSource } from '../../kinds/mapping/mapping-source.ts';
import { APPS_DEFAULTS, APPS_READING_DEFAULTS, appsMapping, appsParamsOf, type AppsReading } from './apps-mapping.ts';
import type { ItemWords } from '../groups/groups-items.ts';
import { MATCHING_NOTES } from '../groups/groups-output.ts';
import { assignmentNotes, assignmentRule, settleStatements, titleSamples } from '../groups/groups-settle.ts';
import { assignmentSpec, exampleProblems } from '../groups/groups-spec.ts';

const INTRO = /\b(?:apps?|applications?|tools?|software|licen[cs]es?|seats?|access|accounts?|saas|assign\w*|add\w*|give|grant|provision\w*|mapping|map|logic|birthright|based on|depending on|according to|department|departments|location|locations|title|titles|employment type|following|below|as follows|like this|these|stack|sso|okta|onboard\w*|function|correct|right|appropriate|relevant|proper|office|offices|team|teams|return\w*|list|output|matrix|table|land|end up|here|current|existing|want|need|baseline|default|standard|mandatory|required|should|automatic\w*)\b/gi;
const APP_WORDS: ItemWords = {
  nouns: /(?:apps?|applications?|tools?|licen[cs]es?|seats?|access|accounts?|subscriptions?|logins?|software|saas(?: apps?)?)/,
  known: Object.fromEntries(KNOWN_APPS.map((name) => [name.toLowerCase(), name])),
  intro: INTRO,
  fields: ['apps', 'skipped'],
};
/** The params start as the rule's defaults; the phrases write the template's parameters next to them. */
const params = (recognition: Recognition<AppsReading>) => readingFields(recognition.params, APPS_READING_DEFAULTS);
const rule = (recognition: Recognition<AppsReading>) => appsMapping(params(recognition));
const hints = (recognition: Recognition) => ({ titles: titleSamples(recognition), examples: assignmentNotes(recognition).examples.map((example) => example.subject.condition) });

export const appsRecognizer: FamilyRecognizer<AppsReading> = {
  family: 'apps',
  keywords: [/\bapps?\b/i, /\bapplications?\b/i, /\blicen[cs]es?\b/i, /\bseats?\b/i, /\bsaas\b/i, APP_NAME],
  vocabulary: [INTRO],
  rules: [...MATCHING_NOTES.map((pattern) => ({ pattern })), assignmentRule(APP_WORDS), guard(/\b(?:groups?|dls?|distribution lists?)\b|(?<![\w-])[A-Z]\w*-(?:Users|Group|Groups|DL|Admins|Staff|Members)(?![\w-])/, 'it is about groups; author group membership as a separate function')],
  finish(recognition) {
    const settled = settleStatements(recognition, 'app');
    Object.assign(recognition.params, appsParamsOf(settled));
    recognition.problems.push(...exampleProblems(recognition, rule(recognition), titleSamples(recognition)));
    recognition.assumptions.push('Apps are returned sorted and without duplicates; department, location, cost centre and employment type compare case-insensitively after trimming.', 'An exception removes an app whatever rule gave it, apps for everyone included.');
  },
  defaults: APPS_DEFAULTS,
  fixtures: (recognition) => mappingFixtures(rule(recognition), hints(recognition), recognition.examples),
  generate: (recognition) => mappingSource(rule(recognition)),
  spec: (recognition) => assignmentSpec(rule(recognition), { removed: 'skipped', nobodyMatched: 'only the apps for everyone' }),
};
