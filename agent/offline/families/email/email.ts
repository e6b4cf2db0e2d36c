// Work email addresses: layout, domain, separator, lower-case ASCII, clash numbering and its style,
// middle-initial fallback, preferred names, contractors' prefix or domain, a local-part limit.
// The phrases read the email template's parameters; the rule is the identifier kind's (email-identifier.ts),
// made from them when the function and fixtures are written.

import { joinedEvent } from '../../fixture-builders.ts';
import { rememberSplit, splitOf, splitsOf, type NameSplit } from './email-examples.ts';
import type { FamilyRecognizer, Recognition } from '../../recognizer.ts';
import { EMAIL_DEFAULTS, emailIdentifier, expectedAddress, readingOf, type EmailReading, type EmailParams } from './email-identifier.ts';
import { EMAIL_GUARDS } from './email-guards.ts';
import { NAME_RULES } from './email-name-rules.ts';
import { identifierFixtures } from '../../kinds/identifier/identifier-fixtures.ts';
import { identifierSource } from '../../kinds/identifier/identifier-source.ts';
import { LAYOUT_RULES, layoutRule } from './email-layouts.ts';
import { CONTRACTOR_RULES, DOMAIN_RULES, SUFFIX_RULE } from './email-rules.ts';
import { settleEmail } from './email-settle.ts';
import { learnSpellings } from './email-spellings.ts';
import { PATTERN_RULES } from '../../grammar/name-patterns.ts';
import { TEMPLATE_NOTE_RULES } from './email-template-notes.ts';
import { CLASH_RULES, LENGTH_RULES, exampleRule } from '../../grammar/shared-rules.ts';

/** The params start as the rule's defaults; the phrases and settling write the template's parameters. */
const params = (recognition: Recognition<EmailReading>) => readingOf(recognition.params);
const rule = (recognition: Recognition<EmailReading>) => emailIdentifier(params(recognition));
/** The examples, each with the split of its name that gives the written address. */
const examples = (recognition: Recognition<EmailReading>) => recognition.examples.map((example) => ({ ...example, who: splitOf(example) }));

/** The shared length rules without the one that reads "AD" as a 20-character limit: that is for usernames. */
const EMAIL_LENGTH_RULES = LENGTH_RULES.filter((rule) => !rule.pattern.source.includes('samaccountname'));

