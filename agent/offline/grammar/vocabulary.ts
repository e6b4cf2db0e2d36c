// Named word lists the grammar reads with: one place for each, patterns built from them.

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const alternation = (list: readonly string[]) => list.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

/** Days and months: "starting on Monday", "joiners in September". */
const DAYS = words('monday tuesday wednesday thursday friday saturday sunday');
const MONTHS = words('january february march april june july august september october november december');
export const DAY_PATTERN = new RegExp(`\\b(?:${DAYS.join('|')})s?\\b|\\bweek-?days?\\b|\\bweekends?\\b|\\b(?:${MONTHS.join('|')})\\b`, 'gi');

/** Ways a message is delivered; "email" alone is a field (work email), not a channel. */
export const CHANNEL_PATTERN = new RegExp(
  [
    '\\bslack\\b',
    '\\bsendgrid\\b',
    '\\bsendmail\\b',
    '\\bsms\\b',
    '\\btext messages?\\b',
    '\\bwhats ?app\\b',
    '\\bpager ?duty\\b',
    '\\b(?:microsoft )?Teams\\b(?! (?:change|move))',
    '\\be-?mail(?:ed|s)? (?:it|them|the (?:pass|code|password))\\b',
    '\\be-?mailed\\b',
    '\\bmailed\\b',
    '\\b(?:by|via|over|through|in an?|per) e-?mail\\b',
    '\\bsend (?:an? )?e-?mail\\b',
  ].join('|'),
  'g',
);

/** Places written in any case, and abbreviations that are places only in capitals ("US", not "us"). */
const PLACE_WORDS = words(`london berlin paris madrid dublin amsterdam munich frankfurt hamburg vienna zurich geneva stockholm oslo
  copenhagen helsinki warsaw prague budapest lisbon barcelona milan rome brussels edinburgh manchester glasgow cardiff belfast
  bangalore mumbai delhi singapore tokyo sydney melbourne auckland toronto vancouver montreal austin boston chicago seattle denver
  atlanta dallas houston miami remote emea apac amer latam nordics dach benelux germany france spain italy ireland india japan china
  canada australia netherlands sweden norway denmark finland poland`);
const PLACE_PHRASES = ['new york', 'san francisco', 'los angeles', 'hong kong', 'sao paulo'];
export const PLACE_PATTERN = new RegExp(`\\b(?:${alternation([...PLACE_PHRASES, ...PLACE_WORDS])})\\b`, 'gi');
export const PLACE_ABBREVIATION_PATTERN = /\b(?:US|USA|UK|EU|NYC|SF|LA|NA)\b/g;

/** "in Berlin", "based in Lyon": a capitalised name after these is a place unless it is a system or a team. */
export const PLACE_CONTEXT_PATTERN = /\b(?:based in|located in|in the|in|at the|at)\s+([A-Z][\w-]+)(?=\s+(?:office|site|hub|team)\b|[\s,.;:)]|$)/g;
export const NOT_PLACES = new Set(
  words(`AD Active Azure Entra Graph Microsoft ServiceNow BambooHR Workday Okta Google JSON UTC API HTTP URL UPN MFA TAP SSO Slack Jira
    HR IT ASCII Unicode Latin Bearer Basic Windows GMT CET Engineering Sales Finance Marketing Design Support Legal Product People
    Operations Security Chinese Japanese Korean Arabic Cyrillic Greek Hebrew Thai`),
);

/** The kinds of people a rule may be limited to, with the words a reading may have used for them. */
export const PEOPLE: Readonly<Record<string, readonly string[]>> = {
  contractor: ['contractor'],
  intern: ['intern'],
  temp: ['temp', 'contractor'],
  freelancer: ['freelancer', 'contractor'],
  consultant: ['consultant', 'contractor'],
  vendor: ['vendor', 'contractor'],
  external: ['external', 'contractor'],
  'part-timer': ['part-time'],
  apprentice: ['apprentice', 'intern'],
  student: ['student', 'intern'],
  engineer: ['engineer'],
  developer: ['develop', 'engineer'],
  salespeople: ['sales'],
  'sales people': ['sales'],
  designer: ['design'],
  marketer: ['marketing'],
  accountant: ['accounting', 'finance'],
  lawyer: ['legal'],
  executive: ['exec'],
};
const PEOPLE_WORDS = words(`contractors? interns? temps freelancers? consultants? vendors? externals part-timers? apprentices? students?
  engineers? developers? designers? marketers? accountants? lawyers? executives? sales\\s?people`);
export const PEOPLE_PATTERN = new RegExp(`\\b(?:${PEOPLE_WORDS.join('|')})\\b`, 'gi');

export const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(
  words('two three four five six seven eight nine ten eleven twelve').map((word, index) => [word, index + 2]),
);

/** A duration is also its number of minutes. */
export const UNIT_MINUTES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^\s*h(?:ou)?rs?\b/i, 60],
  [/^\s*days?\b/i, 1440],
  [/^\s*weeks?\b/i, 10080],
];
/** "under 21" is also a limit of 20. */
export const BELOW_PATTERN = /\b(?:under|less than|fewer than|shorter than|below)\s*$/i;
