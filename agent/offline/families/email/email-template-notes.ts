// Sentences that restate what the email template already does, read only in the exact form that matches
// it: an address already held by the same employee is kept; the local-part limit counts the contractor
// prefix and the clash number; a name with no Latin letters is an error, never a guess. Said differently
// ("… give them a new one", "… use the employee ID instead"), the words stay unread and the sentence is
// named back.

import type { Rule } from '../../recognizer.ts';
import type { EmailReading } from './email-identifier.ts';
import { DOMAIN } from './email-rules.ts';

const NOT_BEFORE = String.raw`(?<!\b(?:instead of|rather than|not|never|don'?t|do not|without)\s+)`;

export const TEMPLATE_NOTE_RULES: Rule<EmailReading>[] = [
  // A written-out address is read whole ("mary.smith-jones@acme.com"), before its domain alone is.
  { pattern: new RegExp(String.raw`(?<![\w.-])[a-z0-9][a-z0-9._-]*@${DOMAIN}`, 'i') },
  // "If it already belongs to the same person (same employee ID), keep it".
  {
    pattern: /\b(?:if|when)\s+(?:it|the address|that address|the e-?mail|the same address)\s+(?:already\s+)?(?:belongs\s+to|is\s+(?:already\s+)?(?:held|owned|used)\s+by|is\s+(?:already\s+)?(?:theirs|(?:the\s+)?same\s+person's))(?:\s+the\s+same\s+(?:person|employee|user|joiner))?(?:\s*\(\s*(?:the\s+)?same\s+employee\s*(?:id|number)\s*\))?\s*,?\s*(?:then\s+)?(?:just\s+)?(?:keep|reuse|return|leave)\s+(?:it|that|the address|that address)(?:\s+as\s+(?:it\s+)?is)?(?:\s+unchanged)?\b|\b(?:keep|reuse|return)\s+(?:it|the address|an address)\s+(?:as\s+(?:it\s+)?is\s+)?(?:if|when)\s+(?:it\s+)?(?:already\s+)?(?:belongs\s+to|is\s+held\s+by)\s+the\s+same\s+(?:person|employee|user)(?:\s*\(\s*(?:the\s+)?same\s+employee\s*(?:id|number)\s*\))?/i,
  },
  // "prefix and number included": the limit counts the contractor prefix and the clash number.
  { pattern: /,?\s*(?:(?:the\s+)?(?:contractor\s+)?(?:prefix|clash number|number|suffix|counter)(?:\s*(?:,|and|&|\+)\s*(?:the\s+)?(?:contractor\s+)?(?:prefix|clash number|number|suffix|counter))*\s+(?:included|includ(?:es|ing)|counted|count(?:s)?(?:\s+too)?)|including\s+(?:the\s+)?(?:prefix|number|suffix)(?:\s*(?:,|and|&)\s*(?:the\s+)?(?:prefix|number|suffix))*)\b/i },
  // "If a name has no latin letters at all (e.g. 李 or Петров) … fail with an error rather than guessing".
  {
    pattern: new RegExp(String.raw`\b(?:no|without(?:\s+any)?|zero)\s+(?:latin|ascii|roman|english|a-z)\s+(?:letters?|characters?|chars?)\b[\s\S]*?${NOT_BEFORE}\b(?:fail(?:s|ing)?|error(?:s)?|throw(?:s|ing)?|rais(?:e|es|ing)\s+an?\s+error|reject(?:s|ing)?|refus(?:e|es|ing))\b(?:\s+(?:with\s+|as\s+)?an?\s+(?:clear\s+)?(?:error|exception))?(?:\s*,?\s*(?:rather than|instead of|not|and don'?t|and do not|never)\s+(?:guess(?:ing)?|mak(?:e|ing)\s+(?:one|something|it)\s+up|invent(?:ing)?\s+(?:one|something|it)?))?`, 'iu'),
  },
];
