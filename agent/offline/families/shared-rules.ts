// Phrases several identifier families share: length limits, clash handling, never-reuse, name clean-up
// vocabulary, and worked examples ("John Smith → jsmith").

import { state, type Rule } from '../recognizer.ts';

const NOT_A_LENGTH = String.raw`(?!\s*(?:%|percent|days?|hours?|minutes?))`;

export const LENGTH_RULES: Rule[] = [
  {
    pattern: new RegExp(String.raw`\b(?:less|fewer|shorter) than\s*(\d{1,3})\b|\bunder\s*(\d{1,3})\b${NOT_A_LENGTH}`, 'i'),
    apply: (match, recognition) => state(recognition, 'maxLength', Number(match[1] ?? match[2]) - 1),
  },
  {
    pattern: new RegExp(String.raw`\b(?:within|at most|max(?:imum)?(?:\s+(?:of|length|len))?|no (?:more|longer) than|up to|limit(?:ed)?(?:\s+(?:it|them))?\s+to|cap(?:ped)?\s+(?:it\s+)?(?:at|to)|(?:not|never) (?:exceed(?:ing)?|be longer than|go over|more than)|<=|≤|keep (?:it|them|names?)\s+(?:to|within|at|under)|truncate[ds]?\s+(?:it\s+|them\s+)?(?:at|to))\s*(\d{1,3})\b${NOT_A_LENGTH}`, 'i'),
    apply: (match, recognition) => state(recognition, 'maxLength', Number(match[1])),
  },
  { pattern: /\b(\d{1,3})[- ]?(?:char(?:acter)?s?|letters?)\b/i, apply: (match, recognition) => state(recognition, 'maxLength', Number(match[1])) },
  {
    // AD's sAMAccountName limit applies unless the requirement states another.
    pattern: /\bAD\b|\bactive directory\b|\bsamaccountname\b|\bpre-?windows 2000\b|\bwindows log ?on\b/,
    apply: (_match, recognition) => { if (!recognition.stated.has('maxLength')) recognition.params.maxLength = 20; },
  },
  { pattern: /\b(?:length|long|limit|truncat\w*|cut|shorten\w*|chars?|characters?)\b/i },
];

export const CLASH_RULES: Rule[] = [
  { pattern: /\b(?:if|when|once|in case|where)\b[^.]*?\b(?:taken|exists?|in use|already (?:used|exists|taken|there)|clash(?:es)?|collides?|conflicts?|duplicates?|not unique|not available|occupied|(?:someone|somebody|anyone)(?: else)? (?:already )?(?:has|have|got|holds?|uses?) it(?: already)?)\b/i },
  { pattern: /\bunique(?:ness)?\b|\bclash(?:es|ing)?\b|\bcollisions?\b|\bduplicates?\b|\bconflicts?\b/i },
  {
    pattern: /\b(?:add|append|suffix(?:ed)?|put|tack on|increment|use|try|number(?:ed)?|counter|then)\b[^.]*?\b(0?\d{1,2})\b(?!\s*(?:char|letter|digit)s?\b)(?:\s*(?:,|and|then|or)\s*(0?\d{1,2}))?/i,
    apply: (match, recognition) => {
      state(recognition, 'firstSuffix', Number(match[1]));
      if (match[1]!.startsWith('0')) state(recognition, 'suffixDigits', match[1]!.length);
    },
  },
  { pattern: /\bstart(?:ing|s)?\s+(?:at|from|with)\s+(0?\d{1,2})\b/i, apply: (match, recognition) => state(recognition, 'firstSuffix', Number(match[1]), { override: true }) },
  {
    pattern: /\b(?:with|using|separated by|put)\s+(?:an?\s+)?(dot|period|underscore|hyphen|dash)\s+(?:before|between|in front of|ahead of)\b/i,
    apply: (match, recognition) => state(recognition, 'separator', /underscore/.test(match[1]!) ? '_' : /hyphen|dash/.test(match[1]!) ? '-' : '.'),
  },
  { pattern: /\b[a-z]{2,}([._-])(0?\d)\b/, apply: (match, recognition) => state(recognition, 'separator', match[1]!) },
  { pattern: /\b(?:an?\s+)?(?:incrementing\s+|sequential\s+|running\s+)?(?:numbers?|digits?|counter|suffix(?:es)?|increments?)\b/i },
  { pattern: /\b(?:never|not|don'?t|do not|no)\b[^.]*?\bre-?(?:us(?:e|ed|ing)|assign(?:ed)?|issu(?:e|ed))\b|\bretired?\b|\bleavers?\b|\bformer (?:employees|staff|users)\b|\bdeleted\b|\bex-?employees\b|\bever (?:been )?used\b/i },
  { pattern: /\b(?:check|verify|look(?:ed)? up|against|in)\b[^.]*\b(?:directory|AD|active directory|google|live|existing)\b/i },
];

export const NAME_HANDLING_VOCABULARY: RegExp[] = [
  /\b(?:accents?|accented|diacritics?|umlauts?|special characters?|non-?ascii|ascii|latin|unicode|transliterat\w*|normali[sz]\w*|strip\w*|remov\w*|drop\w*|apostrophes?|spaces?|hyphens?|hyphenated|dashes|punctuation|letters?|digits?|characters?|symbols?|names?|double-barrel+ed|multi-part|o'brien|lowercase|uppercase|handle|keep|only|part|parts)\b/gi,
  /[øæåßłđþöüäéèñ]/gi,
];

export const exampleRule: Rule = {
  pattern: /([\p{Lu}][\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,3}?)\s*(?:→|->|=>|⇒|becomes|gives|gets|should (?:be|give|get)|will be|maps to|turns into)\s*["'`“]?([A-Za-z0-9._-]+(?:@[A-Za-z0-9.-]+)?)["'`”]?/u,
  apply: (match, recognition) => {
    recognition.examples.push({ input: match[1]!.trim(), output: match[2]!.replace(/[.]+$/, '') });
  },
};
