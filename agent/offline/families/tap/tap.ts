// Day-1 credential: an Entra Temporary Access Pass issued through Microsoft Graph (lifetime, single or
// multi use, valid from the start date) and delivered to the manager through Slack; never logged.
// The phrases read the pass's parameters; the rule is http-action's (tap-action.ts), made from them when
// the function and fixtures are written, so the accounting sees only what the text stated.

import { readingFields, state, type FamilyRecognizer, type Recognition } from '../../recognizer.ts';
import { httpActionFixtures } from '../../kinds/http-action/http-action-fixtures.ts';
import { httpActionSource } from '../../kinds/http-action/http-action-source.ts';
import { TAP_DEFAULTS, TAP_READING_DEFAULTS, tapAction, type TapReading } from './tap-action.ts';
import { LIFETIME_RULES, lifetimeSaid, USABILITY_RULES } from './tap-phrases.ts';
import { finishStart, START_RULES } from './tap-start.ts';
import { TECHNICAL_TOKENS_RULE } from '../../grammar/shared-rules.ts';
import { GENERIC_WORDS_RULE, TAP_VOCABULARY, TECHNICAL_RULES, UNSUPPORTED_RULES } from './tap-vocabulary.ts';

/** The params start as the rule's defaults; the phrases write the pass's parameters next to them. */
const params = (recognition: Recognition<TapReading>) => readingFields(recognition.params, TAP_READING_DEFAULTS);

