// Clause accounting on its own: which tokens are salient, and how a reading accounts for them.

import { describe, expect, it } from 'vitest';
import { accountClauses, accountingGaps } from '../../../agent/offline/accounting/account-clauses.ts';
import { collectEvidence } from '../../../agent/offline/accounting/evidence.ts';
import { splitClauses } from '../../../agent/offline/clauses.ts';
import { findSalientTokens } from '../../../agent/offline/grammar/salient-tokens.ts';

const kindsAndValues = (text: string) => findSalientTokens(text).map((token) => `${token.kind}:${token.value}`);

describe('salient tokens', () => {
  it.each([
    ['Contractors get a c- prefix', ['people:contractor', 'affix:c-']],
    ['first 3 letters of the first name + first five of the last', ['number:3', 'number:5']],
    ['for new hires starting on Monday', ['day:monday']],
    ['a laptop for new engineers in Berlin', ['people:engineer', 'place:berlin']],
    ['the pass is emailed to their manager', ['channel:email']],
    ['Prefix "ext." for freelancers', ['quoted:ext.', 'people:freelancer']],
  ])('%s', (text, expected) => {
    expect(kindsAndValues(text)).toEqual(expected);
  });

  it.each([
    ['numbers in URLs, addresses, secret names, dates and JSON', 'POST https://x.example/v1.0/u/{id} as it-2@acme.com, GRAPH_TOKEN_2, 2026-12-01, {"a": 5}'],
    ['a work email field is not a channel', 'Write the work email back to BambooHR'],
    ['systems after "in" are not places', 'Check it in AD and in Entra'],
  ])('ignores %s', (_name, text) => {
    expect(kindsAndValues(text)).toEqual([]);
  });

  it('knows that 8 hours is 480 minutes and that "under 21" is a limit of 20', () => {
    const [hours] = findSalientTokens('valid for 8 hours');
    const [under] = findSalientTokens('under 21 characters');
    expect(hours?.also).toEqual(['480']);
    expect(under?.also).toEqual(['20']);
  });
});

describe('accounting a reading', () => {
  const clauses = splitClauses('Usernames are first initial plus last name. Max 20 characters, numbers 1, 2, 3. Contractors get a c- prefix.');

  it('accounts numbers by the settings that hold them and continues a numbering; names what nothing accounts for', () => {
    const params = { maxLength: 20, firstSuffix: 1, contractorPrefix: '' };
    const evidence = collectEvidence({ params, defaults: { maxLength: 20 }, set: ['maxLength', 'firstSuffix'], examples: [] });
    const accounts = accountClauses({ clauses, unhandled: [], trace: [], evidence, facts: [] });
    const accountedBy = accounts[1]?.tokens.map((token) => token.by);
    expect(accountedBy).toEqual(['setting maxLength', 'setting firstSuffix', 'the numbering it continues', 'the numbering it continues']);
    expect(accountingGaps(accounts).tokens.map(({ token }) => token.text)).toEqual(['Contractors', 'c-']);
  });

  it('a default the text did not set accounts for nothing, and a fact of the template accounts for what it always does', () => {
    const defaults = { maxLength: 20, firstSuffix: 1, contractorPrefix: 'c-' };
    const evidence = collectEvidence({ params: { ...defaults }, defaults, set: [], examples: [] });
    const accounts = accountClauses({ clauses, unhandled: [], trace: [], evidence, facts: [/^20$/] });
    expect(accountingGaps(accounts).tokens.map(({ token }) => token.text)).toEqual(['1', '2', '3', 'Contractors', 'c-']);
  });

  it('a number inside the span of a rule that wrote it is accounted by that setting; one the rule did not write is not', () => {
    const evidence = collectEvidence({ params: {}, defaults: {}, set: [], examples: [] });
    const trace = [{ clause: 1, produced: 'maxLength', value: 20, start: 0, end: 18 }];
    const accounts = accountClauses({ clauses: clauses.slice(1, 2), unhandled: [], trace, evidence, facts: [] });
    expect(accounts[0]?.tokens[0]?.by).toBe('setting maxLength');
    expect(accounts[0]?.produced).toEqual(['maxLength']);
    const readAsTwo = [{ clause: 1, produced: 'firstSuffix', value: 2, start: 0, end: 40 }];
    const misread = accountClauses({ clauses: clauses.slice(1, 2), unhandled: [], trace: readAsTwo, evidence, facts: [] });
    expect(accountingGaps(misread).tokens.map(({ token }) => token.text)).toEqual(['20', '1']);
  });
});
