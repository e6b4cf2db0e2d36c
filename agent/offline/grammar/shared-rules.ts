// Phrases several identifier families share: length limits, clash handling, never-reuse, name clean-up
// vocabulary, and worked examples ("John Smith → jsmith").

import { state, type Rule } from '../recognizer.ts';

const NOT_A_LENGTH = String.raw`(?!\s*(?:%|percent|days?|hours?|minutes?))`;

/** Rules over the one field they write: any family whose parameters have it lists them. */
export const LENGTH_RULES: Rule<{ maxLength?: number }>[] = [
  {
    pattern: new RegExp(String.raw`\b(?:less|fewer|shorter) than\s*(\d{1,3})\b|\bunder\s*(\d{1,3})\b${NOT_A_LENGTH}`, 'i'),
    apply: (match, recognition) => state(recognition, 'maxLength', Number(match[1] ?? match[2]) - 1),
  },
  {
    pattern: new RegExp(String.raw`\b(?:within|at most|max(?:imum)?(?:\s+(?:of|length|len))?|no (?:more|longer) than|up to|limit(?:ed)?(?:\s+(?:it|them))?\s+to|cap(?:ped)?\s+(?:it\s+)?(?:at|to)|(?:not|never) (?:exceed(?:ing)?|be longer than|go over|more than)|<=|≤|keep (?:it|them|names?)\s+(?:to|within|at|under)|truncate[ds]?\s+(?:it\s+|them\s+)?(?:at|to))\s*(\d{1,3})\b${NOT_A_LENGTH}`, 'i'),
    apply: (match, recognition) => state(recognition, 'maxLength', Number(match[1])),
  },
  // "20 characters", but not "the first 3 letters of the first name" (a part of a name, not a limit).
  { pattern: /\b(\d{1,3})[- ]?(?:char(?:acter)?s?|letters?)\b(?!\s+of\b)/i, apply: (match, recognition) => state(recognition, 'maxLength', Number(match[1])) },
  {
    // AD's sAMAccountName limit applies unless the requirement states another.
    pattern: /\bAD\b|\bactive directory\b|\bsamaccountname\b|\bpre-?windows 2000\b|\bwindows log ?on\b/,
    apply: (_match, recognition) => { if (!recognition.stated.has('maxLength')) recognition.params.maxLength = 20; },
  },
  { pattern: /\b(?:length|long|limit|truncat\w*|cut|shorten\w*|chars?|characters?)\b/i },
];

