// Group membership for joiners: groups everyone gets, groups by department, location, cost centre, title
// and employment type, and exceptions that beat every rule ("contractors never get VPN-Users", "interns
// get no admin groups").

import { readingFields, type FamilyRecognizer, type Recognition } from '../../recognizer.ts';
import { APP_NAME } from '../../grammar/app-names.ts';
import { guard } from '../../grammar/guard-rule.ts';
import { mappingFixtures } from '../../kinds/mapping/mapping-fixtures.ts';
import { mappingSource } from '../../kinds/mapping/mapping-source.ts';
import type { ItemWords } from './groups-items.ts';
import { GROUPS_DEFAULTS, GROUPS_READING_DEFAULTS, groupsMapping, type GroupsReading } from './groups-mapping.ts';
import { MATCHING_NOTES } from './groups-output.ts';
import { assignmentNotes, assignmentRule, settleStatements, titleSamples } from './groups-settle.ts';
import { assignmentSpec, exampleProblems } from './groups-spec.ts';

const INTRO = /\b(?:groups?|membership|memberships|assign\w*|add\w*|put|give|grant|mapping|map|logic|birthright|based on|depending on|according to|department|departments|location|locations|title|titles|employment type|cost cent(?:er|re)s?|following|below|as follows|like this|these|setup|set up|automatically|access|provision\w*|onboard\w*|function|entra|azure|ad|okta|google|workspace|security|distribution|dynamic|correct|right|appropriate|relevant|proper|office|offices|team|teams|return\w*|list|output|matrix|table|land|end up|here|current|existing|want|need|baseline|default|standard|mandatory|required|should|automatic\w*)\b/gi;
const GROUP_WORDS: ItemWords = {
  nouns: /(?:(?:security|distribution|mail(?:-enabled)?|ad|entra|azure(?: ad)?|google|okta|m365|dynamic)\s+)?(?:groups?|dls?|distribution lists?|mailing lists?)/,
  known: {},
  intro: INTRO,
  fields: ['groups', 'excluded'],
};

/** The params start as the rule's defaults; the phrases write the template's parameters next to them. */
const params = (recognition: Recognition<GroupsReading>) => readingFields(recognition.params, GROUPS_READING_DEFAULTS);
const rule = (recognition: Recognition<GroupsReading>) => groupsMapping(params(recognition));
const hints = (recognition: Recognition) => ({ titles: titleSamples(recognition), examples: assignmentNotes(recognition).examples.map((example) => example.subject.condition) });

export const groupsRecognizer: FamilyRecognizer<GroupsReading> = {
  family: 'groups',
  // A counter-example of whole-word title matching ("a 'Management Trainee' is not a manager").
  facts: [/\bwhole words?\b[^)]*\bis not\b/i],
  keywords: [/\bgroups?\b/i, /\b[\w"'-]+\s+groups?\b/i, /\bdls?\b/i, /\bdistribution lists?\b/i, /\bmembers?(?:hips?)?\b/i, /(?<![\w-])[A-Z][A-Za-z0-9]*-[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?![\w-])/],
  vocabulary: [INTRO],
  rules: [...MATCHING_NOTES.map((pattern) => ({ pattern })), assignmentRule(GROUP_WORDS), guard(/\b(?:apps?|applications?|licen[cs]es?|seats?|saas)\b/i, 'it is about apps; author app assignment as a separate function'),
    guard(APP_NAME, 'it names an app, not a group (say "the GitHub group" if it is one); author app assignment as a separate function')],
  finish(recognition) {
    const settled = settleStatements(recognition, 'group');
    Object.assign(recognition.params, {
      baselineGroups: settled.baseline,
      rules: settled.grants.map((grant) => ({ when: grant.when, groups: grant.names })),
      exclusions: settled.withholds.map((withhold) => ({ when: withhold.when, ...(withhold.names.length ? { groups: withhold.names } : {}), ...(withhold.pattern ? { groupPattern: withhold.pattern } : {}) })),
    });
    recognition.problems.push(...exampleProblems(recognition, rule(recognition), titleSamples(recognition)));
    recognition.assumptions.push('Groups are returned sorted and without duplicates; department, location, cost centre and employment type compare case-insensitively after trimming.', 'An exception removes a group whatever rule gave it, baseline groups included.');
  },
  defaults: GROUPS_DEFAULTS,
  fixtures: (recognition) => mappingFixtures(rule(recognition), hints(recognition), recognition.examples),
  generate: (recognition) => mappingSource(rule(recognition)),
  spec: (recognition) => assignmentSpec(rule(recognition), { removed: 'excluded', nobodyMatched: 'baseline only' }),
};
