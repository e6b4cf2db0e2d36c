// Work email addresses as an identifier rule: the email template's parameters, which the email phrases
// read, made into the identifier kind's rule (kinds/identifier/identifier-rule.ts). The local part is the
// identifier; the domain comes after "@" (the contractors' own when set); an address this same employee
// already holds is reused; inner hyphens are kept or dropped; separators are tidied. The function, the
// reference and the fixtures are the identifier kind's; templates/email is the same rule written by hand.

import type { Person } from '../../../../core/sdk/index.ts';
import { expectedIdentifier } from '../../kinds/identifier/expected-identifier.ts';
import type { IdentifierRule } from '../../kinds/identifier/identifier-rule.ts';
import { readingFields } from '../../recognizer.ts';

/** An address someone already holds, and whose it is. */
export interface HeldAddress {
  email: string;
  employeeId: string;
}

/** The reading before the text says anything: the email template's parameters (a test keeps them equal).
 *  The layout's placeholders are {first} {last} {middle} {firstInitial} {middleInitial} {lastInitial} and
 *  {sep} (what `separator` stands for); `suffixSeparator` goes between the local part and the clash number. */
export const EMAIL_READING_DEFAULTS = {
  functionName: 'generate-work-email',
  domain: 'example.com',
  pattern: '{first}{sep}{last}',
  fallbackPatterns: [] as string[],
  separator: '.',
  usePreferredName: true,
  keepHyphens: true,
  transliterations: {} as Record<string, string>,
  firstSuffix: 2,
  suffixSeparator: '',
  suffixDigits: 1,
  maxLocalPartLength: 64,
  maxAttempts: 100,
  contractorPrefix: 'ext.',
  contractorDomain: '',
};

/** What the email phrases read (the email template's parameters). */
export type EmailParams = typeof EMAIL_READING_DEFAULTS;

/**
 * The params while reading: the identifier rule's defaults with the template's parameters written next to
 * them; `maxLength`, which the shared length rules read, is settled into `maxLocalPartLength` and removed.
 */
export type EmailReading = Omit<IdentifierRule, 'maxLength'> & Partial<Pick<IdentifierRule, 'maxLength'>> & Partial<EmailParams>;

/** "{firstInitial}{sep}{last}" with "." → "{f}.{last}", the identifier pattern language. */
function identifierPattern(layout: string, separator: string): string {
  return layout.replace(/\{sep\}/g, separator).replace(/\{firstInitial\}/g, '{f}').replace(/\{middleInitial\}/g, '{m}').replace(/\{lastInitial\}/g, '{l}');
}

export function emailIdentifier(p: EmailParams): IdentifierRule {
  return {
    functionName: p.functionName,
    pattern: identifierPattern(p.pattern, p.separator),
    fallbackPatterns: p.fallbackPatterns.map((layout) => identifierPattern(layout, p.separator)),
    contractorPattern: '',
    case: 'lower',
    maxLength: p.maxLocalPartLength,
    separator: p.suffixSeparator,
    firstSuffix: p.firstSuffix,
    suffixDigits: p.suffixDigits,
    maxAttempts: p.maxAttempts,
    whenTaken: 'number',
    contractorPrefix: p.contractorPrefix,
    usePreferredName: p.usePreferredName,
    lastNamePart: 'join',
    transliterations: p.transliterations,
    keepDigits: true,
    whenPartEmpty: 'error',
    noNamePrefix: '',
    rehireByEmployeeId: false,
    output: 'email',
    domain: p.domain,
    contractorDomain: p.contractorDomain,
    reuseOwn: true,
    keepHyphens: p.keepHyphens,
    tidySeparators: true,
  };
}

/** The rule before the text says anything. */
export const EMAIL_DEFAULTS: IdentifierRule = emailIdentifier(EMAIL_READING_DEFAULTS);

/** The reading: what the phrases wrote next to the rule's defaults, the template's defaults for the rest.
 *  The phrases write the shared forms (a pattern such as {f}.{last}, `separator` for the clash number);
 *  settling (email-settle.ts) writes the template's. */
export function readingOf(params: Partial<EmailParams>): EmailParams {
  return readingFields(params, EMAIL_READING_DEFAULTS);
}

/** The address the identifier reference gives this person, with these addresses held; or the error. */
export function expectedAddress(p: EmailParams, person: Person, held: HeldAddress[] = []): string | { error: string } {
  const others = held.filter((holder) => holder.employeeId !== person.employeeId).map((holder) => holder.email);
  const own = held.filter((holder) => holder.employeeId === person.employeeId).map((holder) => ({ ...holder, username: '' }));
  const expected = expectedIdentifier(emailIdentifier(p), person, others, own);
  return 'output' in expected ? String(expected.output.email) : expected;
}