export const tapRecognizer: FamilyRecognizer<TapReading> = {
  family: 'tap',
  // Graph answers 201 to a created pass; the pass goes to the manager through Slack.
  facts: [/^201$/, /^slack$/i],
  keywords: [/\btemp\w*\s+ac+ess?\s+pass(?:es|code)?\b/i, /\bTAPs?\b/, /\bTAP\b/, /\b(?:issue|generate|create|send|make|get)s?\s+(?:a|an|the|them a)\s+taps?\b/i, /\baccess pass(?:es)?\b/i, /\btemporaryAccessPass\w*\b/i, /\bday[- ](?:one|1) (?:credential|password|pass)s?\b/i,
    // What only a pass has: a lifetime and single or multi use.
    /\b(?:lifetime|v(?:ali|ail)d(?:ity)? for|usable for|expires? (?:after|in))\b/i, /\b(?:single|one)[- ]?(?:time|use)\b|\bmulti[- ]?use\b|\bre-?usable\b|\busable once\b/i, /\bmfa\b|\bauthenticator\b|\bpasswordless\b/i,
    // The endpoints, secrets and fields of a technical description.
    /\bisUsableOnce\b|\blifetimeInMinutes\b/, /\bgraph\.microsoft\.com\b/i, /\bhooks\.slack\.com\b/i, /\bGRAPH_TOKEN\b/, /\bSLACK_WEBHOOK_PATH\b/],
  vocabulary: TAP_VOCABULARY,
  rules: [
    // Whole technical tokens and the checks on them first: later rules take single words away.
    TECHNICAL_TOKENS_RULE,
    ...TECHNICAL_RULES,
    GENERIC_WORDS_RULE,
    ...UNSUPPORTED_RULES,
    ...LIFETIME_RULES,
    ...USABILITY_RULES,
    ...START_RULES,
    { pattern: /\bmanual(?:ly)?\b|\b(?:run )?by hand\b|\bhelp ?desk\b|\bon[- ]demand\b|\bon request\b|\bwhen (?:an? )?(?:admin|i|we|it|someone|the helpdesk) (?:runs?|asks?|triggers?|requests?)\b|\bre-?issu\w*\b/i, apply: (_match, recognition) => state(recognition, 'trigger', 'manual') },
    { pattern: /\b(?:when|once|as soon as|after)\s+(?:someone|a new hire|a joiner|the account|an account|they|a person|the user)\s+(?:joins?|starts?|is created|exists?|is hired)\b|\bon (?:join|hire)\b|\bjoiner event\b|\bnew (?:hires?|joiners?|starters?)\b|\bevery (?:new )?(?:hire|joiner|starter)\b/i, apply: (_match, recognition) => state(recognition, 'trigger', 'user.joined') },
    { pattern: /\bslack\b/i, apply: (_match, recognition) => recognition.stated.add('slack') },
    { pattern: /#([a-z0-9][a-z0-9_-]*)/i, apply: (match, recognition) => recognition.assumptions.push(`The Slack incoming webhook (secret SLACK_WEBHOOK_PATH) must be created for #${match[1]}; a webhook posts only to the channel it was made for.`) },
  ],
  finish(recognition) {
    const p = params(recognition);
    finishStart(recognition);
    recognition.assumptions = [...new Set(recognition.assumptions)];
    if (!Number.isInteger(p.lifetimeInMinutes) || p.lifetimeInMinutes < 10 || p.lifetimeInMinutes > 43200) {
      const said = lifetimeSaid(recognition);
      recognition.problems.push(`a Temporary Access Pass lifetime of ${p.lifetimeInMinutes} minutes${said ? ` ("${said}")` : ''} is outside what Microsoft Graph allows: a whole number of minutes from 10 to 43200 (30 days)`);
    }
    if (!recognition.stated.has('lifetimeInMinutes')) recognition.assumptions.push(`No lifetime was given: the pass is valid for ${p.lifetimeInMinutes} minutes (the tenant policy may shorten it).`);
    if (!recognition.stated.has('isUsableOnce')) recognition.assumptions.push(`Single or multi use was not said: the pass is ${p.isUsableOnce ? 'single use' : 'multi-use'}.`);
    if (!recognition.stated.has('slack')) recognition.assumptions.push("No delivery channel was named: the pass goes to the manager through a Slack incoming webhook (secret SLACK_WEBHOOK_PATH).");
    if (!p.isUsableOnce) recognition.assumptions.push('A multi-use pass works only where the tenant Temporary Access Pass policy allows multi-use passes.');
  },
  defaults: TAP_DEFAULTS,
  fixtures: (recognition) => httpActionFixtures(tapAction(params(recognition)), recognition.examples),
  generate: (recognition) => httpActionSource(tapAction(params(recognition))),
  spec(recognition) {
    const p = params(recognition);
    const from = p.startTimeOnStartDate ? `from ${p.startTimeOnStartDate} on the start date` : 'from the moment it is issued';
    return {
      summary: `Issues an Entra Temporary Access Pass (${p.lifetimeInMinutes} minutes, ${p.isUsableOnce ? 'single use' : 'multi-use'}, valid ${from}) through Microsoft Graph and sends it to the manager through Slack; the pass is never logged or returned.`,
      trigger: p.trigger,
      inputs: ['account.userPrincipalName', 'person.managerEmail', 'person.startDate', 'person.firstName', 'person.preferredName', 'person.lastName'],
      output: '{ tapIssued: true, delivered: "slack", lifetimeInMinutes, isUsableOnce, userPrincipalName }',
      rules: [
        'Refuse before any pass exists when the account has no userPrincipalName or the person has no manager.',
        `POST /users/{upn}/authentication/temporaryAccessPassMethods with lifetimeInMinutes ${p.lifetimeInMinutes} and isUsableOnce ${p.isUsableOnce}${p.startTimeOnStartDate ? ` and startDateTime = start date + T${p.startTimeOnStartDate}` : ''}; anything but 201 is an error naming the status.`,
        'Send the pass to the manager in one Slack webhook message; a failed delivery is an error saying the pass was issued but not delivered.',
        'Never put the pass in a log line, an error or the output. The Graph token and the webhook path never reach the function: the host adds them at egress, each for its own host only.',
      ],
      edgeCases: ['guest UPN with #EXT#', 'no account or no UPN', 'no manager', 'a webhook secret that is not a Slack path (it still reaches only hooks.slack.com)', 'Graph 403 / 400 / 201 without a pass', 'Slack webhook removed', 'policy grants a different lifetime'],
      assumptions: [],
    };
  },
};