export const CLASH_RULES: Rule<{ firstSuffix?: number; suffixDigits?: number; separator?: string }>[] = [
  { pattern: /\b(?:if|when|once|in case|where)\b[^.]*?\b(?:taken|exists?|in use|already (?:used|exists|taken|there)|clash(?:es)?|collides?|conflicts?|duplicates?|not unique|not available|occupied|(?:someone|somebody|anyone)(?: else)? (?:already )?(?:has|have|got|holds?|uses?) it(?: already)?)\b/i },
  { pattern: /\bunique(?:ness)?\b|\bclash(?:es|ing)?\b|\bcollisions?\b|\bduplicates?\b|\bconflicts?\b/i },
  {
    pattern: /\b(?:add|append|suffix(?:ed)?|put|tack on|increment|use|try|number(?:ed)?|counter|then)\b[^.]*?\b(0?\d{1,2})\b(?!\s*(?:char|letter|digit)s?\b|\s+is\b)(?:\s*(?:,|and|then|or)\s*(0?\d{1,2}))?/i,
    apply: (match, recognition) => {
      state(recognition, 'firstSuffix', Number(match[1]));
      if ((match[1] ?? '').startsWith('0')) state(recognition, 'suffixDigits', (match[1] ?? '').length);
    },
  },
  { pattern: /\bstart(?:ing|s)?\s+(?:at|from|with)\s+(0?\d{1,2})\b/i, apply: (match, recognition) => state(recognition, 'firstSuffix', Number(match[1]), { override: true }) },
  {
    pattern: /\b(?:with|using|separated by|put)\s+(?:an?\s+)?(dot|period|underscore|hyphen|dash)\s+(?:before|between|in front of|ahead of)\b/i,
    apply: (match, recognition) => state(recognition, 'separator', separatorNamed(match[1] ?? '')),
  },
  { pattern: /\b[a-z]{2,}([._-])(0?\d)\b/, apply: (match, recognition) => state(recognition, 'separator', (match[1] ?? '')) },
  { pattern: /\b(?:an?\s+)?(?:incrementing\s+|sequential\s+|running\s+)?(?:numbers?|digits?|counter|suffix(?:es)?|increments?)\b/i },
  { pattern: /\b(?:never|not|don'?t|do not|no)\b[^.]*?\bre-?(?:us(?:e|ed|ing)|assign(?:ed)?|issu(?:e|ed))\b|\bretired?\b|\bleavers?\b|\bformer (?:employees|staff|users)\b|\bdeleted\b|\bex-?employees\b|\bever (?:been )?used\b/i },
  { pattern: /\b(?:check|verify|look(?:ed)? up|against|in)\b[^.]*\b(?:directory|AD|active directory|google|live|existing)\b/i },
];

/** "underscore" → "_", "hyphen" or "dash" → "-", "dot" or "period" → ".". */
export function separatorNamed(word: string): string {
  return /underscore/.test(word) ? '_' : /hyphen|dash/.test(word) ? '-' : '.';
}

export const NAME_HANDLING_VOCABULARY: RegExp[] = [
  /\b(?:accents?|accented|diacritics?|umlauts?|special characters?|non-?ascii|ascii|latin|unicode|transliterat\w*|normali[sz]\w*|strip\w*|remov\w*|drop\w*|apostrophes?|spaces?|hyphens?|hyphenated|dashes|punctuation|letters?|digits?|characters?|symbols?|names?|double-barrel+ed|multi-part|o'brien|lowercase|uppercase|handle|keep|only|part|parts)\b/gi,
  /[øæåßłđþöüäéèñ]/gi,
];

export const exampleRule: Rule = {
  pattern: /([\p{Lu}][\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,3}?)\s*(?:→|->|=>|⇒|becomes|gives|gets|should (?:be|give|get)|will be|maps to|turns into)\s*["'`“]?([A-Za-z0-9._-]+(?:@[A-Za-z0-9.-]+)?)["'`”]?/u,
  apply: (match, recognition) => {
    const input = (match[1] ?? '').trim();
    // "Already taken → j.mueller2@…", "On a clash → …": a condition, not a person's name.
    if (/^(?:already|taken|if|when|on|clash|collision|duplicate|otherwise|else)\b/i.test(input)) return;
    recognition.examples.push({ input, output: (match[2] ?? '').replace(/[.]+$/, '') });
  },
};

// Technical restatements of what a template does (tap, hris-writeback, ticket): admins paste the API call,
// its auth, status codes and return shape. These consume the words; each family checks the concrete values
// (endpoint URLs, secret names, returned keys) against its template and names any difference as a problem.

/** A URL, placeholders in it included: https://hooks.slack.com/services/<path in SLACK_WEBHOOK_PATH>. */
export const URL_PATTERN = /\bhttps?:\/\/(?:[^\s<>{}"'“”,;)]|\{[^}\n]{0,60}\}|<[^>\n]{0,60}>|,(?=[\w=&]))+/i;

export const API_DESCRIPTION_VOCABULARY: RegExp[] = [
  /\b(?:POST|GET|PUT|PATCH)\b|\bpost(?:s|ed|ing)?\b/g,
  /\bjson\b|\b(?:request |response )?(?:body|payload|headers?)\b|\bendpoints?\b|\bapi\b|\bcall\b/gi,
  /\b(?:http\s+)?(?:bearer|basic)\b(?:\s+(?:auth\w*|token))?|\bauthori[sz]ation\b|\bauth\b|\b(?:api\s+)?(?:token|key)s?\b|\bsecrets?\b|\bliterally\b|\bstored\b|["'“]?\bx\b["'”]?\s+as\s+(?:the\s+)?password\b/gi,
  /\b[1-5](?:\d\d|xx)\b|\bnon-?2xx\b|\bstatus(?: code)?\b|\bansw(?:ers?|ering|ered)\b|\brespon(?:ds?|se)\b|\bthrows?\b|\berrors?\b|\bfail(?:s|ing|ure|ures)?\b|\bblow up\b|\bswallow\w*\b|\banything but\b|\bexcept\w*\b/gi,
  /\b(?:never|not|don'?t|do not|no)\b[^.]*?\b(?:log(?:s|ged|ging)?|appear\w*|print\w*|output|return(?:ed)?|show\w*|expos\w*|leak\w*)\b|\blogs?\b|\breturn value\b|\boutput\b/gi,
  /\{[^{}\n]{1,60}\}|<[^<>\n]{1,60}>|\b(?:event|person|account|result|ctx|previous)\.[\w.]*\w|(?<![\w.])(?:\.\.\.|…)?\/[\w.@%{}<>\/-]+|\.\.\.|…/g,
  /\be\.g\.|\bi\.e\.|\bfor example\b|\bsuch as\b|\blike\b|\bas[- ]is\b|\b(?:does|do|did|is|are|was|were|must|should|can|could|would|will)n[o']?t\b|\bdon'?t\b|\bfollowed by\b|\b(?:the\s+)?(?:url\s+)?path\b|\bvalues?\b/gi,
];

/**
 * URLs, event paths, placeholders and header names, whole. A family lists this rule before any rule that
 * consumes single words, so that "api" or "account" inside them is not taken away first.
 */
export const TECHNICAL_TOKENS_RULE: Rule = {
  pattern: new RegExp(String.raw`${URL_PATTERN.source}|\b(?:event|person|account|result|ctx|previous)\.[\w.]*\w|\{[^{}
]{1,60}\}|<[^<>
]{1,60}>|\bX-[A-Za-z]+(?:-[A-Za-z]+)+\b`, 'i'),
};

/** "the secret GRAPH_TOKEN": a secret the template does not read is a problem, never ignored. */
export function secretNamesRule(known: string[]): Rule {
  return {
    pattern: /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/,
    apply: (match, recognition) => {
      if (!known.includes(match[0])) recognition.problems.push(`the secret ${match[0]} is not one the template reads (it reads ${known.join(' and ')})`);
    },
  };
}

/**
 * "Return { tapIssued: true }", "return tapIssued: true", "return { ticket } = the number": every key must be
 * one the template returns, and a literal value must be the one it returns.
 */
export function returnShapeRule(output: Record<string, string | boolean | null>): Rule {
  return {
    pattern: /\breturns?\s+(?:only\s+|just\s+)?(?:\{([^}]*)\}|((?:[a-z]\w*\s*:\s*(?:true|false|"[^"]*"|'[^']*'|<[^>]*>|[\w.]+)\s*,?\s*)+))/i,
    apply: (match, recognition) => {
      for (const entry of (match[1] ?? (match[2] ?? '')).split(/,(?![^<]*>)/)) {
        const [key = '', value] = entry.split(':').map((part) => part.trim());
        if (!/^[a-z]\w*$/i.test(key)) continue;
        if (!(key in output)) recognition.problems.push(`the function returns no "${key}" ("${match[0].trim()}"); it returns { ${Object.keys(output).join(', ')} }`);
        const literal = value?.replace(/^["']|["']$/g, '');
        const expected = output[key];
        if (expected !== null && expected !== undefined && literal !== undefined && /^(?:true|false|"[^"]*"|'[^']*')$/.test(value ?? '') && literal !== String(expected)) {
          recognition.problems.push(`the function returns ${key}: ${JSON.stringify(expected)}, not ${value} ("${match[0].trim()}")`);
        }
      }
    },
  };
}