export const emailRecognizer: FamilyRecognizer<EmailReading> = {
  family: 'email',
  // Everyone who is not a contractor is handled alike: "employees and interns" names the default.
  facts: [/\bemployees?(?:,| and| or)\s+interns?\b|\binterns?(?:,| and| or)\s+employees?\b/i],
  keywords: [/\be-?m(?:ai|ia)ls?\b/i, /\be-?mail add?ress(?:es)?\b/i, /\bmail ?box(?:es)?\b/i, /\bupns?\b|\buser ?principal ?names?\b/i, /\blocal[- ]?part\b/i, /(?:first|last|name|john|jane|smith|doe)[a-z._{}<>\]\[-]*@|\bf[._-]?last[a-z]*@/i],
  vocabulary: [
    /\b(?:e-?m(?:ai|ia)ls?|e-?mail add?ress(?:es)?|add?resses|add?ress|mail ?box(?:es)?|upns?|user ?principal ?names?|local[- ]?parts?|before the @|lower[- ]?case[ds]?|all lower|small letters|case[- ]insensitive(?:ly)?|work|corporate|company|layout|pattern|primary|google workspace|gmail|microsoft 365|m365|office 365|exchange|outlook|entra(?: id)?|azure ad|rfc ?5321|(?:whole|entire|full|total|complete) (?:address|e-?mail))\b/gi,
    // Name clean-up the template always does; narrower than the shared list, which also understands
    // "only the first part", something this template does not do.
    /\b(?:accents?|accented|diacritics?|umlauts?|special characters?|non-?ascii|ascii|latin|unicode|transliterat\w*|normali[sz]\w*|strip\w*|remov\w*|drop\w*|apostrophes?|spaces?|punctuation|lowercase|names?)\b/gi,
    /[øæåßłđþöüäéèñ]/gi,
    // A counter-example the admin rules out: "(Jürgen Müller → j.mueller@contoso.de, NOT j.muller)".
    /\bNOT\s+[a-z][\w.-]*(?:@[\w.-]+)?/g,
    // Who the address may have belonged to: anyone, or someone who left (retired addresses).
    /\bsomeone (?:else|who left)\b|\bbelonged to\b|\bright after the last name\b/gi,
  ],
  // An example ("Mary Ann O'Brien → maryann.obrien@acme.com") and a written-out address are read whole first.
  rules: [{ pattern: exampleRule.pattern }, ...TEMPLATE_NOTE_RULES, ...[...LAYOUT_RULES, ...PATTERN_RULES].map(layoutRule), ...DOMAIN_RULES, ...CONTRACTOR_RULES, ...NAME_RULES, ...EMAIL_LENGTH_RULES, SUFFIX_RULE, ...CLASH_RULES, exampleRule, ...EMAIL_GUARDS],
  finish(recognition) {
    settleEmail(recognition);
    for (const example of recognition.examples) {
      const p = params(recognition);
      const [local = '', domain] = example.output.toLowerCase().split('@');
      const outcome = (params: EmailParams, split: NameSplit) => {
        const person = joinedEvent(split).person;
        const base = /\d$/.test(local) ? expectedAddress(params, person, []) : undefined;
        return expectedAddress(params, person, typeof base === 'string' ? [{ email: base, employeeId: 'E9001' }] : []);
      };
      const matches = (split: NameSplit) => (params: EmailParams) => { const expected = outcome(params, split); return typeof expected === 'string' && (domain ? expected === `${local}@${domain}` : expected.split('@')[0] === local); };
      const fit = splitsOf(example.input).map((split) => ({ split, learned: learnSpellings(p, example.input, matches(split)) })).find((candidate) => candidate.learned);
      if (fit) {
        recognition.params.transliterations = fit.learned!;
        rememberSplit(example, fit.split);
      } else recognition.problems.push(`the example ${example.input} → ${example.output} does not follow the rule as understood (it gives ${JSON.stringify(outcome(p, splitOf(example))).replace(/^"|"$/g, '')})`);
    }
  },
  defaults: EMAIL_DEFAULTS,
  fixtures: (recognition) => identifierFixtures(rule(recognition), examples(recognition)),
  generate: (recognition) => identifierSource(rule(recognition)),
  spec(recognition) {
    const p = params(recognition);
    const layout = p.pattern.replace(/\{sep\}/g, p.separator);
    const fallbacks = p.fallbackPatterns.map((pattern) => pattern.replace(/\{sep\}/g, p.separator));
    const contractors = [p.contractorPrefix && `"${p.contractorPrefix}" in front`, p.contractorDomain && `the domain ${p.contractorDomain}`].filter(Boolean).join(' and ');
    return {
      summary: `Generates a unique lower-case work email ${layout}@${p.domain}, numbered from ${p.suffixSeparator}${p.firstSuffix} on a clash, within ${p.maxLocalPartLength} characters before the @.`,
      inputs: ['person.firstName', 'person.lastName', ...(p.usePreferredName ? ['person.preferredName'] : []), ...(/\{middle/.test(layout + fallbacks.join()) ? ['person.middleName'] : []), 'person.employmentType', 'person.employeeId'],
      output: '{ email: string }',
      rules: [
        `Fold the names to lower-case ASCII (ø→oe, ß→ss, æ→ae, ł→l, accents dropped${Object.keys(p.transliterations).length ? `, and ${Object.entries(p.transliterations).map(([letter, spelling]) => `${letter}→${spelling}`).join(', ')}` : ''}); drop spaces and apostrophes${p.keepHyphens ? ', keep inner hyphens' : ' and hyphens'}.`,
        `Build ${layout}@${p.domain}${p.usePreferredName ? ', using the preferred name when set' : ' from the legal first name'}${contractors ? `; contractors get ${contractors}` : ''}.`,
        ...(fallbacks.length ? [`If taken, try ${fallbacks.join(', then ')}.`] : []),
        `If the address is held by another user (active or disabled), append ${p.suffixSeparator ? `"${p.suffixSeparator}" and ` : ''}a number from ${String(p.firstSuffix).padStart(p.suffixDigits, '0')} up, cutting the name so the local part stays within ${p.maxLocalPartLength} characters.`,
        'An address already held by the same employee is returned as it is.',
      ],
      edgeCases: ['a clash (any case, disabled users too)', 'the same employee re-run', 'ø, ß, æ, ł transliteration', 'apostrophes, spaces and hyphens', `a name longer than ${p.maxLocalPartLength} characters, with a clash`, 'a contractor', 'a name with no Latin letters is an error'],
      assumptions: [],
    };
  },
};
