// The email family as an identifier rule: the function generated from the template's defaults behaves as
// the hand-written template (it passes the template's fixtures, and the template passes the kind's), every
// generated function passes the identifier fixtures in the real sandbox, and those fixtures catch a function
// that does not reuse the employee's own address, uses the wrong domain, does not number a clash or does not
// fold accents.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { EMAIL_DEFAULTS, EMAIL_READING_DEFAULTS, emailIdentifier } from '../../../agent/offline/families/email/email-identifier.ts';
import { identifierFixtures } from '../../../agent/offline/kinds/identifier/identifier-fixtures.ts';
import type { IdentifierRule } from '../../../agent/offline/kinds/identifier/identifier-rule.ts';
import { identifierSource } from '../../../agent/offline/kinds/identifier/identifier-source.ts';
import { testFunction } from '../../../core/pipeline/index.ts';
import { createRealToolchain } from '../../helpers/real-toolchain.ts';
import { runAgainstFixtures } from './helpers/run-against-fixtures.ts';

const toolchain = createRealToolchain();
afterAll(() => toolchain.close());

type Fixture = { name: string; expect: { output?: { email?: string }; error?: string } };
const fixturesOf = (rule: IdentifierRule) => identifierFixtures(rule, []) as unknown as Fixture[];
const run = (source: string, rule: IdentifierRule) => runAgainstFixtures(toolchain, source, fixturesOf(rule));
const TEMPLATE_FIXTURES = new URL('../../../templates/email/email.fixtures.json', import.meta.url);
const TEMPLATE_SOURCE = new URL('../../../templates/email/email.ts', import.meta.url);

/** Contractors on their own domain, a dotted clash number from 1, a middle-initial fallback, hyphens dropped, ü as ue. */
const PARTNERS = emailIdentifier({
  ...EMAIL_READING_DEFAULTS,
  domain: 'acme.com',
  contractorDomain: 'partners.acme.com',
  contractorPrefix: '',
  suffixSeparator: '.',
  firstSuffix: 1,
  fallbackPatterns: ['{first}{sep}{middleInitial}{sep}{last}'],
  keepHyphens: false,
  transliterations: { ü: 'ue' },
});

describe('email as an identifier rule', () => {
  it("reads the template's parameters into the identifier language", () => {
    expect(EMAIL_DEFAULTS).toMatchObject({ output: 'email', pattern: '{first}.{last}', domain: 'example.com', separator: '', firstSuffix: 2, maxLength: 64 });
    expect(EMAIL_DEFAULTS).toMatchObject({ contractorPrefix: 'ext.', reuseOwn: true, keepHyphens: true, tidySeparators: true });
    expect(PARTNERS).toMatchObject({ pattern: '{first}.{last}', fallbackPatterns: ['{first}.{m}.{last}'], separator: '.', keepHyphens: false });
    expect(PARTNERS.contractorDomain).toBe('partners.acme.com');
    const clash = fixturesOf(PARTNERS).find((fixture) => fixture.name === 'a taken name gets the next candidate');
    expect(clash?.expect.output).toEqual({ email: 'john.smith.1@acme.com' });
    expect(fixturesOf(PARTNERS).find((fixture) => fixture.name === 'a contractor')?.expect.output).toEqual({ email: 'carla.diaz@partners.acme.com' });
  });

  it('behaves as the hand-written template: each passes the fixtures of the other', async () => {
    const generated = await testFunction({ source: identifierSource(EMAIL_DEFAULTS), fixturesText: readFileSync(TEMPLATE_FIXTURES, 'utf8'), toolchain });
    expect(generated.report?.results.filter((test) => !test.passed).map((test) => test.name)).toEqual([]);
    expect(generated.report?.results.length).toBeGreaterThan(5);
    expect(await runAgainstFixtures(toolchain, readFileSync(TEMPLATE_SOURCE, 'utf8'), fixturesOf(EMAIL_DEFAULTS))).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('the generated functions pass every fixture in the real sandbox', async () => {
    for (const rule of [EMAIL_DEFAULTS, PARTNERS]) expect(await run(identifierSource(rule), rule)).toEqual({ ok: true, failed: [] });
  }, 60_000);

  it('the fixtures catch a function that does not reuse the own address, uses the wrong domain, numbers no clash or folds no accent', async () => {
    const source = identifierSource(PARTNERS);
    const notReused = source.replace(/const reused = holders\.length > 0 && [^;]+;/, 'const reused = false;');
    expect(notReused).not.toBe(source);
    expect((await run(notReused, PARTNERS)).failed).toEqual(['the value this same employee already holds is kept']);
    const oneDomain = source.replace(/const domain = contractor && [^;]+;/, 'const domain = PARAMS.domain;');
    expect(oneDomain).not.toBe(source);
    expect((await run(oneDomain, PARTNERS)).failed).toEqual(['a contractor']);
    const unnumbered = source.replace('numbered && tries.length < PARAMS.maxAttempts', 'false');
    const numberedNames = ['a taken name gets the next candidate', 'retired names are never reused', 'a clash at the length limit never exceeds it'];
    const goesOn = ['without a middle name a taken name goes on', 'a disabled user still holds a value: the next one'];
    expect((await run(unnumbered, PARTNERS)).failed).toEqual([...numberedNames, ...goesOn]);
    const sameNumber = source.replace('tries.push(PARAMS.firstSuffix + index)', 'tries.push(PARAMS.firstSuffix)');
    expect((await run(sameNumber, PARTNERS)).failed).toEqual(['retired names are never reused', 'a disabled user still holds a value: the next one']);
    // Accents dropped with their letters instead of folded (å, ë); ø and æ are spelt out by the table.
    const unfolded = source.replace("for (const piece of character.normalize('NFKD')) {", 'for (const piece of character) {');
    const accented = ['ø and å are transliterated (Søren Ødegård)', 'æ becomes ae and accents are dropped (Zoë Kjær)'];
    expect((await run(unfolded, PARTNERS)).failed).toEqual(accented);
  }, 120_000);
});
